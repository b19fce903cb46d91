namespace Annalist.Evaluation.Tests;

/// <summary>The invented example files copied beside the test assembly.</summary>
internal static class ExampleFiles
{
    public static string PathTo(string name) => Path.Combine(AppContext.BaseDirectory, "Examples", name);
}
