using System.Diagnostics;
using System.Globalization;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Store;
using Annalist.Store.Search;

namespace Annalist.Benchmarks.Store;

/// <summary>
/// <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- search-latency [--db LOCATION] [--rounds N]</c>:
/// the latency of <see cref="ICorpusStore.Search"/> as <c>annalist search</c> calls it (limit 20, snippets
/// made), over an existing store or, without <c>--db</c>, a synthetic SQLite corpus of about 2,000 records
/// built first. Reports percentiles over every call after one warm-up round.
/// </summary>
public static class SearchLatency
{
    public const string Command = "search-latency";

    // General vocabulary of diplomatic and administrative records: words, pairs and phrases, common and rare.
    private static readonly string[] Queries =
    [
        "minister", "government", "trucks", "railway", "weather", "frontier posts", "\"the talks\"", "shipment rifles",
        "aircraft morning", "ministry legal department", "\"under study\"", "allies position", "cost dollars shared",
        "ambassador", "treaty", "oil", "military aid", "\"foreign minister\"", "elections", "trade agreement", "refugees",
        "wheat", "conference", "president", "economic assistance", "border", "garrison", "delegation", "envoy", "spring",
    ];

    public static int Run(string[] args)
    {
        string? location = Option(args, "--db");
        int rounds = int.Parse(Option(args, "--rounds") ?? "20", CultureInfo.InvariantCulture);
        string? temporary = null;
        if (location is null)
        {
            temporary = Path.Combine(Path.GetTempPath(), $"annalist-search-bench-{Environment.ProcessId}.db");
            location = temporary;
            BuildSyntheticCorpus(temporary);
        }
        try
        {
            using var store = CorpusStores.Open(location);
            var queries = Queries.Select(SearchQuery.Parse).ToArray();
            foreach (var query in queries) store.Search(query, 20);

            var latencies = new List<double>(rounds * queries.Length);
            int hits = 0;
            for (int round = 0; round < rounds; round++)
            {
                foreach (var query in queries)
                {
                    long started = Stopwatch.GetTimestamp();
                    hits += store.Search(query, 20).Count;
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"search over {store.CountDocuments()} documents in {store.Location}: {latencies.Count} calls, {hits / (double)latencies.Count:F1} hits per call"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"latency ms: p50 {Percentile(latencies, 0.50):F2}, p95 {Percentile(latencies, 0.95):F2}, p99 {Percentile(latencies, 0.99):F2}, max {latencies[^1]:F2}"));
            return 0;
        }
        finally
        {
            if (temporary is not null)
            {
                foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(temporary + suffix);
            }
        }
    }

    private static void BuildSyntheticCorpus(string path)
    {
        var pipeline = DefaultPipeline.Create();
        using var store = CorpusStores.Open(path);
        var records = SyntheticRecords.Generate(12_000_000);
        int i = 0;
        foreach (var analyzed in pipeline.AnalyzeMany(records.Select(text => new SourceDocument($"record-{i++:D5}.txt", text))))
            store.Save(analyzed, analyzed.Source.Name);
        Console.WriteLine($"built a synthetic corpus of {records.Count} records in {path}");
    }

    private static double Percentile(List<double> sorted, double fraction) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

    private static string? Option(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
