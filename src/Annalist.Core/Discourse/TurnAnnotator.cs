using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Quotations;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Discourse;

/// <summary>
/// Produces the <c>turns</c> layer (who said what: direct speech in quotation marks or script form, and
/// reported speech after a reporting verb) and the <c>participants</c> layer (participants blocks and
/// narrative statements of who met or was present). Requires <c>paragraphs</c>, <c>sentences</c>,
/// <c>tokens</c> and <c>quotations</c>; reads <c>mentions</c>, <c>entities</c> and <c>pos</c> when a component
/// produces them, to bind speakers and addressees to entity ids (without them, <see cref="Turn.Speakers"/>
/// stays empty and <see cref="Turn.SpeakerText"/> says who). Thread-safe.
/// </summary>
public sealed class TurnAnnotator : Annotator
{
    public override ComponentId Id { get; } = new("turns", 12);

    public override IReadOnlyList<string> Requires { get; } = [LayerNames.Paragraphs, LayerNames.Sentences, LayerNames.Tokens, LayerNames.Quotations];

    public override IReadOnlyList<string> OptionalRequires { get; } = [LayerNames.Mentions, LayerNames.Entities, LayerNames.PartsOfSpeech, LayerNames.Coreference];

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.Turns, LayerNames.Participants];

    private readonly QuotationSpeakerModel? _speakerModel;

    /// <summary>With the shipped quotation speaker model (<see cref="QuotationSpeakerModel.Shipped"/>), when the build carries one.</summary>
    public TurnAnnotator() : this(QuotationSpeakerModel.Shipped) { }

    /// <summary>With <paramref name="speakerModel"/> for quotations no explicit cue attributes; null leaves them to the rules alone.</summary>
    public TurnAnnotator(QuotationSpeakerModel? speakerModel) => _speakerModel = speakerModel;

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var (turns, participants, diagnostics) = Find(Annalist.Core.Text.Casing.Truecaser.ViewOf(state).TextForRules, state.Layers, state.Document.Metadata.Author, Id.ToString(), _speakerModel, null);
        return new AnnotatorResult(
        [
            new Layer<Turn>(LayerNames.Turns, Id, turns),
            new Layer<Participant>(LayerNames.Participants, Id, participants),
        ], diagnostics);
    }

    /// <summary>Runs the finder over the layers an analysis made (the pipeline's, or an analyzed document's when training).</summary>
    internal static (List<Turn> Turns, List<Participant> Participants, List<Diagnostic> Diagnostics) Find(
        string text, IReadOnlyDictionary<string, Layer> layers, string? author, string? producer, QuotationSpeakerModel? model, IQuotationSpeakerLearner? learner)
    {
        var sentences = Typed<Sentence>(layers, LayerNames.Sentences).Select(s => s.Span).ToArray();
        // A text written a sentence a line has no paragraphs to go by; its lines are regrouped as dialogue is printed.
        var paragraphs = SentenceLines.Paragraphs(text, [.. Typed<Paragraph>(layers, LayerNames.Paragraphs).Select(p => p.Span)], sentences, out bool inferred);
        if (inferred) sentences = SentenceLines.Sentences(text, sentences);
        var tokens = Typed<Token>(layers, LayerNames.Tokens).ToArray();
        var quotations = Typed<Quotation>(layers, LayerNames.Quotations).ToArray();
        layers.TryGetValue(LayerNames.Mentions, out var mentions);
        layers.TryGetValue(LayerNames.Entities, out var entities);
        var view = EntityView.From(mentions, entities);
        string?[]? tags = null;
        if (layers.TryGetValue(LayerNames.PartsOfSpeech, out var posLayer) && posLayer is Layer<Syntax.PosTag> posTags)
        {
            // Tags are aligned to tokens by their start; a token without one keeps null.
            var pos = posTags.ToArray();
            tags = new string?[tokens.Length];
            int k = 0;
            for (int t = 0; t < tokens.Length && k < pos.Length; t++)
            {
                while (k < pos.Length && pos[k].Span.Start < tokens[t].Span.Start) k++;
                if (k < pos.Length && pos[k].Span.Start == tokens[t].Span.Start) tags[t] = pos[k].Universal;
            }
        }
        var coreference = Typed<Coreference.CoreferenceLink>(layers, LayerNames.Coreference).ToArray();
        return TurnFinder.Find(text, paragraphs, sentences, tokens, quotations, view, producer, tags, author, model, learner, inferred, coreference);
    }

    private static IReadOnlyList<T> Typed<T>(IReadOnlyDictionary<string, Layer> layers, string name) where T : IAnnotation =>
        layers.TryGetValue(name, out var layer) && layer is Layer<T> typed ? typed : [];
}
