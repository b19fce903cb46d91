using System.Globalization;
using Annalist.Benchmarks;
using Annalist.Benchmarks.Store;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == SearchLatency.Command) return SearchLatency.Run(args[1..]);
if (args.Length > 0 && args[0] == "timeml") return TimeMlCommand.Run(args[1..]);
if (args.Length > 0 && args[0] == "timex-words") return TimexBenchmark.PrintWordsPerSecond();
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
foreach (var summary in summaries)
{
    foreach (var report in summary.Reports)
    {
        if (report.BenchmarkCase.Descriptor.Type != typeof(TokenizerBenchmarks) || report.ResultStatistics is not { } statistics) continue;
        string corpus = report.BenchmarkCase.Parameters["Corpus"]?.ToString() ?? "synthetic";
        double megabytes = TokenizerBenchmarks.CorpusBytes(corpus) / 1_000_000.0;
        double seconds = statistics.Mean / 1e9;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Throughput {report.BenchmarkCase.Descriptor.WorkloadMethod.Name} ({corpus}, {megabytes:F1} MB UTF-8): {megabytes / seconds:F1} MB/s on one core"));
    }
}
return 0;
