using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Segmentation;

/// <summary>Produces the <c>sentences</c> layer from tokens and paragraphs with <see cref="SentenceSplitter"/>.</summary>
public sealed class SentenceAnnotator : Annotator
{
    public static readonly ComponentId ComponentId = new("sentences", 1);

    public override ComponentId Id => ComponentId;

    public override IReadOnlyList<string> Requires { get; } = [LayerNames.Tokens, LayerNames.Paragraphs];

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.Sentences];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var tokens = state.Get<Token>(LayerNames.Tokens).Items;
        var paragraphs = state.Get<Paragraph>(LayerNames.Paragraphs).Items;
        var paragraphSpans = new TextSpan[paragraphs.Length];
        for (int i = 0; i < paragraphs.Length; i++) paragraphSpans[i] = paragraphs[i].Span;
        var sentences = new List<TextSpan>(paragraphs.Length * 2);
        SentenceSplitter.Split(state.Text, tokens.AsSpan(), paragraphSpans, sentences);
        return AnnotatorResult.Of(new Layer<Sentence>(LayerNames.Sentences, Id, sentences.Select(span => new Sentence(span))));
    }
}
