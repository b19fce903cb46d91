using System.Runtime.CompilerServices;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Specs;

/// <summary>
/// Runs spec files against the default pipeline. Set <c>ANNALIST_UPDATE_SPECS=1</c> to rewrite the
/// expectations from what the code now does; review the diff before committing it.
/// </summary>
public static class SpecRunner
{
    private static readonly Lazy<AnalysisPipeline> Pipeline = new(DefaultPipeline.Create);

    public static bool Updating => Environment.GetEnvironmentVariable("ANNALIST_UPDATE_SPECS") == "1";

    /// <summary>The spec files in <paramref name="folder"/> (relative to the test project), as xunit theory data.</summary>
    public static TheoryData<string> Files(string folder, [CallerFilePath] string caller = "")
    {
        string root = ProjectFolder(caller);
        var data = new TheoryData<string>();
        foreach (string path in System.IO.Directory.GetFiles(Path.Combine(root, folder), "*.spec").Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, path));
        return data;
    }

    /// <summary>Checks every example of one spec file; reports all failing examples at once.</summary>
    public static void Check(string relativePath, [CallerFilePath] string caller = "")
    {
        var spec = SpecFile.Load(Path.Combine(ProjectFolder(caller), relativePath));
        var actual = new List<IReadOnlyList<string>>();
        var failures = new List<string>();
        foreach (var example in spec.Examples)
        {
            var analyzed = Pipeline.Value.Analyze(new SourceDocument(example.Name, example.Input));
            Assert.True(analyzed.Layers.TryGetValue(spec.Layer, out var layer), $"The pipeline produced no layer '{spec.Layer}'.");
            var lines = layer!.Annotations.Select(a => SpanRenderer.Render(spec.Layer, a, example.Input)).ToList();
            actual.Add(lines);
            if (!lines.SequenceEqual(example.Expected))
            {
                failures.Add($"--- {Path.GetFileName(spec.Path)}:{example.Line} '{example.Name}'\nexpected:\n  {string.Join("\n  ", example.Expected)}\nactual:\n  {string.Join("\n  ", lines)}");
            }
        }
        if (Updating && failures.Count > 0)
        {
            spec.Rewrite(actual);
            return;
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string ProjectFolder(string caller)
    {
        string? folder = Path.GetDirectoryName(caller);
        while (folder is not null && System.IO.Directory.GetFiles(folder, "*.csproj").Length == 0) folder = Path.GetDirectoryName(folder);
        return folder ?? throw new InvalidOperationException("No test project above " + caller);
    }
}
