using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Annalist.Web;

namespace Annalist.Benchmarks.Web;

/// <summary>
/// <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- web-load (--db LOCATION | --url http://127.0.0.1:5170) [--clients 20] [--seconds 30]</c>:
/// a bounded load test of the reader's API on loopback. With <c>--db</c> it starts the server in this process on a
/// free port; with <c>--url</c> it loads a running <c>annalist serve</c>. Each client loops over a mix of the pages'
/// requests (document lists, document pages with the shown layers, entities, search, timeline, network, places,
/// ledger) for the given time; latencies are reported per route and overall.
/// </summary>
public static class WebLoad
{
    public const string Command = "web-load";

    private const string ShownLayers = "paragraphs,editorial,quotations,timexes,mentions,entities,events,turns,attributions,quantities,participants";

    private static readonly string[] Queries = ["minister", "\"the talks\"", "treaty", "military aid", "wheat", "ambassador", "oil", "border", "conference", "elections"];

    public static async Task<int> Run(string[] args)
    {
        string? location = CommandOptions.Value(args, "--db"), url = CommandOptions.Value(args, "--url");
        int clients = int.Parse(CommandOptions.Value(args, "--clients") ?? "20", CultureInfo.InvariantCulture);
        int seconds = int.Parse(CommandOptions.Value(args, "--seconds") ?? "30", CultureInfo.InvariantCulture);
        if ((location is null) == (url is null))
        {
            Console.Error.WriteLine("Give --db LOCATION (a server is started here) or --url ADDRESS (of a running annalist serve).");
            return 2;
        }
        ReaderServer? server = null;
        if (location is not null)
        {
            var started = Stopwatch.GetTimestamp();
            server = await ReaderServer.StartAsync(new ReaderOptions { StoreLocation = location, Port = 0 });
            url = server.Address.ToString();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server on {url}, index of {server.Context.Index.Current.Documents.Count} documents read in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));
        }
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = new Uri(url!), Timeout = TimeSpan.FromSeconds(30) };
            var routes = await Routes(http);
            foreach (var (_, path) in routes) (await http.GetAsync(path)).Dispose();

            var latencies = new List<(string Route, double Milliseconds, bool Ok)>[clients];
            var until = DateTime.UtcNow.AddSeconds(seconds);
            await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
            {
                var random = new Random(client);
                var mine = latencies[client] = [];
                while (DateTime.UtcNow < until)
                {
                    var (route, path) = routes[random.Next(routes.Count)];
                    long started = Stopwatch.GetTimestamp();
                    using var response = await http.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    mine.Add((route, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.IsSuccessStatusCode));
                }
            })));

            var all = latencies.SelectMany(l => l).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{clients} clients for {seconds} s: {all.Count} requests, {all.Count / (double)seconds:F0} requests/s, {all.Count(l => !l.Ok)} failed"));
            foreach (var group in all.GroupBy(l => l.Route).OrderBy(g => g.Key, StringComparer.Ordinal))
                Console.WriteLine(Line(group.Key, group.Select(l => l.Milliseconds).ToList()));
            Console.WriteLine(Line("all", all.Select(l => l.Milliseconds).ToList()));
            return all.Any(l => !l.Ok) ? 1 : 0;
        }
        finally
        {
            if (server is not null) await server.DisposeAsync();
        }
    }

    private static async Task<List<(string Route, string Path)>> Routes(HttpClient http)
    {
        using var documents = JsonDocument.Parse(await http.GetStringAsync("/api/documents?limit=500"));
        var ids = documents.RootElement.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToList();
        using var people = JsonDocument.Parse(await http.GetStringAsync("/api/entities?type=person&limit=50"));
        var entities = people.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        var routes = new List<(string, string)>
        {
            ("documents", "/api/documents?limit=100"),
            ("timeline", "/api/timeline?limit=2000"),
            ("network", "/api/network"),
            ("places", "/api/places"),
            ("ledger", "/api/ledger?limit=100"),
            ("entities", "/api/entities?type=person&limit=300"),
        };
        routes.AddRange(ids.Take(40).Select(id => ("document", $"/api/documents/{id}?layers={ShownLayers}")));
        routes.AddRange(entities.Take(10).Select(id => ("entity", "/api/entities/" + Uri.EscapeDataString(id))));
        routes.AddRange(Queries.Select(q => ("search", "/api/search?limit=20&q=" + Uri.EscapeDataString(q))));
        return routes;
    }

    private static string Line(string route, List<double> values)
    {
        values.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"  {route,-10} {values.Count,6} calls  p50 {Percentile(values, 0.50),7:F1} ms  p95 {Percentile(values, 0.95),7:F1} ms  p99 {Percentile(values, 0.99),7:F1} ms  max {values[^1],7:F1} ms");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
