using Annalist.Core.Annotations;
using Annalist.Core.Events;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Events;

/// <summary>Inputs that once made the events component throw; each must now give well-formed frames and no ANL2900.</summary>
public sealed class EventRobustnessTests
{
    // Found by QuantityPropertyTests: a quantity that reaches back over a sentence start made a span end before it began.
    private const string NumberHeavy = "@hand-held \n\n   is said not to {   If No.   weapons twenty-five ,         and ( fifty   and a half a \n\n   or \u5317\u4EAC- hand-held machine guns 1944 No. one \n\n over a       \u20291   up to some   noted in his diary   January 7 \u200Cenvoys' according to the report up to met (a) \u00AB   two , one at least is said not to U.S.S.R.-- \n No. and 15-60   will be provided   \u4EEA\u05CE dinner from  The $ rubles or between thousand 1/2 or   have not arrived January 7    ";

    [Fact]
    public void A_quantity_reaching_over_a_sentence_start_breaks_nothing()
    {
        var analyzed = DefaultPipeline.Create().Analyze(new SourceDocument("random", NumberHeavy));
        Assert.DoesNotContain(analyzed.Diagnostics, d => d.Code == "ANL2900");
        var events = analyzed.GetLayer<EventFrame>(LayerNames.Events);
        Assert.All(events, e => Assert.True(e.Span.End <= NumberHeavy.Length && e.Items.All(i => i.Span.End <= NumberHeavy.Length)));
    }
}
