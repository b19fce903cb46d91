using System.Globalization;
using Annalist.Core.Annotations;
using Annalist.Core.Attributions;
using Annalist.Core.Coreference;
using Annalist.Core.Discourse;
using Annalist.Core.Entities;
using Annalist.Core.Events;
using Annalist.Core.Ledger;
using Annalist.Core.Quantities;
using Annalist.Core.Text;
using Annalist.Core.Time;
using Spectre.Console;

namespace Annalist.Cli.Reports;

/// <summary>The sections of the report that read the layers' facts: people, dates, quantities, events, commitments, sources, references.</summary>
public sealed partial class TextReportWriter
{
    private static Dictionary<string, string> EntityNames(AnalyzedDocument document)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.TryGetLayer<Entity>(LayerNames.Entities, out var entities))
        {
            foreach (var entity in entities) names[entity.Id] = entity.Name;
        }
        return names;
    }

    /// <summary>Each person once: how often named, where first, and the titles and offices the text gives (those of the participants block too).</summary>
    private void WritePeople(SourceDocument source, Layer<Entity> entities, Layer<Participant>? participants)
    {
        var people = entities.Where(e => e.Type == EntityType.Person).ToList();
        Heading($"People ({people.Count:N0})");
        if (people.Count == 0) return;
        var offices = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var participant in participants ?? Enumerable.Empty<Participant>())
        {
            if (participant.EntityId is not { } id || participant.Role is not { } role) continue;
            foreach (string office in role.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) Add(offices, id, office);
        }
        bool linked = people.Any(p => p.Authority is not null);
        var table = new Table().Border(TableBorder.Simple).AddColumn("name").AddColumn(new TableColumn("mentions").RightAligned())
            .AddColumn("first at").AddColumn("titles and offices");
        if (linked) table.AddColumn("authority");
        int shown = Listed(people.Count);
        foreach (var person in people.Take(shown))
        {
            var titles = new List<string>();
            foreach (string title in person.Roles)
            {
                string shownTitle = ReportText.Excerpt(title, _options.MaxExcerptLength);
                if (!titles.Contains(shownTitle, StringComparer.OrdinalIgnoreCase)) titles.Add(shownTitle);
            }
            foreach (string office in offices.GetValueOrDefault(person.Id) ?? [])
            {
                if (!titles.Contains(office, StringComparer.OrdinalIgnoreCase)) titles.Add(office);
            }
            var cells = new List<Text>
            {
                new(person.Name, new Style(decoration: Decoration.Bold)),
                new(person.Mentions.Length.ToString("N0", CultureInfo.InvariantCulture)),
                new(Position(source, person.Span.Start), new Style(Color.Grey)),
                new(string.Join("; ", titles)),
            };
            if (linked) cells.Add(new Text(person.Authority is { } authority ? $"{authority.Name} ({authority.Id})" : ""));
            table.AddRow(cells);
        }
        Show(table);
        More(people.Count - shown);
    }

    private void WritePlacesAndOrganizations(SourceDocument source, Layer<Entity> entities)
    {
        var others = entities.Where(e => e.Type != EntityType.Person).ToList();
        Heading($"Places, organizations and groups ({others.Count:N0})");
        if (others.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumn("name").AddColumn("kind").AddColumn(new TableColumn("mentions").RightAligned())
            .AddColumn("first at").AddColumn("gazetteer");
        int shown = Listed(others.Count);
        foreach (var entity in others.Take(shown))
        {
            table.AddRow(new Text(entity.Name, new Style(decoration: Decoration.Bold)), new Text(EntityTypeNames.Of(entity.Type)),
                new Text(entity.Mentions.Length.ToString("N0", CultureInfo.InvariantCulture)), new Text(Position(source, entity.Span.Start), new Style(Color.Grey)),
                new Text(entity.Place?.Id ?? "", new Style(Color.Grey)));
        }
        Show(table);
        More(others.Count - shown);
    }

    /// <summary>Each date, time, duration or set as written, its value, the span of days it may denote, and what it took what it does not state from.</summary>
    private void WriteDates(SourceDocument source, Layer<Timex> timexes)
    {
        Heading($"Dates ({timexes.Count:N0})");
        if (timexes.Count == 0) return;
        var byStart = new Dictionary<int, Timex>();
        foreach (var timex in timexes) byStart.TryAdd(timex.Span.Start, timex);
        var table = new Table().Border(TableBorder.Simple).AddColumn("at").AddColumn("text").AddColumn("value").AddColumn("between").AddColumn("anchored to");
        var fields = new ReportFieldWriter(source.Text, _options.MaxExcerptLength);
        int shown = Listed(timexes.Count);
        for (int i = 0; i < shown; i++)
        {
            var timex = timexes[i];
            fields.Clear();
            timex.WriteFields(fields);
            string value = fields["value"] ?? "";
            string? kind = fields["type"] is "DATE" or null ? null : fields["type"]!.ToLowerInvariant();
            string? modifier = fields["mod"] is "null" or null ? null : fields["mod"]!.ToLowerInvariant().Replace('_', ' ');
            string qualifiers = string.Join(", ", new[] { kind, modifier, timex.Editorial ? "editor's" : null }.OfType<string>());
            if (qualifiers.Length > 0) value += $" ({qualifiers})";
            string between = fields["earliest"] is { Length: >= 10 } earliest && fields["latest"] is { Length: >= 10 } latest && earliest[..10] != latest[..10]
                ? earliest[..10] + " – " + latest[..10] : "";
            string anchor = timex.AnchorSource switch
            {
                TimexAnchorSource.Narrative when timex.Anchor is { } at && byStart.TryGetValue(at, out var earlier) =>
                    $"“{Excerpt(source, earlier.Span, _options.MaxExcerptLength / 2)}” ({Position(source, at)})",
                TimexAnchorSource.Narrative when timex.Anchor is { } at => $"the date at {Position(source, at)}",
                TimexAnchorSource.Document => "the document's date" + (source.Metadata.Date is { } date ? $" ({date})" : ""),
                TimexAnchorSource.Given => "the reference date",
                _ => "",
            };
            table.AddRow(new Text(Position(source, timex.Span.Start), new Style(Color.Grey)), new Text(Excerpt(source, timex.Span, _options.MaxExcerptLength)),
                new Text(value, new Style(decoration: Decoration.Bold)), new Text(between), new Text(anchor, new Style(Color.Grey)));
        }
        Show(table);
        More(timexes.Count - shown);
    }

    private void WriteQuantities(SourceDocument source, Layer<Quantity> quantities)
    {
        Heading($"Quantities ({quantities.Count:N0})");
        if (quantities.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumn("at").AddColumn("text").AddColumn("kind").AddColumn(new TableColumn("value").RightAligned())
            .AddColumn("unit").AddColumn("of").AddColumn("hedge");
        int shown = Listed(quantities.Count);
        for (int i = 0; i < shown; i++)
        {
            var quantity = quantities[i];
            string value = quantity.Value is { } v ? Number(v) : quantity.Min is { } min && quantity.Max is { } max ? Number(min) + "–" + Number(max) : "";
            string kind = quantity.Kind switch
            {
                QuantityKind.Count => "count",
                QuantityKind.Measure => "measure",
                QuantityKind.Money => "money",
                QuantityKind.Percent => "percent",
                _ => "number",
            };
            table.AddRow(new Text(Position(source, quantity.Span.Start), new Style(Color.Grey)), new Text(Excerpt(source, quantity.Span, _options.MaxExcerptLength)),
                new Text(kind), new Text(value, new Style(decoration: Decoration.Bold)), new Text(quantity.Unit ?? ""),
                new Text(quantity.Item is { } item ? Excerpt(source, item, _options.MaxExcerptLength / 2) : ""), new Text(quantity.Qualifier ?? ""));
        }
        Show(table);
        More(quantities.Count - shown);
    }

    /// <summary>Each event with who took part in which role (an entity by its name, else the phrase), when, and the words that state it.</summary>
    private void WriteEvents(SourceDocument source, Layer<EventFrame> events, IReadOnlyDictionary<string, string> names)
    {
        Heading($"Events ({events.Count:N0})");
        if (events.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumn("at").AddColumn("event").AddColumn("who").AddColumn("when").AddColumn("words");
        int shown = Listed(events.Count);
        for (int i = 0; i < shown; i++)
        {
            var frame = events[i];
            var what = new List<string> { frame.Type + " " + frame.Id };
            if (frame.Negative) what.Add("did not happen");
            if (frame.Modality is { } modality) what.Add("modal " + modality);
            what.AddRange(frame.Links.Select(link => link.Relation + " " + (link.Target ?? "“" + Excerpt(source, link.Evidence, _options.MaxExcerptLength / 2) + "”")));
            var who = frame.Roles.SelectMany(role => role.Entities.Select(id => $"{names.GetValueOrDefault(id, id)} ({role.Name})"))
                .Concat(frame.Unresolved.Select(p => $"{p.Text} ({p.Role})"));
            string when = frame.TimeStart is null ? "" : frame.TimeStart + (frame.TimeEnd is { } end ? " – " + end : "") + (frame.TimeAnchor == "narrative" ? " ≈" : "");
            table.AddRow(new Text(Position(source, frame.Span.Start), new Style(Color.Grey)), new Text(string.Join(", ", what), new Style(decoration: Decoration.Bold)),
                new Text(string.Join(", ", who)), new Text(when), new Text("“" + Excerpt(source, frame.Span, _options.MaxExcerptLength) + "”", new Style(Color.Grey)));
        }
        Show(table);
        More(events.Count - shown);
        if (events.Any(e => e.TimeAnchor == "narrative"))
        {
            Show(new Text("≈ a date taken from the narrative before the event.", new Style(Color.Grey)));
            _console.WriteLine();
        }
    }

    /// <summary>The commitments among the events, as <c>annalist ledger</c> gives them: who asked for, promised, granted or delivered what, to whom, and what became of it.</summary>
    private void WriteCommitments(AnalyzedDocument document)
    {
        var rows = LedgerBuilder.Commitments([LedgerDocument.FromAnalysis(document)]);
        Heading($"Commitments ({rows.Count:N0})");
        if (rows.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumn("event").AddColumn("who").AddColumn("action").AddColumn(new TableColumn("how many").RightAligned())
            .AddColumn("what").AddColumn("to").AddColumn("when").AddColumn("status");
        int shown = Listed(rows.Count);
        foreach (var row in rows.Take(shown))
        {
            table.AddRow(new Text(row.Event, new Style(Color.Grey)), new Text(string.Join("; ", row.Who), new Style(decoration: Decoration.Bold)), new Text(row.Action),
                new Text(row.Quantity is { } quantity ? Number(quantity) : ""), new Text(row.Item ?? ""), new Text(string.Join("; ", row.To)), new Text(row.When ?? ""),
                new Text(row.Status));
        }
        Show(table);
        More(rows.Count - shown);
    }

    private void WriteSources(SourceDocument source, Layer<Attribution> attributions, IReadOnlyDictionary<string, string> names)
    {
        Heading($"Sources, hearsay and doubt ({attributions.Count:N0})");
        if (attributions.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumn("at").AddColumn("known as").AddColumn("cue").AddColumn("whose").AddColumn("statement");
        int shown = Listed(attributions.Count);
        for (int i = 0; i < shown; i++)
        {
            var attribution = attributions[i];
            string known = attribution.Evidentiality switch
            {
                Evidentiality.Hearsay => "hearsay",
                Evidentiality.WrittenSource => "written source",
                _ => "uncertain",
            };
            table.AddRow(new Text(Position(source, attribution.Span.Start), new Style(Color.Grey)), new Text(known, new Style(decoration: Decoration.Bold)),
                new Text(Excerpt(source, attribution.Cue, _options.MaxExcerptLength / 2)),
                new Text(attribution.SourceHolder is { } holder ? names.GetValueOrDefault(holder, holder) : ""),
                new Text(Excerpt(source, attribution.Span, _options.MaxExcerptLength), new Style(Color.Grey)));
        }
        Show(table);
        More(attributions.Count - shown);
    }

    /// <summary>Each pronoun or person noun phrase with the person it was taken to mean and the earlier words it was linked to.</summary>
    private void WriteReferences(SourceDocument source, Layer<CoreferenceLink> references, IReadOnlyDictionary<string, string> names)
    {
        Heading($"Who the pronouns and descriptions refer to ({references.Count:N0})");
        if (references.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumn("at").AddColumn("words").AddColumn("refers to").AddColumn("linked to")
            .AddColumn(new TableColumn("confidence").RightAligned());
        int shown = Listed(references.Count);
        for (int i = 0; i < shown; i++)
        {
            var link = references[i];
            string person = names.TryGetValue(link.EntityId, out string? name) ? name : link.Introduces ? "someone not named before" : "the same unnamed person";
            string antecedent = link.Antecedent is { } earlier ? $"“{Excerpt(source, earlier, _options.MaxExcerptLength / 2)}” ({Position(source, earlier.Start)})" : "";
            table.AddRow(new Text(Position(source, link.Span.Start), new Style(Color.Grey)), new Text(Excerpt(source, link.Span, _options.MaxExcerptLength / 2)),
                new Text(person, new Style(decoration: Decoration.Bold)), new Text(antecedent, new Style(Color.Grey)),
                new Text(link.Score.ToString("0.00", CultureInfo.InvariantCulture)));
        }
        Show(table);
        More(references.Count - shown);
    }

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, List<string>> lists, string key, string value)
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        if (!list.Contains(value, StringComparer.OrdinalIgnoreCase)) list.Add(value);
    }
}
