using Annalist.Benchmarks;
using BenchmarkDotNet.Running;

if (args is ["throughput"])
{
    SyntaxThroughput.Run();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
