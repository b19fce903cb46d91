using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Pipeline;

public sealed class OptionalRequirementTests
{
    /// <summary>Records whether its optional layer was there when it ran.</summary>
    private sealed class OptionalReader(string name, string optional) : Annotator
    {
        public bool? SawOptional;

        public override ComponentId Id { get; } = new(name, 1);

        public override IReadOnlyList<string> Requires => [];

        public override IReadOnlyList<string> OptionalRequires => [optional];

        public override IReadOnlyList<string> Produces => [name];

        public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
        {
            SawOptional = state.Layers.ContainsKey(optional);
            return AnnotatorResult.Of(new Layer<Mark>(name, Id, []));
        }
    }

    [Fact]
    public void A_component_runs_after_the_producer_of_its_optional_input_whatever_the_order_of_addition()
    {
        var reader = new OptionalReader("reader", "extra");
        var pipeline = new PipelineBuilder().Add(reader).Add(new FakeAnnotator("extra", [], ["extra"])).Build();
        Assert.Equal(["extra.v1", "reader.v1"], pipeline.Components.Select(c => c.Id.ToString()));
        pipeline.Analyze(new SourceDocument("d", "abc"));
        Assert.True(reader.SawOptional);
    }

    [Fact]
    public void Without_a_producer_the_optional_input_is_simply_absent()
    {
        var reader = new OptionalReader("reader", "extra");
        var pipeline = new PipelineBuilder().Add(reader).Build();
        var result = pipeline.Analyze(new SourceDocument("d", "abc"));
        Assert.False(reader.SawOptional);
        Assert.True(result.HasLayer("reader"));
    }

    [Fact]
    public void An_optional_input_that_closes_a_cycle_is_rejected()
    {
        var builder = new PipelineBuilder().Add(new OptionalReader("reader", "extra")).Add(new FakeAnnotator("extra", ["reader"], ["extra"]));
        var error = Assert.Throws<AnnalistException>(() => builder.Build());
        Assert.Equal(ErrorCatalogue.DependencyCycle.Code, error.Code);
    }
}
