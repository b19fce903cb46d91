using System.Globalization;
using System.Text;
using System.Text.Json;
using Annalist.Core.Ledger;
using Annalist.Formats.Rendering;
using Spectre.Console;

namespace Annalist.Formats.Ledger;

/// <summary>The formats the ledger and timeline are written in.</summary>
public enum LedgerFormat : byte
{
    /// <summary>A table for a person to read.</summary>
    Text,
    /// <summary>One JSON object with a <c>rows</c> array.</summary>
    Json,
    /// <summary>RFC 4180 CSV with a header line; several names in a cell are joined by <c>; </c>.</summary>
    Csv,
}

/// <summary>Writes commitment and timeline rows as a Spectre table, JSON or CSV.</summary>
public static class LedgerWriters
{
    private static readonly string[] CommitmentColumns = ["document", "event", "who", "action", "quantity", "item", "to", "for", "via", "when", "status", "evidence"];
    private static readonly string[] TimelineColumns = ["document", "event", "start", "end", "earliest", "latest", "anchored", "type", "polarity", "participants", "evidence"];

    public static void WriteText(IAnsiConsole console, IReadOnlyList<CommitmentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(console);
        ConsoleText.Title(console, "Commitments");
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "event", "who", "action", "how many", "what", "to", "for", "via", "when", "status", "evidence" }) table.AddColumn(column);
        string? previous = null;
        foreach (var row in rows)
        {
            // The lines of one event (seven weapons of one order) share who, to whom and the quotation: print them once.
            bool same = row.Document + "#" + row.Event == previous;
            previous = row.Document + "#" + row.Event;
            table.AddRow(Cells(same ? "" : row.Event, same ? "" : Join(row.Who), same ? "" : row.Action, Number(row.Quantity), row.Item ?? "",
                same ? "" : Join(row.To), same ? "" : Join(row.For), same ? "" : Join(row.Via), same ? "" : row.When ?? "", same ? "" : row.Status,
                same ? "" : "“" + Shorten(row.Evidence) + "”"));
        }
        ConsoleText.Show(console, table);
        console.WriteLine($"{rows.Count} line{(rows.Count == 1 ? "" : "s")}.");
    }

    public static void WriteText(IAnsiConsole console, IReadOnlyList<TimelineRow> rows)
    {
        ArgumentNullException.ThrowIfNull(console);
        ConsoleText.Title(console, "Timeline");
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "when", "until", "event", "participants", "evidence" }) table.AddColumn(column);
        foreach (var row in rows)
        {
            string when = (row.Anchored ? "≈ " : "") + row.Start + (row.Earliest is { } e && row.Latest is { } l && e[..10] != l[..10] ? $" ({e} – {l})" : "");
            table.AddRow(Cells(when, row.End ?? "", row.Type + (row.Negative ? " (did not happen)" : "") + " " + row.Event,
                string.Join(", ", row.Participants.Select(p => $"{p.Name} ({p.Role})")), "“" + Shorten(row.Evidence) + "”"));
        }
        ConsoleText.Show(console, table);
        console.WriteLine($"{rows.Count} dated event{(rows.Count == 1 ? "" : "s")}; ≈ marks a date taken from the narrative before the event.");
    }

    public static void WriteCsv(TextWriter writer, IReadOnlyList<CommitmentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(string.Join(',', CommitmentColumns));
        foreach (var row in rows)
        {
            WriteCsvLine(writer, [row.Document, row.Event, Join(row.Who), row.Action, Plain(row.Quantity), row.Item ?? "", Join(row.To), Join(row.For),
                Join(row.Via), row.When ?? "", row.Status, row.Evidence]);
        }
    }

    public static void WriteCsv(TextWriter writer, IReadOnlyList<TimelineRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(string.Join(',', TimelineColumns));
        foreach (var row in rows)
        {
            WriteCsvLine(writer, [row.Document, row.Event, row.Start, row.End ?? "", row.Earliest ?? "", row.Latest ?? "", row.Anchored ? "true" : "false",
                row.Type, row.Negative ? "negative" : "positive", string.Join("; ", row.Participants.Select(p => $"{p.Role}: {p.Name}")), row.Evidence]);
        }
    }

    public static void WriteJson(Stream stream, IReadOnlyList<CommitmentRow> rows, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        json.WriteStartObject();
        json.WriteString("format", "annalist-ledger/1");
        json.WriteStartArray("rows");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("document", row.Document);
            json.WriteString("event", row.Event);
            Names(json, "who", row.Who);
            json.WriteString("action", row.Action);
            if (row.Quantity is { } quantity) json.WriteNumber("quantity", quantity);
            else json.WriteNull("quantity");
            json.WriteString("item", row.Item);
            Names(json, "to", row.To);
            Names(json, "for", row.For);
            Names(json, "via", row.Via);
            json.WriteString("when", row.When);
            json.WriteString("status", row.Status);
            json.WriteString("evidence", row.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteJson(Stream stream, IReadOnlyList<TimelineRow> rows, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        json.WriteStartObject();
        json.WriteString("format", "annalist-timeline/1");
        json.WriteStartArray("rows");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("document", row.Document);
            json.WriteString("event", row.Event);
            json.WriteString("type", row.Type);
            json.WriteString("polarity", row.Negative ? "negative" : "positive");
            json.WriteString("start", row.Start);
            json.WriteString("end", row.End);
            json.WriteString("earliest", row.Earliest);
            json.WriteString("latest", row.Latest);
            json.WriteBoolean("anchored", row.Anchored);
            json.WriteStartArray("participants");
            foreach (var participant in row.Participants)
            {
                json.WriteStartObject();
                json.WriteString("role", participant.Role);
                json.WriteString("name", participant.Name);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("evidence", row.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Names(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void WriteCsvLine(TextWriter writer, IReadOnlyList<string> cells)
    {
        var line = new StringBuilder();
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0) line.Append(',');
            string cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0) line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else line.Append(cell);
        }
        writer.WriteLine(line.ToString());
    }

    private static string[] Cells(params string[] cells) => [.. cells.Select(Markup.Escape)];

    private static string Join(IReadOnlyList<string> names) => string.Join("; ", names);

    private static string Number(double? value) => value is { } v ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : "";

    private static string Plain(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    private static string Shorten(string evidence)
    {
        const int Limit = 90;
        string one = string.Join(' ', evidence.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return one.Length <= Limit ? one : one[..(Limit - 1)] + "…";
    }
}
