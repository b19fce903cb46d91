using Annalist.Core.Entities;
using Annalist.Core.Entities.Tagging;
using Annalist.Formats.Corpora;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

public sealed class NerDebugSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    public string File { get; init; } = "";
}

public sealed class NerDebugCommand : Command<NerDebugSettings>
{
    public override int Execute(CommandContext context, NerDebugSettings settings, CancellationToken cancellationToken)
    {
        string text = System.IO.File.ReadAllText(settings.File);
        var input = PlainTextInput.From(text);
        var tagger = new MentionTagger(EntityModels.TaggerModel!, EntityModels.Gazetteer);
        foreach (var n in tagger.Tag(input)) Console.WriteLine($"tag {n.Type} {n.Span.Slice(text)}");
        var result = new EntityRecognizer(tagger, EntityModels.Gazetteer).Recognize(input);
        foreach (var e in result.Entities) Console.WriteLine($"{e.Id} {e.Type} '{e.Name}' [{string.Join(" | ", e.Aliases)}] roles [{string.Join(" | ", e.Roles)}] {e.Place?.Id}");
        return 0;
    }
}
