using System.Globalization;
using Annalist.Core.Annotations;
using Annalist.Core.Discourse;
using Annalist.Core.Text;
using Annalist.Formats.Json;
using Annalist.Formats.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Annalist.Cli.Reports;

/// <summary>
/// Writes an analyzed document as a report for a person: a header, a summary of every layer, the
/// editorial marks and quotations in full, the conversation as a transcript (speaker — words — cue) with
/// its participants, a sample of any other layer, then the diagnostics with their
/// line and column. Document text is always shown as plain text, never parsed as markup.
/// </summary>
public sealed class TextReportWriter
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
        WriteHeader(document);
        WriteSummary(layers);
        foreach (var layer in layers)
        {
            if (CountedOnly.Contains(layer.Name)) continue;
            switch (layer.Name)
            {
                case LayerNames.Editorial:
                    WriteEditorial(document.Source, layer);
                    break;
                case LayerNames.Quotations:
                    WriteQuotations(document.Source, layer);
                    break;
                case LayerNames.Turns when layer.Layer is Layer<Turn> turns:
                    WriteTranscript(document.Source, turns);
                    break;
                case LayerNames.Participants when layer.Layer is Layer<Participant> participants:
                    WriteParticipants(participants);
                    break;
                default:
                    WriteSample(document.Source, layer);
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
        int shown = Math.Min(layer.Layer.Count, _options.MaxListedItems);
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
        int shown = Math.Min(layer.Layer.Count, _options.MaxListedItems);
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
        Heading($"Transcript ({turns.Count:N0} turns)");
        if (turns.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumn("at").AddColumn("speaker").AddColumn("words").AddColumn("cue");
        int shown = Math.Min(turns.Count, _options.MaxListedItems);
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
        foreach (var participant in participants.Take(_options.MaxListedItems))
        {
            table.AddRow(new Text(participant.Name), new Text(participant.Role ?? ""), new Text(participant.Affiliation ?? ""),
                new Text(participant.Source == ParticipantSource.Block ? "participants block" : "narrative", new Style(Color.Grey)));
        }
        Show(table);
        More(participants.Count - _options.MaxListedItems);
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
        int shown = Math.Min(diagnostics.Length, _options.MaxListedItems);
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
        Show(new Text(title.ToString(CultureInfo.InvariantCulture), new Style(decoration: Decoration.Bold)));
        _console.WriteLine();
    }

    private void More(int hidden)
    {
        if (hidden <= 0) return;
        Show(new Text(string.Create(CultureInfo.InvariantCulture, $"… and {hidden:N0} more (--format json lists them all)"), new Style(Color.Grey)));
        _console.WriteLine();
    }

    /// <summary><c>── NAME ───…</c> filling <paramref name="width"/> columns, or just <c>── NAME</c> when the name leaves no room.</summary>
    internal static string HeaderLine(string name, int width)
    {
        string line = "── " + name;
        return line.Length + 3 <= width ? line + " " + new string('─', width - line.Length - 1) : line;
    }

    /// <summary>Writes <paramref name="renderable"/> with no blanks padding its lines.</summary>
    private void Show(IRenderable renderable) => _console.Write(new TrimmedLines(renderable));

    private static string Position(SourceDocument source, int offset) =>
        (uint)offset <= (uint)source.Length ? source.Lines.GetPosition(offset).ToString() : "?";

    private static string Excerpt(SourceDocument source, TextSpan span, int maxLength) =>
        span.End <= source.Length ? ReportText.Excerpt(source.Slice(span), maxLength) : "";
}
