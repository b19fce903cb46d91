using System.ComponentModel;
using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Syntax;
using Annalist.Formats.Conllu;
using Annalist.Formats.Readers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>
/// <c>annalist eval ud FILE.conllu</c>: tags and parses a UD treebank on its gold tokenization and scores
/// UPOS, XPOS, UAS and LAS, with the confusions that cost most; <c>--json</c> prints the scores only.
/// </summary>
internal sealed class EvalUdCommand : Command<EvalUdCommand.Settings>
{
        public sealed class Settings : EvalSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A CoNLL-U file with gold tags and trees.")]
        public string File { get; init; } = "";

        [CommandOption("--tagger <FILE>")]
        [Description("A tagger model to use instead of the shipped one.")]
        public string? Tagger { get; init; }

        [CommandOption("--parser <FILE>")]
        [Description("A parser model to use instead of the shipped one.")]
        public string? Parser { get; init; }

        [CommandOption("--top <N>")]
        [DefaultValue(10)]
        public int Top { get; init; } = 10;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        foreach (string? path in new[] { settings.File, settings.Tagger, settings.Parser })
        {
            if (path is not null && !System.IO.File.Exists(path)) throw MissingFile.Error(path);
        }
        var tagger = settings.Tagger is null ? SyntaxModels.Tagger : LoadFile(settings.Tagger, PartOfSpeechTagger.Load);
        var parser = settings.Parser is null ? SyntaxModels.Parser : LoadFile(settings.Parser, DependencyParser.Load);
        var diagnostics = new List<Diagnostic>();
        var sentences = ConlluTreebank.ReadFile(settings.File, diagnostics);
        var scorer = SyntaxEvaluation.Score(sentences, tagger, parser);
        if (settings.Json)
        {
            Console.Out.WriteLine(new System.Text.Json.Nodes.JsonObject { ["layers"] = Annalist.Evaluation.Syntax.UdEvaluation.Layers(scorer) }.ToJsonString());
            return 0;
        }
        foreach (var diagnostic in diagnostics.Take(5)) AnsiConsole.WriteLine($"{diagnostic.Code}: {diagnostic.Message}");
        AnsiConsole.WriteLine($"{Path.GetFileName(settings.File)}: {sentences.Count:N0} sentences, {scorer.Words:N0} words (gold tokenization)");
        AnsiConsole.WriteLine($"  UPOS {scorer.UniversalTagAccuracy:F4}   XPOS {scorer.LanguageTagAccuracy:F4}");
        AnsiConsole.WriteLine($"  UAS  {scorer.UnlabeledAttachment:F4}   LAS  {scorer.LabeledAttachment:F4}   (LAS on full relations {scorer.FullLabeledAttachment:F4})");
        AnsiConsole.WriteLine("  UPOS confusions (gold → predicted):");
        foreach (var (gold, predicted, count) in scorer.TopTagConfusions(settings.Top)) AnsiConsole.WriteLine($"    {gold,-6} → {predicted,-6} {count,6:N0}");
        AnsiConsole.WriteLine("  relation confusions where the head is right (gold → predicted):");
        foreach (var (gold, predicted, count) in scorer.TopRelationConfusions(settings.Top)) AnsiConsole.WriteLine($"    {gold,-12} → {predicted,-12} {count,6:N0}");
        return 0;
    }

    private static T LoadFile<T>(string path, Func<Stream, T> load)
    {
        using var stream = System.IO.File.OpenRead(path);
        return load(stream);
    }
}
