using Annalist.Core.Annotations;
using Annalist.Core.Text;
using Annalist.Evaluation.SystemOutput;
using Annalist.Evaluation.TimeMl;
using Annalist.Formats.TimeMl;

namespace Annalist.Evaluation.Tests.TimeMl;

public class TimexErrorListingTests
{
    private const string Markup = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>listing</DOCID>
        <TEXT>
        The envoy left on <TIMEX3 tid="t1" type="DATE" value="1961-08-14">Monday</TIMEX3>. He stayed <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>. Talks ended <TIMEX3 tid="t3" type="DATE" value="1961-09">in September</TIMEX3>.
        </TEXT>
        </TimeML>
        """;

    [Fact]
    public void Each_miss_spurious_and_wrong_value_is_a_row_with_its_sentence()
    {
        var document = TimeMlReader.Read("listing", Markup);
        string text = document.Document.Text;
        SystemItem Item(string written, string type, string value)
        {
            int start = text.IndexOf(written, StringComparison.Ordinal);
            return new SystemItem(new TextSpan(start, start + written.Length), written, FieldBag.Of(("type", type), ("value", value)));
        }
        var system = SystemLayers.Empty(text).With(LayerNames.Timexes,
            [Item("Monday", "DATE", "1961-08-21"), Item("two days", "DURATION", "P2D"), Item("envoy", "DATE", "PRESENT_REF")]);

        var rows = TimexErrorListing.Rows(document, system).Select(r => r.Split('\t')).ToList();

        Assert.Equal(3, rows.Count);
        var value = Assert.Single(rows, r => r[0] == "VALUE");
        Assert.Equal(["Monday", "DATE", "1961-08-14", "Monday", "DATE", "1961-08-21"], value[2..8]);
        Assert.Equal("The envoy left on Monday.", value[9]);
        var miss = Assert.Single(rows, r => r[0] == "MISS");
        Assert.Equal("1961-09", miss[4]);
        Assert.Equal("Talks ended in September.", miss[9]);
        Assert.Equal("envoy", Assert.Single(rows, r => r[0] == "SPURIOUS")[5]);
        Assert.All(rows, r => Assert.Equal(TimexErrorListing.Header.Split('\t').Length, r.Length));
    }
}
