using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;

namespace Annalist.Core.Segmentation;

/// <summary>
/// Produces the <c>paragraphs</c> layer with <see cref="ParagraphSplitter"/>. When the text has no blank
/// lines, an information diagnostic says how its lines were read.
/// </summary>
public sealed class ParagraphAnnotator : Annotator
{
    public static readonly ComponentId ComponentId = new("paragraphs", 1);

    public override ComponentId Id => ComponentId;

    public override IReadOnlyList<string> Requires { get; } = [];

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.Paragraphs];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var spans = new List<Text.TextSpan>();
        var style = ParagraphSplitter.Split(state.Text, spans, out int wrapWidth);
        var layer = new Layer<Paragraph>(LayerNames.Paragraphs, Id, spans.Select(span => new Paragraph(span)));
        Diagnostic? note = style switch
        {
            ParagraphStyle.LinePerParagraph => Diagnostic.From(ErrorCatalogue.ParagraphPerLine, null, Id.ToString(), spans.Count),
            ParagraphStyle.HardWrapped => Diagnostic.From(ErrorCatalogue.HardWrappedParagraphs, null, Id.ToString(), wrapWidth),
            _ => null,
        };
        return AnnotatorResult.Of(layer, note is null ? [] : [note]);
    }
}
