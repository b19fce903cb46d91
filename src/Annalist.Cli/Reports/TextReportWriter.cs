using System.Globalization;
using Annalist.Core.Annotations;
using Annalist.Core.Attributions;
using Annalist.Core.Coreference;
using Annalist.Core.Discourse;
using Annalist.Core.Entities;
using Annalist.Core.Events;
using Annalist.Core.Quantities;
using Annalist.Core.Text;
using Annalist.Core.Time;
using Annalist.Formats.Json;
using Annalist.Formats.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Annalist.Cli.Reports;

/// <summary>
/// Writes an analyzed document as a report for a person: a header, a summary of every layer, then what was found
/// as a reader asks for it — the people (each once, with its mentions, where it is first named and its offices),
/// places and organizations, the participants, the conversation as a transcript (speaker — words — cue), the dates
/// with what each was anchored to, the quantities, the events and the commitments among them, sources and hearsay,
/// what pronouns refer to, the editor's marks and the quotations — each list its first few items unless
/// <see cref="TextReportOptions.MaxListedItems"/> says otherwise, a sample of any other layer, then the diagnostics
/// with their line and column. Document text is always shown as plain text, never parsed as markup.
/// </summary>
public sealed partial class TextReportWriter
{
    private static readonly HashSet<string> CountedOnly = new(StringComparer.Ordinal)
    {
        LayerNames.Tokens, LayerNames.Sentences, LayerNames.Paragraphs,
    };

    /// <summary>The header line is at most this wide: a rule across a whole wide terminal or file says nothing more.</summary>
    private const int HeaderWidth = 80;

    private readonly IAnsiConsole _console;
    private readonly TextReportOptions _options;

    public TextReportWriter(IAnsiConsole console, TextReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        _console = console;
        _options = options ?? TextReportOptions.Default;
    }

    public void Write(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var layers = LayerOrder.For(document);
        var source = document.Source;
        WriteHeader(document);
        WriteSummary(layers);
        var names = EntityNames(document);
        var shown = new HashSet<string>(CountedOnly, StringComparer.Ordinal);
        bool Has<T>(string name, out Layer<T> layer) where T : IAnnotation
        {
            layer = null!;
            if (!document.Layers.TryGetValue(name, out var found) || found is not Layer<T> typed) return false;
            layer = typed;
            shown.Add(name);
            return true;
        }
        Layer<Participant>? participants = Has<Participant>(LayerNames.Participants, out var listed) ? listed : null;
        if (Has<Entity>(LayerNames.Entities, out var entities))
        {
            WritePeople(source, entities, participants);
            WritePlacesAndOrganizations(source, entities);
            shown.Add(LayerNames.Mentions);
        }
        if (participants is not null) WriteParticipants(participants);
        if (Has<Turn>(LayerNames.Turns, out var turns)) WriteTranscript(source, turns);
        if (Has<Timex>(LayerNames.Timexes, out var timexes)) WriteDates(source, timexes);
        if (Has<Quantity>(LayerNames.Quantities, out var quantities)) WriteQuantities(source, quantities);
        if (Has<EventFrame>(LayerNames.Events, out var events))
        {
            WriteEvents(source, events, names);
            WriteCommitments(document);
        }
        if (Has<Attribution>(LayerNames.Attributions, out var attributions)) WriteSources(source, attributions, names);
        if (Has<CoreferenceLink>(LayerNames.Coreference, out var references)) WriteReferences(source, references, names);
        foreach (var layer in layers)
        {
            if (shown.Contains(layer.Name)) continue;
            switch (layer.Name)
            {
                case LayerNames.Editorial:
                    WriteEditorial(source, layer);
                    break;
                case LayerNames.Quotations:
                    WriteQuotations(source, layer);
                    break;
                default:
                    WriteSample(source, layer);
                    break;
            }
        }
        WriteDiagnostics(document);
    }

    private void WriteHeader(AnalyzedDocument document)
    {
        var source = document.Source;
        Show(new Text(HeaderLine(source.Name, Math.Min(_console.Profile.Width, HeaderWidth)), new Style(Color.Grey)));
        _console.WriteLine();
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string label, string? value)
        {
            if (value is not null) grid.AddRow(new Text(label, new Style(Color.Grey)), new Text(value));
        }
        Row("title", source.Metadata.Title);
        Row("source", source.Metadata.Source);
        Row("sha256", source.Sha256);
        Row("length", string.Create(CultureInfo.InvariantCulture, $"{source.Length:N0} characters, {source.Lines.LineCount:N0} lines"));
        Row("encoding", source.Metadata.Encoding);
        Row("date", source.Metadata.Date);
        Row("pipeline", document.PipelineVersion + (document.Timings.IsEmpty ? " (no components)" : " (" + string.Join(", ", document.Timings.Select(t => t.Component.ToString())) + ")"));
        Show(grid);
        _console.WriteLine();
    }

    private void WriteSummary(IReadOnlyList<RenderedLayer> layers)
    {
        if (layers.Count == 0)
        {
            Show(new Text("No layers.", new Style(Color.Grey)));
            _console.WriteLine();
            return;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumn("layer").AddColumn(new TableColumn("items").RightAligned()).AddColumn("producer");
        foreach (var layer in layers)
        {
            string producer = layer.Layer.Producer.ToString();
            foreach (var aligned in layer.Aligned) producer += ", " + aligned.Name + " by " + aligned.Producer;
            table.AddRow(new Text(layer.Name), new Text(layer.Layer.Count.ToString("N0", CultureInfo.InvariantCulture)), new Text(producer));
        }
        Show(table);
    }

    private void WriteEditorial(SourceDocument source, RenderedLayer layer)
    {
        Heading($"Editorial marks ({layer.Layer.Count:N0})");
        if (layer.Layer.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumn("at").AddColumn("kind").AddColumn("text");
        var fields = new ReportFieldWriter(source.Text, _options.MaxExcerptLength);
        int shown = Listed(layer.Layer.Count);
        for (int i = 0; i < shown; i++)
        {
            fields.Clear();
            layer.WriteFields(i, fields);
            var span = layer.Layer.GetSpan(i);
            table.AddRow(new Text(Position(source, span.Start)), new Text(fields["kind"] ?? "?"), new Text(Excerpt(source, span, _options.MaxExcerptLength)));
        }
        Show(table);
        More(layer.Layer.Count - shown);
    }

    private void WriteQuotations(SourceDocument source, RenderedLayer layer)
    {
        Heading($"Quotations ({layer.Layer.Count:N0})");
        if (layer.Layer.Count == 0) return;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        var fields = new ReportFieldWriter(source.Text, _options.MaxExcerptLength);
        var enclosing = new Stack<TextSpan>();
        int shown = Listed(layer.Layer.Count);
        for (int i = 0; i < shown; i++)
        {
            var span = layer.Layer.GetSpan(i);
            while (enclosing.Count > 0 && !enclosing.Peek().Contains(span)) enclosing.Pop();
            fields.Clear();
            layer.WriteFields(i, fields);
            var quotation = new Paragraph(Excerpt(source, span, _options.MaxQuotationLength));
            if (fields["closed"] == "false") quotation.Append("  (never closed)", new Style(Color.Yellow));
            grid.AddRow(new Text(Position(source, span.Start), new Style(Color.Grey)), new Padder(quotation, new Padding(2 * enclosing.Count, 0, 0, 0)));
            enclosing.Push(span);
        }
        Show(grid);
        More(layer.Layer.Count - shown);
    }

    /// <summary>Each turn as speaker — words — cue; a voice no person holds with its role (<c>Q (press)</c>, <c>the Soviet side (group)</c>), reported speech marked, an unknown speaker shown as <c>?</c>.</summary>
    private void WriteTranscript(SourceDocument source, Layer<Turn> turns)
    {
        Heading($"Transcript ({turns.Count:N0} turn{(turns.Count == 1 ? "" : "s")})");
        if (turns.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumn("at").AddColumn("speaker").AddColumn("words").AddColumn("cue");
        int shown = Listed(turns.Count);
        for (int i = 0; i < shown; i++)
        {
            var turn = turns[i];
            string speaker = turn.SpeakerText ?? turn.SpeakerRole ?? "?";
            if (turn.SpeakerRole is { } role && turn.SpeakerText is not null) speaker += $" ({role})";
            if (turn.AddresseeText is { } addressee) speaker += " → " + addressee;
            var words = new Paragraph(Excerpt(source, turn.Span, _options.MaxQuotationLength));
            if (turn.Mode == TurnMode.Reported) words.Append("  (reported)", new Style(Color.Grey));
            string cue = turn.Cue is { } span ? Excerpt(source, span, _options.MaxExcerptLength) : "(no cue)";
            table.AddRow(new Text(Position(source, turn.Span.Start), new Style(Color.Grey)), new Text(speaker, new Style(decoration: Decoration.Bold)), words, new Text(cue, new Style(Color.Grey)));
        }
        Show(table);
        More(turns.Count - shown);
    }

    private void WriteParticipants(Layer<Participant> participants)
    {
        Heading($"Participants ({participants.Count:N0})");
        if (participants.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumn("name").AddColumn("role").AddColumn("side").AddColumn("from");
        foreach (var participant in participants.Take(Listed(participants.Count)))
        {
            table.AddRow(new Text(participant.Name), new Text(participant.Role ?? ""), new Text(participant.Affiliation ?? ""),
                new Text(participant.Source == ParticipantSource.Block ? "participants block" : "narrative", new Style(Color.Grey)));
        }
        Show(table);
        More(participants.Count - Listed(participants.Count));
    }

    private void WriteSample(SourceDocument source, RenderedLayer layer)
    {
        Heading($"{layer.Name} ({layer.Layer.Count:N0})");
        if (layer.Layer.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumn("at").AddColumn("text").AddColumn("fields");
        var fields = new ReportFieldWriter(source.Text, _options.MaxExcerptLength);
        int shown = Math.Min(layer.Layer.Count, _options.SampleItems);
        for (int i = 0; i < shown; i++)
        {
            fields.Clear();
            layer.WriteFields(i, fields);
            var span = layer.Layer.GetSpan(i);
            table.AddRow(new Text(Position(source, span.Start)), new Text(Excerpt(source, span, _options.MaxExcerptLength)), new Text(fields.ToString()));
        }
        Show(table);
        More(layer.Layer.Count - shown);
    }

    private void WriteDiagnostics(AnalyzedDocument document)
    {
        var diagnostics = document.Diagnostics;
        Heading($"Diagnostics ({diagnostics.Length:N0})");
        if (diagnostics.IsEmpty) return;
        var table = new Table().Border(TableBorder.Simple).AddColumn("at").AddColumn("code").AddColumn("severity").AddColumn("message").AddColumn("text");
        int shown = Listed(diagnostics.Length);
        for (int i = 0; i < shown; i++)
        {
            var diagnostic = diagnostics[i];
            string severity = AnalysisJsonWriter.SeverityName(diagnostic.Severity);
            var style = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => new Style(Color.Red),
                DiagnosticSeverity.Warning => new Style(Color.Yellow),
                _ => Style.Plain,
            };
            table.AddRow(
                new Text(diagnostic.Span is { } at ? Position(document.Source, at.Start) : "-"),
                new Text(diagnostic.Code),
                new Text(severity, style),
                new Text(ReportText.Excerpt(diagnostic.Message, 4 * _options.MaxExcerptLength)),
                new Text(diagnostic.Span is { } span ? Excerpt(document.Source, span, _options.MaxExcerptLength / 2) : ""));
        }
        Show(table);
        More(diagnostics.Length - shown);
    }

    private void Heading(FormattableString title)
    {
        _console.WriteLine();
        ConsoleText.Title(_console, title.ToString(CultureInfo.InvariantCulture));
    }

    private int Listed(int count) => Math.Min(count, _options.MaxListedItems);

    private void More(int hidden)
    {
        if (hidden <= 0) return;
        Show(new Text(string.Create(CultureInfo.InvariantCulture, $"… and {hidden:N0} more (all with --all or --format json)"), new Style(Color.Grey)));
        _console.WriteLine();
    }

    /// <summary><c>── NAME ───…</c> filling <paramref name="width"/> columns, or just <c>── NAME</c> when the name leaves no room.</summary>
    internal static string HeaderLine(string name, int width)
    {
        string line = "── " + name;
        return line.Length + 3 <= width ? line + " " + new string('─', width - line.Length - 1) : line;
    }

    /// <summary>Writes <paramref name="renderable"/> with no blanks padding its lines.</summary>
    private void Show(IRenderable renderable) => ConsoleText.Show(_console, renderable);

    private static string Position(SourceDocument source, int offset) =>
        (uint)offset <= (uint)source.Length ? source.Lines.GetPosition(offset).ToString() : "?";

    private static string Excerpt(SourceDocument source, TextSpan span, int maxLength) =>
        span.End <= source.Length ? ReportText.Excerpt(source.Slice(span), maxLength) : "";
}
