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
/// <c>tokens</c> and <c>quotations</c>; reads <c>mentions</c> and <c>entities</c> when a component
/// produces them, to bind speakers and addressees to entity ids (without them, <see cref="Turn.Speakers"/>
/// stays empty and <see cref="Turn.SpeakerText"/> says who). Thread-safe.
/// </summary>
public sealed class TurnAnnotator : Annotator
{
    public override ComponentId Id { get; } = new("turns", 1);

    public override IReadOnlyList<string> Requires { get; } = [LayerNames.Paragraphs, LayerNames.Sentences, LayerNames.Tokens, LayerNames.Quotations];

    public override IReadOnlyList<string> OptionalRequires { get; } = [LayerNames.Mentions, LayerNames.Entities];

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.Turns, LayerNames.Participants];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var paragraphs = state.Get<Paragraph>(LayerNames.Paragraphs).Select(p => p.Span).ToArray();
        var sentences = state.Get<Sentence>(LayerNames.Sentences).Select(s => s.Span).ToArray();
        var tokens = state.Get<Token>(LayerNames.Tokens).Items.ToArray();
        var quotations = state.Get<Quotation>(LayerNames.Quotations).Items.ToArray();
        state.Layers.TryGetValue(LayerNames.Mentions, out var mentions);
        state.Layers.TryGetValue(LayerNames.Entities, out var entities);
        var view = EntityView.From(mentions, entities);
        var (turns, participants, diagnostics) = TurnFinder.Find(state.Text, paragraphs, sentences, tokens, quotations, view, Id.ToString());
        return new AnnotatorResult(
        [
            new Layer<Turn>(LayerNames.Turns, Id, turns),
            new Layer<Participant>(LayerNames.Participants, Id, participants),
        ], diagnostics);
    }
}
