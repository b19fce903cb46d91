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
/// built first. Reports percentiles over every call after one warm-up round, for plain queries and,
/// separately, for the same words with filters: the corpus's most documented people (as mentioned and as
/// speakers) and places, by id and by name, event types, date ranges, and combinations.
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
        string? location = CommandOptions.Value(args, "--db");
        int rounds = int.Parse(CommandOptions.Value(args, "--rounds") ?? "20", CultureInfo.InvariantCulture);
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
            bool detail = args.Contains("--detail");
            Measure(store, "plain", queries, rounds, detail);
            var filtered = FilteredQueries(store, queries);
            if (filtered.Length > 0) Measure(store, "filtered", filtered, rounds, detail);
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

    private static void Measure(ICorpusStore store, string kind, SearchQuery[] queries, int rounds, bool detail)
    {
        foreach (var query in queries) store.Search(query, 20);
        var latencies = new List<double>(rounds * queries.Length);
        var byQuery = queries.Select(_ => new List<double>()).ToArray();
        int hits = 0;
        for (int round = 0; round < rounds; round++)
        {
            for (int q = 0; q < queries.Length; q++)
            {
                long started = Stopwatch.GetTimestamp();
                hits += store.Search(queries[q], 20).Count;
                double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                latencies.Add(elapsed);
                byQuery[q].Add(elapsed);
            }
        }
        if (detail)
        {
            for (int q = 0; q < queries.Length; q++)
            {
                byQuery[q].Sort();
                var f = queries[q].Filters;
                string filters = string.Join(" ", new[]
                {
                    f.Persons.Count > 0 ? "--person " + string.Join(",", f.Persons) : null, f.Places.Count > 0 ? "--place " + string.Join(",", f.Places) : null,
                    f.Speakers.Count > 0 ? "--speaker " + string.Join(",", f.Speakers) : null, f.EventTypes.Count > 0 ? "--event " + string.Join(",", f.EventTypes) : null,
                    f.From is null ? null : "--from " + f.From, f.To is null ? null : "--to " + f.To,
                }.OfType<string>());
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Percentile(byQuery[q], 0.5),8:F2} ms  {queries[q].Text} {filters}"));
            }
        }
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind} search over {store.CountDocuments()} documents in {store.Location}: {queries.Length} queries, {latencies.Count} calls, {hits / (double)latencies.Count:F1} hits per call"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind} latency ms: p50 {Percentile(latencies, 0.50):F2}, p95 {Percentile(latencies, 0.95):F2}, p99 {Percentile(latencies, 0.99):F2}, max {latencies[^1]:F2}"));
    }

    /// <summary>The query words again with filters taken from what the store holds, so that any corpus will do.</summary>
    private static SearchQuery[] FilteredQueries(ICorpusStore store, SearchQuery[] queries)
    {
        var people = store.ListEntities(new Annalist.Store.Entities.EntityQuery("person", Limit: 5));
        var places = store.ListEntities(new Annalist.Store.Entities.EntityQuery("place", Limit: 3));
        var filters = new List<SearchFilters>();
        foreach (var person in people)
        {
            string id = person.Id.ToString(CultureInfo.InvariantCulture);
            filters.Add(new SearchFilters { Persons = [id] });
            filters.Add(new SearchFilters { Speakers = [id] });
            filters.Add(new SearchFilters { Persons = [person.Name] });
        }
        foreach (var place in places) filters.Add(new SearchFilters { Places = [place.Id.ToString(CultureInfo.InvariantCulture)] });
        filters.Add(new SearchFilters { EventTypes = ["meeting"] });
        filters.Add(new SearchFilters { EventTypes = ["agreement"] });
        filters.Add(new SearchFilters { From = "1950", To = "1952-06" });
        filters.Add(new SearchFilters { From = "1956-03-01", To = "1956-03-31" });
        if (people.Count > 0)
        {
            string first = people[0].Id.ToString(CultureInfo.InvariantCulture);
            filters.Add(new SearchFilters { Speakers = [first], From = "1955", To = "1957" });
            filters.Add(new SearchFilters { Persons = [first], EventTypes = ["meeting"] });
        }
        if (people.Count > 0 && places.Count > 0)
            filters.Add(new SearchFilters { Persons = [people[0].Id.ToString(CultureInfo.InvariantCulture)], Places = [places[0].Id.ToString(CultureInfo.InvariantCulture)] });
        return [.. filters.Select((filter, i) => queries[i % queries.Length].WithFilters(filter))];
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
}
