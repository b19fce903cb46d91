using Annalist.Core.Annotations;
using Annalist.Core.Attributions;
using Annalist.Core.Events;
using Annalist.Core.Pipeline;
using Annalist.Core.Quantities;
using Annalist.Core.Tests.Generators;
using Annalist.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Annalist.Core.Tests.Quantities;

/// <summary>
/// The quantities, attributions and events components on random text: none fails, every span lies in
/// the text, and every quantity has a value or a range, with its item inside its span.
/// </summary>
public sealed class QuantityPropertyTests
{
    private static readonly Lazy<AnalysisPipeline> Pipeline = new(DefaultPipeline.Create);

    private static readonly string[] NumberFragments =
    [
        "about", "more than", "over a", "some", "at least", "up to", "between", "from", "and", "to", "or", "a", "one", "two", "fifty",
        "twenty-five", "hundred", "thousand", "million", "and a half", "400", "400,000", "2.5", "15-60", "1/2", "$", "£", "%", "per cent",
        "rifles", "hand-held machine guns", "PPSh", "kilometers", "rubles", "square", "No.", "it is said that", "is said not to",
        "noted in his diary", "according to the report", ",", "I don’t’ know if", "would be good", "If", "can give", "will be provided",
        "have not arrived", "weapons", "met", "dinner", "the", ".", " ", " ", "\n", "\n\n", "1.", "14th", "1944", "January 7",
    ];

    public static Arbitrary<HardText> NumberHeavyText() =>
        Gen.ListOf(Gen.Frequency((4, Gen.Elements(NumberFragments)), (1, Gen.Constant(" ")), (1, HardTextArbitraries.HardText().Generator.Select(t => t.Value))))
            .Select(parts => new HardText(string.Join(" ", parts)))
            .ToArbitrary();

    [Property(Arbitrary = [typeof(QuantityPropertyTests)], MaxTest = 300)]
    public bool NumberHeavyTextYieldsWellFormedLayers(HardText text) => WellFormed(text.Value);

    [Property(Arbitrary = [typeof(HardTextArbitraries)], MaxTest = 200)]
    public bool HardTextYieldsWellFormedLayers(HardText text) => WellFormed(text.Value);

    private static bool WellFormed(string text)
    {
        var analyzed = Pipeline.Value.Analyze(new SourceDocument("random", text));
        if (analyzed.Diagnostics.Any(d => d.Code == "ANL2900")) return false;
        bool Inside(TextSpan span) => span.Start >= 0 && span.End <= text.Length && span.Length > 0;
        var quantities = analyzed.GetLayer<Quantity>(LayerNames.Quantities);
        var attributions = analyzed.GetLayer<Attribution>(LayerNames.Attributions);
        var events = analyzed.GetLayer<EventFrame>(LayerNames.Events);
        return quantities.All(q => Inside(q.Span) && (q.Value is not null || (q.Min is not null && q.Max is not null))
                && (q.Item is not { } item || q.Span.Contains(item)))
            && attributions.All(a => Inside(a.Span) && a.Span.Contains(a.Cue))
            && events.All(e => Inside(e.Span) && Inside(e.Trigger) && e.Items.All(i => Inside(i.Span)));
    }
}
