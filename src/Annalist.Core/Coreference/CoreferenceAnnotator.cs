using Annalist.Core.Annotations;
using Annalist.Core.Entities;
using Annalist.Core.Pipeline;
using Annalist.Core.Quotations;
using Annalist.Core.Segmentation;
using Annalist.Core.Syntax;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Coreference;

/// <summary>
/// Produces the <c>coreference</c> layer: each third-person pronoun and definite person noun phrase with the
/// person it refers to (<see cref="CoreferenceLink"/>). Requires <c>tokens</c>, <c>sentences</c>, <c>pos</c>,
/// <c>mentions</c> and <c>entities</c>; reads <c>quotations</c> when present. It never changes the entity
/// layers: a person it introduces gets an id of its own. Thread-safe.
/// </summary>
public sealed class CoreferenceAnnotator : Annotator
{
    private readonly CoreferenceModel? _model;
    private readonly CoreferenceOptions _options;

    /// <summary>With the shipped model (<see cref="CoreferenceModel.Shipped"/>), when the build carries one.</summary>
    public CoreferenceAnnotator() : this(CoreferenceModel.Shipped) => _reportMissingModel = _model is null;

    private readonly bool _reportMissingModel;

    /// <summary>With <paramref name="model"/>; null ranks by recency and agreement alone.</summary>
    public CoreferenceAnnotator(CoreferenceModel? model, CoreferenceOptions? options = null)
    {
        _model = model;
        _options = options ?? CoreferenceOptions.Default;
    }

    public override ComponentId Id { get; } = new("coreference", 2);

    public override IReadOnlyList<string> Requires { get; } =
        [LayerNames.Tokens, LayerNames.Sentences, LayerNames.PartsOfSpeech, LayerNames.Mentions, LayerNames.Entities];

    public override IReadOnlyList<string> OptionalRequires { get; } = [LayerNames.Quotations];

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.Coreference];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken) =>
        AnnotatorResult.Of(
            new Layer<CoreferenceLink>(LayerNames.Coreference, Id, Find(state.Text, state.Layers, _model, _options, null)),
            _reportMissingModel ? [Diagnostic.From(Errors.ErrorCatalogue.CoreferenceModelMissing, null, Id.ToString())] : null);

    /// <summary>Runs the resolver over the layers an analysis made (the pipeline's, or an analyzed document's when training).</summary>
    internal static List<CoreferenceLink> Find(string text, IReadOnlyDictionary<string, Layer> layers, CoreferenceModel? model, CoreferenceOptions options, ICoreferenceLearner? learner)
    {
        var tokens = Typed<Token>(layers, LayerNames.Tokens);
        var tokenArray = tokens is Layer<Token> tokenLayer ? tokenLayer.Items.AsSpan().ToArray() : [.. tokens];
        var sentences = Typed<Sentence>(layers, LayerNames.Sentences).Select(s => s.Span).ToArray();
        var quotations = Typed<Quotation>(layers, LayerNames.Quotations).Select(q => q.Content).ToArray();
        var mentions = Typed<Mention>(layers, LayerNames.Mentions).ToArray();
        var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var entity in Typed<Entity>(layers, LayerNames.Entities)) entities.TryAdd(entity.Id, entity);
        string?[]? tags = null;
        var pos = Typed<PosTag>(layers, LayerNames.PartsOfSpeech);
        if (pos.Count > 0)
        {
            tags = new string?[tokenArray.Length];
            int k = 0;
            for (int t = 0; t < tokenArray.Length && k < pos.Count; t++)
            {
                while (k < pos.Count && pos[k].Span.Start < tokenArray[t].Span.Start) k++;
                if (k < pos.Count && pos[k].Span.Start == tokenArray[t].Span.Start) tags[t] = pos[k].Universal;
            }
        }
        return CoreferenceResolver.Resolve(text, tokenArray, tags, sentences, quotations, mentions, entities, model, options, learner);
    }

    private static IReadOnlyList<T> Typed<T>(IReadOnlyDictionary<string, Layer> layers, string name) where T : IAnnotation =>
        layers.TryGetValue(name, out var layer) && layer is Layer<T> typed ? typed : [];
}
