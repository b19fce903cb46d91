using System.Globalization;
using Annalist.Evaluation.Scoring;
using Spectre.Console;

namespace Annalist.Evaluation.Reports;

/// <summary>
/// The text report: one table row per layer (counts, metrics, and a note when the pipeline did not
/// produce the layer), then every miss, spurious item and mismatch, layer by layer.
/// </summary>
public static class EvaluationReport
{
    public static void Write(IAnsiConsole console, EvaluationResult result, string title, bool listFindings = true)
    {
        console.Write(new Rule(Markup.Escape($"{title}: {result.Documents} document{(result.Documents == 1 ? "" : "s")}")).LeftJustified());
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Layer");
        table.AddColumn(new TableColumn("Gold").RightAligned());
        table.AddColumn(new TableColumn("System").RightAligned());
        table.AddColumn("Metric");
        table.AddColumn(new TableColumn("Score").RightAligned());
        table.AddColumn("Note");
        foreach (var layer in result.Layers)
        {
            string gold = (layer.Counts.ContainsKey("gold") ? layer.Count("gold") : layer.Count("n")).ToString("N0", CultureInfo.InvariantCulture);
            string system = layer.Counts.ContainsKey("system") ? layer.Count("system").ToString("N0", CultureInfo.InvariantCulture) : "";
            string note = layer.Produced ? "" : "[yellow]not produced[/]";
            bool first = true;
            foreach (var (metric, value) in layer.Metrics.Concat(LayerMetrics.Details(layer.Layer, layer.Counts)))
            {
                string shown = metric == "n" ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.000", CultureInfo.InvariantCulture);
                table.AddRow(first ? Markup.Escape(layer.Layer) : "", first ? gold : "", first ? system : "", Markup.Escape(metric), shown, first ? note : "");
                first = false;
            }
        }
        console.Write(table);
        if (result.Layers.Any(l => !l.Produced))
            console.MarkupLine("[yellow]not produced[/]: the pipeline does not make this layer yet, so it scores zero recall.");
        if (!listFindings) return;
        foreach (var layer in result.Layers)
        {
            WriteList(console, layer.Layer, "missed", layer.Misses);
            WriteList(console, layer.Layer, "spurious", layer.Spurious);
            WriteList(console, layer.Layer, "matched with differences", layer.Mismatches);
        }
    }

    private static void WriteList(IAnsiConsole console, string layer, string what, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0) return;
        console.MarkupLine($"[bold]{Markup.Escape(layer)}[/] — {what} ({lines.Count:N0}):");
        foreach (string line in lines) console.WriteLine("  " + line);
    }
}
