using Annalist.Core.Errors;
using Annalist.Core.Pipeline;

namespace Annalist.Core.Tests.Pipeline;

public class PipelineBuilderTests
{
    [Fact]
    public void Orders_components_by_requirement_whatever_the_order_of_addition()
    {
        var c = new FakeAnnotator("c", ["b"], ["c"]);
        var b = new FakeAnnotator("b", ["a"], ["b"]);
        var a = new FakeAnnotator("a", [], ["a"]);
        var pipeline = new PipelineBuilder().Add(c).Add(b).Add(a).Build();
        Assert.Equal(["a", "b", "c"], pipeline.Components.Select(x => x.Id.Name));
    }

    [Fact]
    public void Keeps_order_of_addition_among_independent_components()
    {
        var pipeline = new PipelineBuilder().Add(new FakeAnnotator("y", [], ["y"])).Add(new FakeAnnotator("x", [], ["x"])).Build();
        Assert.Equal(["y", "x"], pipeline.Components.Select(x => x.Id.Name));
    }

    [Fact]
    public void Rejects_a_missing_requirement()
    {
        var error = Assert.Throws<AnnalistException>(() => new PipelineBuilder().Add(new FakeAnnotator("b", ["a"], ["b"])).Build());
        Assert.Equal(ErrorCatalogue.MissingRequirement.Code, error.Code);
        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void Rejects_two_producers_of_one_layer()
    {
        var error = Assert.Throws<AnnalistException>(() => new PipelineBuilder()
            .Add(new FakeAnnotator("one", [], ["a"])).Add(new FakeAnnotator("two", [], ["a"])).Build());
        Assert.Equal(ErrorCatalogue.DuplicateProducer.Code, error.Code);
    }

    [Fact]
    public void Rejects_a_cycle_and_names_it()
    {
        var error = Assert.Throws<AnnalistException>(() => new PipelineBuilder()
            .Add(new FakeAnnotator("one", ["b"], ["a"])).Add(new FakeAnnotator("two", ["a"], ["b"])).Build());
        Assert.Equal(ErrorCatalogue.DependencyCycle.Code, error.Code);
        Assert.Contains("one.v1", error.Message);
        Assert.Contains("two.v1", error.Message);
    }

    [Fact]
    public void Version_changes_with_the_components()
    {
        string one = new PipelineBuilder().Add(new FakeAnnotator("a", [], ["a"])).Build().Version;
        string same = new PipelineBuilder().Add(new FakeAnnotator("a", [], ["a"])).Build().Version;
        string other = new PipelineBuilder().Add(new FakeAnnotator("b", [], ["a"])).Build().Version;
        Assert.Equal(one, same);
        Assert.NotEqual(one, other);
    }
}
