using System.Text.Json.Nodes;
using Annalist.Core.Annotations;
using Annalist.Core.Syntax;
using Annalist.Formats.Conllu;

namespace Annalist.Evaluation.Syntax;

/// <summary>Scores the tagger and parser on a CoNLL-U treebank with its gold tokenization.</summary>
public static class UdEvaluation
{
    public static SyntaxScorer Score(string path, PartOfSpeechTagger tagger, DependencyParser parser, ICollection<Diagnostic>? diagnostics = null) =>
        SyntaxEvaluation.Score(ConlluTreebank.ReadFile(path, diagnostics), tagger, parser);

    /// <summary><c>{"syntax": {upos_accuracy, xpos_accuracy, uas, las, n}}</c>, the layers block of <c>annalist eval ud --json</c>.</summary>
    public static JsonObject Layers(SyntaxScorer scorer) => new()
    {
        ["syntax"] = new JsonObject
        {
            ["upos_accuracy"] = Math.Round(scorer.UniversalTagAccuracy, 4),
            ["xpos_accuracy"] = Math.Round(scorer.LanguageTagAccuracy, 4),
            ["uas"] = Math.Round(scorer.UnlabeledAttachment, 4),
            ["las"] = Math.Round(scorer.LabeledAttachment, 4),
            ["n"] = scorer.Words,
        },
    };
}
