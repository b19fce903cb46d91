using Annalist.Core.Annotations;
using Annalist.Core.Editorial;
using Annalist.Core.Pipeline;
using Annalist.Core.Quotations;
using Annalist.Core.Text;

namespace Annalist.Cli.Tests;

/// <summary>
/// A stand-in pipeline for command and report tests: square brackets become editorial marks and
/// curly double quotes quotations (nested by depth, unclosed at the end of the text), so the tests do
/// not depend on the real components' rules.
/// </summary>
internal sealed class MarkingAnnotator : Annotator
{
    public override ComponentId Id { get; } = new("test.marking", 1);

    public override IReadOnlyList<string> Requires { get; } = [];

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.Editorial, LayerNames.Quotations];

    public static AnalysisPipeline Pipeline() => new PipelineBuilder().Add(new MarkingAnnotator()).Build();

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        string text = state.Text;
        var marks = new List<EditorialMark>();
        var quotations = new List<Quotation>();
        var diagnostics = new List<Diagnostic>();
        var open = new Stack<int>();
        int bracket = -1;
        for (int i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[':
                    bracket = i;
                    break;
                case ']' when bracket >= 0:
                    var content = new TextSpan(bracket + 1, i);
                    var kind = text.AsSpan(bracket + 1, i - bracket - 1).StartsWith("sic") ? EditorialKind.Note : EditorialKind.Supplied;
                    marks.Add(new EditorialMark(new TextSpan(bracket, i + 1), kind, content));
                    bracket = -1;
                    break;
                case '“':
                    open.Push(i);
                    break;
                case '”' when open.Count > 0:
                    int start = open.Pop();
                    quotations.Add(new Quotation(new TextSpan(start, i + 1), new TextSpan(start + 1, i), true, open.Count, '“'));
                    break;
            }
        }
        while (open.Count > 0)
        {
            int start = open.Pop();
            quotations.Add(new Quotation(new TextSpan(start, text.Length), new TextSpan(start + 1, text.Length), false, open.Count, '“'));
            diagnostics.Add(Diagnostic.From(Core.Errors.ErrorCatalogue.UnclosedQuotation, new TextSpan(start, start + 1), Id.ToString(), text.Length, "end of text"));
        }
        return new AnnotatorResult(
        [
            new Layer<EditorialMark>(LayerNames.Editorial, Id, marks),
            new Layer<Quotation>(LayerNames.Quotations, Id, quotations),
        ], diagnostics);
    }
}
