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
    public override ComponentId Id { get; } = new("turns", 1);

    public override IReadOnlyList<string> Requires { get; } = [LayerNames.Paragraphs, LayerNames.Sentences, LayerNames.Tokens, LayerNames.Quotations];

    public override IReadOnlyList<string> OptionalRequires { get; } = [LayerNames.Mentions, LayerNames.Entities, LayerNames.PartsOfSpeech];

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
        string?[]? tags = null;
        if (state.Layers.ContainsKey(LayerNames.PartsOfSpeech))
        {
            // Tags are aligned to tokens by their start; a token without one keeps null.
            var pos = state.Get<Syntax.PosTag>(LayerNames.PartsOfSpeech).Items.ToArray();
            tags = new string?[tokens.Length];
            int k = 0;
            for (int t = 0; t < tokens.Length && k < pos.Length; t++)
            {
                while (k < pos.Length && pos[k].Span.Start < tokens[t].Span.Start) k++;
                if (k < pos.Length && pos[k].Span.Start == tokens[t].Span.Start) tags[t] = pos[k].Universal;
            }
        }
        var (turns, participants, diagnostics) = TurnFinder.Find(state.Text, paragraphs, sentences, tokens, quotations, view, Id.ToString(), tags, state.Document.Metadata.Author);
        return new AnnotatorResult(
        [
            new Layer<Turn>(LayerNames.Turns, Id, turns),
            new Layer<Participant>(LayerNames.Participants, Id, participants),
        ], diagnostics);
    }
}
