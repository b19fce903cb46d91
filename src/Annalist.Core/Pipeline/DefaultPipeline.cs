namespace Annalist.Core.Pipeline;

/// <summary>The components Annalist runs unless told otherwise.</summary>
public static class DefaultPipeline
{
    /// <summary>A new instance of every default component, in no particular order (the builder orders them).</summary>
    public static IReadOnlyList<Annotator> Components() =>
    [
        new Segmentation.ParagraphAnnotator(),
        new Tokens.TokenAnnotator(),
        new Segmentation.SentenceAnnotator(),
        new Editorial.EditorialAnnotator(),
        new Quotations.QuotationAnnotator(),
        new Syntax.PosTagAnnotator(),
        new Time.TimexAnnotator(),
        new Syntax.DependencyAnnotator(),
        new Entities.EntityAnnotator(),
        new Quantities.QuantityAnnotator(),
        new Attributions.AttributionAnnotator(),
        new Events.EventAnnotator(),
        new Discourse.TurnAnnotator(),
        new Coreference.CoreferenceAnnotator(),
    ];

    public static AnalysisPipeline Create() => new PipelineBuilder().AddRange(Components()).Build();
}
