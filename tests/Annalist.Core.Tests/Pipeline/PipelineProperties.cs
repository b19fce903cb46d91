using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Core.Tests.Generators;
using FsCheck.Xunit;

namespace Annalist.Core.Tests.Pipeline;

/// <summary>The whole default pipeline on random text: no component fails and every span of every layer, whoever made it, lies in the text.</summary>
public sealed class PipelineProperties
{
    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    [Property(Arbitrary = [typeof(HardTextArbitraries)], MaxTest = 300)]
    public void Pipeline_never_fails_and_every_span_lies_in_the_text(HardText input) => AssertPipelineSound(input.Value);

    [Property(MaxTest = 200)]
    public void Pipeline_never_fails_on_any_string(string? input) => AssertPipelineSound(input ?? "");

    private static void AssertPipelineSound(string text)
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("random", text));
        var failures = analyzed.Diagnostics.Where(d => d.Code == ErrorCatalogue.ComponentFailed.Code).Select(d => d.Message).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        foreach (string produced in Pipeline.ProducedLayers) Assert.True(analyzed.HasLayer(produced), $"layer '{produced}' missing");
        foreach (var (name, layer) in analyzed.Layers)
        {
            foreach (var annotation in layer.Annotations)
                Assert.True(annotation.Span.End <= text.Length, $"{name}: span {annotation.Span} beyond the text ({text.Length})");
        }
        foreach (var diagnostic in analyzed.Diagnostics)
        {
            if (diagnostic.Span is { } span) Assert.True(span.End <= text.Length, $"diagnostic {diagnostic.Code} span {span} beyond the text");
        }
    }
}
