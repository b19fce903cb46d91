using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Pipeline;

public class AnalysisPipelineTests
{
    [Fact]
    public void Runs_every_component_and_records_layers_and_timings()
    {
        var pipeline = new PipelineBuilder().Add(new FakeAnnotator("b", ["a"], ["b"])).Add(new FakeAnnotator("a", [], ["a"])).Build();
        var result = pipeline.Analyze(new SourceDocument("d", "hello"));
        Assert.Equal(5, result.Layers["a"].Count);
        Assert.Equal(5, result.Layers["b"].Count);
        Assert.Equal(new ComponentId("b", 1), result.Layers["b"].Producer);
        Assert.Equal(["a.v1", "b.v1"], result.Timings.Select(t => t.Component.ToString()));
        Assert.Equal(pipeline.Version, result.PipelineVersion);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_failing_component_becomes_a_diagnostic_and_its_dependents_are_skipped()
    {
        var dependent = new FakeAnnotator("after", ["broken"], ["after"]);
        var pipeline = new PipelineBuilder()
            .Add(new FakeAnnotator("broken", [], ["broken"], _ => throw new InvalidOperationException("boom")))
            .Add(dependent)
            .Add(new FakeAnnotator("fine", [], ["fine"]))
            .Build();
        var result = pipeline.Analyze(new SourceDocument("d", "text"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ErrorCatalogue.ComponentFailed.Code, diagnostic.Code);
        Assert.Contains("boom", diagnostic.Message);
        Assert.False(result.HasLayer("broken"));
        Assert.False(result.HasLayer("after"));
        Assert.True(result.HasLayer("fine"));
        Assert.Equal(0, dependent.Calls);
    }

    [Fact]
    public void A_layer_the_component_did_not_declare_is_refused()
    {
        var pipeline = new PipelineBuilder()
            .Add(new FakeAnnotator("sly", [], ["a"], s => [new Layer<Mark>("other", new ComponentId("sly", 1), [])]))
            .Build();
        var result = pipeline.Analyze(new SourceDocument("d", "x"));
        Assert.False(result.HasLayer("other"));
        Assert.Contains(result.Diagnostics, d => d.Code == ErrorCatalogue.ComponentFailed.Code && d.Message.Contains("'other'"));
    }

    [Fact]
    public void An_aligned_layer_must_match_its_target_item_by_item()
    {
        var id = new ComponentId("tagger", 1);
        var good = new PipelineBuilder()
            .Add(new FakeAnnotator("base", [], ["base"]))
            .Add(new FakeAnnotator("tagger", ["base"], ["tags"], s => [new Layer<Mark>("tags", id, s.Layers["base"].Annotations.Select(a => new Mark(a.Span)), alignedTo: "base")]))
            .Build();
        Assert.True(good.Analyze(new SourceDocument("d", "abc")).HasLayer("tags"));

        var bad = new PipelineBuilder()
            .Add(new FakeAnnotator("base", [], ["base"]))
            .Add(new FakeAnnotator("tagger", ["base"], ["tags"], s => [new Layer<Mark>("tags", id, [new Mark(new TextSpan(0, 2))], alignedTo: "base")]))
            .Build();
        var result = bad.Analyze(new SourceDocument("d", "abc"));
        Assert.False(result.HasLayer("tags"));
        Assert.Contains(result.Diagnostics, d => d.Code == ErrorCatalogue.ComponentFailed.Code);
    }

    [Fact]
    public void Analyze_many_keeps_input_order_and_uses_several_threads()
    {
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        int started = 0;
        var pipeline = new PipelineBuilder().Add(new FakeAnnotator("a", [], ["a"], s =>
        {
            threads[Environment.CurrentManagedThreadId] = true;
            // On a busy thread pool the other workers may start late and the first could take every document:
            // the first few wait a while for a second worker to join.
            if (Interlocked.Increment(ref started) <= 4) SpinWait.SpinUntil(() => threads.Count > 1, TimeSpan.FromSeconds(5));
            Thread.Sleep(10);
            return [new Layer<Mark>("a", new ComponentId("a", 1), [new Mark(new TextSpan(0, s.Text.Length))])];
        })).Build();
        var documents = Enumerable.Range(0, 200).Select(i => new SourceDocument("d" + i, new string('x', i)));
        var results = pipeline.AnalyzeMany(documents, maxDegreeOfParallelism: 4).ToList();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => "d" + i), results.Select(r => r.Source.Name));
        Assert.All(results, r => Assert.Equal(r.Source.Length, r.Layers["a"].GetAnnotation(0).Span.End));
        Assert.True(threads.Count > 1, "expected the documents to be analyzed on more than one thread");
    }

    [Fact]
    public void Cancellation_stops_analysis()
    {
        var pipeline = new PipelineBuilder().Add(new FakeAnnotator("a", [], ["a"])).Build();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => pipeline.Analyze(new SourceDocument("d", "x"), cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            pipeline.AnalyzeMany(Enumerable.Repeat(new SourceDocument("d", "x"), 10), 2, cancelled.Token).ToList());
    }
}
