using Annalist.Core.Errors;
using Annalist.Store;
using Annalist.Store.Entities;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary><c>annalist entities list [--type T] [--name X]</c>: corpus entities, most documented first. Exit code 1 when none.</summary>
public sealed class EntitiesListCommand(AnnalistServices services) : Command<EntitiesListSettings>
{
    public override int Execute(CommandContext context, EntitiesListSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExistingStore();
        var entities = store.ListEntities(new EntityQuery(settings.Type, settings.Name, settings.Limit));
        foreach (var entity in entities) services.Streams.Output.MarkupLine(EntityLines.Summary(entity));
        services.Streams.WriteErrorLine($"{entities.Count} entit{(entities.Count == 1 ? "y" : "ies")}.");
        return entities.Count > 0 ? 0 : 1;
    }
}

/// <summary><c>annalist entities show ID|NAME</c>: names, roles, documents, mentions and turns of an entity, and the evidence for each merge.</summary>
public sealed class EntitiesShowCommand(AnnalistServices services) : Command<EntitiesShowSettings>
{
    public override int Execute(CommandContext context, EntitiesShowSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExistingStore();
        var found = store.FindEntities(settings.EntityText);
        if (found.Count == 0) throw new AnnalistException(ErrorCatalogue.EntityNotInStore, settings.EntityText);
        var output = services.Streams.Output;
        foreach (var entity in found)
        {
            var details = store.GetEntity(entity.Id, settings.Limit);
            if (details is null) continue;
            output.MarkupLine(EntityLines.Summary(details.Entity));
            if (details.Entity.Roles.Length > 0) output.MarkupLine("  roles: " + Markup.Escape(EntityLines.OneLine(string.Join("; ", details.Entity.Roles))));
            if (details.MergedFrom.Count > 0) output.MarkupLine("  merged by you from: " + string.Join(", ", details.MergedFrom));
            output.MarkupLine("  [bold]gathered from[/]");
            foreach (var member in details.Members.Take(settings.Limit))
            {
                output.MarkupLine($"    {Markup.Escape(member.DocumentKey)} [grey]{Markup.Escape(member.LocalId)}[/] {Markup.Escape(EntityLines.OneLine(string.Join(" / ", member.Names)))}" +
                    $" [grey]({Markup.Escape(member.Rule)}{(member.Evidence.Length > 0 ? ": " + Markup.Escape(member.Evidence) : "")})[/]");
            }
            if (details.Members.Count > settings.Limit) output.MarkupLine($"    [grey]… and {details.Members.Count - settings.Limit} more (--limit)[/]");
            Occurrences(output, "mentions", details.Mentions);
            Occurrences(output, "turns", details.Turns);
            output.WriteLine();
        }
        return 0;
    }

    private static void Occurrences(IAnsiConsole output, string title, IReadOnlyList<EntityOccurrence> occurrences)
    {
        if (occurrences.Count == 0) return;
        output.MarkupLine($"  [bold]{title}[/]");
        foreach (var occurrence in occurrences)
        {
            string text = occurrence.Text.Length > 160 ? occurrence.Text[..157] + "…" : occurrence.Text;
            output.MarkupLine($"    {Markup.Escape(occurrence.DocumentName)} [grey][[{occurrence.Span.Start}..{occurrence.Span.End})[/] " +
                Markup.Escape(EntityLines.OneLine(occurrence.Before)) + "[yellow]" + Markup.Escape(EntityLines.OneLine(text)) + "[/]" + Markup.Escape(EntityLines.OneLine(occurrence.After)));
        }
    }
}

/// <summary><c>annalist entities merge A B</c>: B becomes part of A, as a correction that survives re-analysis.</summary>
public sealed class EntitiesMergeCommand(AnnalistServices services) : Command<EntitiesMergeSettings>
{
    public override int Execute(CommandContext context, EntitiesMergeSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExistingStore();
        var merged = store.MergeEntities(EntityLines.One(store, settings.Into), EntityLines.One(store, settings.From), settings.Note);
        services.Streams.Output.MarkupLine("Merged: " + EntityLines.Summary(merged));
        return 0;
    }
}

/// <summary><c>annalist entities split ID --names …</c>: the parts with those names become an entity of their own, as a correction.</summary>
public sealed class EntitiesSplitCommand(AnnalistServices services) : Command<EntitiesSplitSettings>
{
    public override int Execute(CommandContext context, EntitiesSplitSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExistingStore();
        var result = store.SplitEntity(EntityLines.One(store, settings.Entity), settings.Names, settings.Note);
        foreach (var entity in result) services.Streams.Output.MarkupLine("Now: " + EntityLines.Summary(entity));
        return 0;
    }
}

internal static class EntityLines
{
    public static string Summary(CorpusEntity entity)
    {
        string others = string.Join(", ", entity.Names.Where(n => n != entity.Name).Take(6));
        return $"[bold]{entity.Id}[/] {Markup.Escape(entity.Type)} [bold]{Markup.Escape(entity.Name)}[/]" +
            (others.Length > 0 ? " [grey](" + Markup.Escape(others) + ")[/]" : "") +
            $" — {entity.Documents} document{(entity.Documents == 1 ? "" : "s")}" +
            (entity.Gazetteers.Length > 0 ? " [grey]" + Markup.Escape(string.Join(" ", entity.Gazetteers)) + "[/]" : "");
    }

    /// <summary>The one entity an id or name stands for; a name that finds several is refused with the candidates.</summary>
    public static long One(ICorpusStore store, string idOrName)
    {
        var found = store.FindEntities(idOrName);
        if (found.Count == 0) throw new AnnalistException(ErrorCatalogue.EntityNotInStore, idOrName);
        if (found.Count > 1)
            throw new AnnalistException(ErrorCatalogue.InvalidOption, $"{idOrName} names {found.Count} entities ({string.Join("; ", found.Take(8).Select(e => $"{e.Id} {e.Name}"))}); give an id.");
        return found[0].Id;
    }

    public static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
