using Annalist.Benchmarks;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "timeml") return TimeMlCommand.Run(args[1..]);
if (args.Length > 0 && args[0] == "timex-words") return TimexBenchmark.PrintWordsPerSecond();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
