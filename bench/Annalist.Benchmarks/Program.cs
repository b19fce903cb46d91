using Annalist.Benchmarks;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "timeml") return TimeMlCommand.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
