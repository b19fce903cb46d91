using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Core.Time;
using Annalist.Core.Tokens;

namespace Annalist.Core.Quantities;

/// <summary>
/// Finds numbers in digits and words with their hedges, ranges, units, currencies and counted noun
/// phrases; produces the <c>quantities</c> layer. Numbers inside temporal expressions (dates, clock
/// times, durations) are left to the <c>timexes</c> layer, and numbers that name things (<c>No. 5</c>,
/// <c>Article 12</c>, list markers, footnote marks) are not quantities. Stateless and thread-safe.
/// </summary>
public sealed class QuantityAnnotator : Annotator
{
    public static readonly ComponentId ComponentId = new("quantities", 3);

    private static readonly string[] RequiredLayers = [LayerNames.Tokens, LayerNames.Timexes];
    private static readonly string[] ProducedLayers = [LayerNames.Quantities];

    public override ComponentId Id => ComponentId;

    public override IReadOnlyList<string> Requires => RequiredLayers;

    public override IReadOnlyList<string> Produces => ProducedLayers;

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var tokens = state.Get<Token>(LayerNames.Tokens);
        var timexes = state.Get<Timex>(LayerNames.Timexes);
        var quantities = Recognize(state.Text, tokens, timexes.Items.Select(t => t.Span), diagnostics);
        return AnnotatorResult.Of(new Layer<Quantity>(LayerNames.Quantities, ComponentId, quantities), diagnostics);
    }

    /// <summary>
    /// The quantities of <paramref name="text"/> in text order, read from its <paramref name="tokens"/>,
    /// leaving out the characters of <paramref name="excluded"/> (temporal expressions).
    /// </summary>
    public IReadOnlyList<Quantity> Recognize(string text, IReadOnlyList<Token> tokens, IEnumerable<TextSpan>? excluded = null, List<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var array = tokens is Layer<Token> layer ? layer.Items : [.. tokens];
        return new QuantityScanner(text, array, excluded ?? [], diagnostics).Scan();
    }
}
