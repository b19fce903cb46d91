using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Pipeline;

internal sealed record Mark(TextSpan Span) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
    }
}

/// <summary>A configurable component for pipeline tests: marks each character of the text as one item.</summary>
internal sealed class FakeAnnotator(string name, string[] requires, string[] produces, Func<AnalysisState, Layer[]>? make = null) : Annotator
{
    public int Calls;

    public override ComponentId Id { get; } = new(name, 1);

    public override IReadOnlyList<string> Requires => requires;

    public override IReadOnlyList<string> Produces => produces;

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        foreach (var layer in requires) _ = state.Layers[layer];
        var layers = make?.Invoke(state) ?? produces.Select(p => (Layer)new Layer<Mark>(p, Id, Enumerable.Range(0, state.Text.Length).Select(i => new Mark(new TextSpan(i, i + 1))))).ToArray();
        return new AnnotatorResult(layers);
    }
}
