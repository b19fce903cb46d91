using Annalist.Core.Coreference;

namespace Annalist.Benchmarks.Coreference;

/// <summary>
/// The coreference component alone (see <see cref="ComponentAloneBenchmark{TComponent}"/>). Run:
/// <c>dotnet run -c Release --project bench/Annalist.Benchmarks -- --filter '*CoreferenceAnnotatorBenchmarks*' --job short</c>;
/// <c>-- coreference</c> prints MB/s with a stopwatch instead.
/// </summary>
public class CoreferenceAnnotatorBenchmarks : ComponentAloneBenchmark<CoreferenceAnnotator>
{
    public static int PrintMegabytesPerSecond() => new CoreferenceAnnotatorBenchmarks().PrintMegabytesPerSecond("coreference");
}
