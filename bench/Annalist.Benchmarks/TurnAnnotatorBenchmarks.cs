using Annalist.Core.Discourse;

namespace Annalist.Benchmarks.Discourse;

/// <summary>
/// The turns component alone (see <see cref="ComponentAloneBenchmark{TComponent}"/>). Run:
/// <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- --filter '*TurnAnnotatorBenchmarks*' --job short</c>;
/// <c>-- turns</c> prints MB/s with a stopwatch instead.
/// </summary>
public class TurnAnnotatorBenchmarks : ComponentAloneBenchmark<TurnAnnotator>
{
    public static int PrintMegabytesPerSecond() => new TurnAnnotatorBenchmarks().PrintMegabytesPerSecond("turns");
}
