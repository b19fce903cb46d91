using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Discourse;
using Annalist.Core.Entities;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Store.Tests.Support;

/// <summary>An entity a test document holds: every occurrence of its name or aliases is a mention.</summary>
internal sealed record ListedEntity(string Id, EntityType Type, string Name, string[]? Aliases = null, string[]? Roles = null, string? Gazetteer = null)
{
    public IEnumerable<string> Surfaces => new[] { Name }.Concat(Aliases ?? []);
}

/// <summary>An event of a type where its trigger word occurs.</summary>
internal sealed record TestEvent(TextSpan Span, string Type) : IAnnotation
{
    public void WriteFields(IFieldWriter writer) => writer.String("type", Type);
}

/// <summary>A date written <c>yyyy-MM-dd</c>, with the interval fields the time layer writes.</summary>
internal sealed record TestTimex(TextSpan Span, string Day) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.String("type", "DATE");
        writer.String("value", Day);
        writer.String("earliest", Day + "T00:00");
        writer.String("latest", Day + "T23:59");
    }
}

/// <summary>
/// Makes the layers the corpus reads — <c>entities</c>, <c>turns</c>, <c>events</c>, <c>timexes</c> — from
/// a list of the document's entities, so that tests say exactly what the analysis found: a line
/// <c>Label: words</c> whose label is an entity's name or alias is that entity's turn; <c>met</c> is a
/// meeting; <c>yyyy-MM-dd</c> a date.
/// </summary>
internal sealed class ListedEntitiesAnnotator(IReadOnlyList<ListedEntity> entities, int version) : Annotator
{
    public override ComponentId Id { get; } = new("test.listed", version);

    public override IReadOnlyList<string> Requires => [];

    public override IReadOnlyList<string> Produces => [LayerNames.Entities, LayerNames.Turns, LayerNames.Events, LayerNames.Timexes];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        string text = state.Text;
        var layer = new List<Entity>();
        foreach (var entity in entities)
        {
            var spans = new List<TextSpan>();
            foreach (string surface in entity.Surfaces.OrderByDescending(s => s.Length))
            {
                for (int at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + surface.Length, StringComparison.Ordinal))
                {
                    var span = new TextSpan(at, at + surface.Length);
                    if (!spans.Any(s => s.Start < span.End && span.Start < s.End)) spans.Add(span);
                }
            }
            if (spans.Count == 0) continue;
            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            var place = entity.Gazetteer is null ? null : new GazetteerEntry(entity.Gazetteer, GazetteerKind.Place, entity.Name, double.NaN, double.NaN, 0);
            layer.Add(new Entity(spans[0], entity.Id, entity.Type, entity.Name, [.. entity.Surfaces.Distinct()], [.. entity.Roles ?? []], [.. spans], place));
        }
        var turns = new List<Turn>();
        int lineStart = 0;
        foreach (string line in text.Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                string label = line[..colon].Trim();
                var speaker = entities.FirstOrDefault(e => e.Surfaces.Contains(label));
                if (speaker is not null)
                    turns.Add(new Turn(new TextSpan(lineStart + colon + 1, lineStart + line.Length), TurnMode.Direct, new TextSpan(lineStart, lineStart + colon), label, [speaker.Id], [], null));
            }
            lineStart += line.Length + 1;
        }
        var events = new List<TestEvent>();
        for (int at = text.IndexOf(" met ", StringComparison.Ordinal); at >= 0; at = text.IndexOf(" met ", at + 1, StringComparison.Ordinal))
            events.Add(new TestEvent(new TextSpan(at + 1, at + 4), "meeting"));
        var timexes = new List<TestTimex>();
        for (int i = 0; i + 10 <= text.Length; i++)
        {
            if (DateOnly.TryParseExact(text.AsSpan(i, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                timexes.Add(new TestTimex(new TextSpan(i, i + 10), text.Substring(i, 10)));
                i += 9;
            }
        }
        return new AnnotatorResult([
            new Layer<Entity>(LayerNames.Entities, Id, layer),
            new Layer<Turn>(LayerNames.Turns, Id, turns),
            new Layer<TestEvent>(LayerNames.Events, Id, events),
            new Layer<TestTimex>(LayerNames.Timexes, Id, timexes)]);
    }
}

internal static class CorpusPipelines
{
    public static AnalyzedDocument Analyze(string name, string text, params ListedEntity[] entities) => Analyze(name, text, 1, entities);

    public static AnalyzedDocument Analyze(string name, string text, int version, params ListedEntity[] entities) =>
        new PipelineBuilder().Add(new ListedEntitiesAnnotator(entities, version)).Build().Analyze(new SourceDocument(name, text, new DocumentMetadata { Source = name }));

    public static ListedEntity Person(string id, string name, params string[] aliases) => new(id, EntityType.Person, name, aliases);
}
