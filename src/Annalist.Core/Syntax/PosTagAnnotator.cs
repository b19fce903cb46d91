using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Syntax;

/// <summary>
/// Produces the <c>pos</c> layer, aligned to <c>tokens</c>: one <see cref="PosTag"/> per token, tagged
/// sentence by sentence (tokens outside every sentence are tagged as runs of their own). Tokens are
/// first mapped to UD's syntactic words (<see cref="SyntacticWords"/>).
/// </summary>
public sealed class PosTagAnnotator : Annotator
{
    public static readonly ComponentId ComponentId = new("pos.perceptron", 2);

    private readonly PartOfSpeechTagger? _tagger;

    /// <summary>Uses <paramref name="tagger"/>, or the shipped model (loaded on first use) when null.</summary>
    public PosTagAnnotator(PartOfSpeechTagger? tagger = null) => _tagger = tagger;

    public override ComponentId Id => ComponentId;

    public override IReadOnlyList<string> Requires { get; } = [LayerNames.Tokens, LayerNames.Sentences];

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.PartsOfSpeech];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var tagger = _tagger ?? SyntaxModels.Tagger;
        var tokens = state.Get<Token>(LayerNames.Tokens).Items;
        var sentences = state.Get<Sentence>(LayerNames.Sentences).Items;
        var tags = new PosTag[tokens.Length];
        var words = new List<TextSpan>();
        var tokenOfWord = new List<int>();
        var classes = new List<int>();
        var allClasses = new List<int>(tokens.Length + tokens.Length / 8);
        foreach (var (first, count) in SentenceRuns.Of(tokens.AsSpan(), sentences.AsSpan()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            words.Clear();
            tokenOfWord.Clear();
            SyntacticWords.Split(state.Text, tokens.AsSpan(first, count), first, words, tokenOfWord);
            var output = SentenceRuns.Buffer(classes, words.Count);
            tagger.Tag(Annalist.Core.Text.Casing.Truecaser.ViewOf(state).Text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(words), output);
            allClasses.AddRange(output);
            for (int w = words.Count - 1; w >= 0; w--)
            {
                int t = tokenOfWord[w];
                tags[t] = new PosTag(tokens[t].Span, tagger.UniversalTags[output[w]], tagger.LanguageTags[output[w]]);
            }
        }
        var layer = new Layer<PosTag>(LayerNames.PartsOfSpeech, Id, tags, alignedTo: LayerNames.Tokens);
        TaggedWordMemo.Remember(layer, tagger, [.. allClasses]);
        return AnnotatorResult.Of(layer);
    }
}
