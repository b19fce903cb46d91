using System.Globalization;
using Annalist.Benchmarks;
using Annalist.Benchmarks.Store;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == SearchLatency.Command) return SearchLatency.Run(args[1..]);
if (args.Length > 0 && args[0] == Annalist.Benchmarks.Web.WebLoad.Command) return Annalist.Benchmarks.Web.WebLoad.Run(args[1..]).GetAwaiter().GetResult();
if (args.Length > 0 && args[0] == Annalist.Benchmarks.Web.LongestDocumentRender.Command) return Annalist.Benchmarks.Web.LongestDocumentRender.Run(args[1..]).GetAwaiter().GetResult();
if (args.Length > 0 && args[0] == "timeml") return TimeMlCommand.Run(args[1..]);
if (args.Length > 0 && args[0] == "timex-words") return TimexBenchmark.PrintWordsPerSecond();
if (args is ["turns"]) return Annalist.Benchmarks.Discourse.TurnAnnotatorBenchmarks.PrintMegabytesPerSecond();
if (args is ["coreference"]) return Annalist.Benchmarks.Coreference.CoreferenceAnnotatorBenchmarks.PrintMegabytesPerSecond();
if (args is ["throughput"])
{
    SyntaxThroughput.Run();
    return 0;
}
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
foreach (var summary in summaries)
{
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is not { } statistics) continue;
        if (report.BenchmarkCase.Descriptor.Type == typeof(EntityBenchmarks))
        {
            if (EntityBenchmarks.CorpusTokens == 0) new EntityBenchmarks().Setup();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Throughput {report.BenchmarkCase.Descriptor.WorkloadMethod.Name} ({EntityBenchmarks.CorpusTokens:N0} tokens): {EntityBenchmarks.CorpusTokens / (statistics.Mean / 1e9):N0} tokens/s on one core"));
            continue;
        }
        if (report.BenchmarkCase.Descriptor.Type != typeof(TokenizerBenchmarks)) continue;
        string corpus = report.BenchmarkCase.Parameters["Corpus"]?.ToString() ?? "synthetic";
        double megabytes = TokenizerBenchmarks.CorpusBytes(corpus) / 1_000_000.0;
        double seconds = statistics.Mean / 1e9;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Throughput {report.BenchmarkCase.Descriptor.WorkloadMethod.Name} ({corpus}, {megabytes:F1} MB UTF-8): {megabytes / seconds:F1} MB/s on one core"));
    }
}
return 0;
