using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Annalist.Cli.Reports;
using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Spectre.Console.Testing;

namespace Annalist.Cli.Tests.Reports;

public class TextReportWriterTests
{
    private static string Report(AnalyzedDocument document, TextReportOptions? options = null)
    {
        var console = new TestConsole().Width(200);
        new TextReportWriter(console, options).Write(document);
        return console.Output;
    }

    private static AnalyzedDocument Analyze(string text, string name = "record.txt") =>
        MarkingAnnotator.Pipeline().Analyze(new SourceDocument(name, text, new DocumentMetadata { Encoding = "utf-8" }));

    [Theory]
    [InlineData(40)]
    [InlineData(200)]
    public void No_line_is_padded_with_blanks_or_wider_than_the_console(int width)
    {
        var analysis = Analyze("First line.\nThe [grain] came [sic] late. He said: “We shall send it.”");
        var console = new TestConsole().Width(width);
        new TextReportWriter(console).Write(analysis);
        var lines = console.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.Contains("[sic]"));
        Assert.All(lines, l => Assert.False(l.EndsWith(' '), $"padded: '{l}'"));
        Assert.All(lines, l => Assert.True(l.Length <= width, $"wider than {width}: '{l}'"));
    }

    [Theory]
    [InlineData("record.txt", 80, 80)]
    [InlineData("record.txt", 30, 30)]
    [InlineData("a-very-long-file-name-of-a-record.txt", 20, 40)]
    public void The_header_line_fills_at_most_the_width_it_is_given(string name, int width, int expected)
    {
        string line = TextReportWriter.HeaderLine(name, width);
        Assert.StartsWith("── " + name, line);
        Assert.Equal(expected, line.Length);
    }

    [Fact]
    public void The_header_names_the_document_its_hash_length_encoding_and_pipeline()
    {
        var analysis = Analyze("Line one.\nLine two.");
        string report = Report(analysis);
        Assert.Contains("record.txt", report);
        Assert.Contains(analysis.Source.Sha256, report);
        Assert.Contains("19 characters, 2 lines", report);
        Assert.Contains("utf-8", report);
        Assert.Contains(analysis.PipelineVersion + " (test.marking.v1)", report);
    }

    [Fact]
    public void Markup_characters_in_the_text_and_name_are_shown_as_they_are()
    {
        const string text = "He wrote [bold] and [/] and [[ and [red]x[/red] “[link=x]y[/]” [";
        var analysis = Analyze(text, "odd [name].txt");
        string report = Report(analysis);
        Assert.Contains("odd [name].txt", report);
        Assert.Contains("[bold]", report);
        Assert.Contains("[/]", report);
        Assert.Contains("[red]", report);
        Assert.Contains("“[link=x]y[/]”", report);
    }

    [Fact]
    public void Editorial_marks_are_listed_with_position_kind_and_text()
    {
        var analysis = Analyze("First line.\nThe [grain] came [sic] late.");
        string report = Report(analysis);
        Assert.Contains("Editorial marks (2)", report);
        var rows = report.Split('\n').Where(l => l.Contains("[grain]") || l.Contains("[sic]")).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Matches(@"2:5\s+supplied\s+\[grain\]", rows[0]);
        Assert.Matches(@"2:18\s+note\s+\[sic\]", rows[1]);
    }

    [Fact]
    public void Nested_quotations_are_indented_and_unclosed_ones_flagged()
    {
        var analysis = Analyze("She said: “he told me “no” twice” and later “never ended");
        string report = Report(analysis);
        var lines = report.Split('\n');
        string outer = lines.Single(l => l.Contains("“he told me"));
        string inner = lines.Single(l => l.Contains("“no”") && !l.Contains("he told"));
        string open = lines.Single(l => l.Contains("“never ended"));
        Assert.Equal(outer.IndexOf('“') + 2, inner.IndexOf('“'));
        Assert.Contains("(never closed)", open);
        Assert.DoesNotContain("(never closed)", outer);
    }

    [Fact]
    public void Diagnostics_give_line_and_column()
    {
        var analysis = Analyze("A first line.\nThen “an open one");
        string report = Report(analysis);
        string row = report.Split('\n').Single(l => l.Contains("ANL2001"));
        Assert.Matches(@"^\s*2:6\s+ANL2001\s+warning", row);
    }

    [Fact]
    public void Long_lists_stop_at_the_limit_and_say_how_many_more()
    {
        var analysis = Analyze("[a] [b] [c] [d] [e]");
        string report = Report(analysis, new TextReportOptions { MaxListedItems = 3 });
        Assert.Contains("[c]", report);
        Assert.DoesNotContain("[d]", report);
        Assert.Contains("… and 2 more", report);
    }

    [Fact]
    public void A_layer_the_report_does_not_know_shows_its_count_and_a_sample_with_fields()
    {
        const string text = "one two three four five six seven";
        var source = new SourceDocument("g.txt", text);
        var words = text.Split(' ').Select(word => new Guess(TextSpan.FromLength(text.IndexOf(word, StringComparison.Ordinal), word.Length), word.Length)).ToList();
        var producer = new ComponentId("test.guesser", 3);
        var layer = new Layer<Guess>("guesses", producer, words);
        var analysis = new AnalyzedDocument(source, ImmutableDictionary<string, Layer>.Empty.Add(layer.Name, layer), [], [new ComponentTiming(producer, TimeSpan.Zero)], "v1");
        string report = Report(analysis, new TextReportOptions { SampleItems = 2 });
        Assert.Contains("guesses (7)", report);
        Assert.Matches(@"1:5\s+two\s+letters=3 nested=\{inner=true\}", report);
        Assert.DoesNotContain("three", report);
        Assert.Contains("… and 5 more", report);
        Assert.Contains("test.guesser.v3", report);
    }

    [Fact]
    public void An_empty_document_has_a_report()
    {
        string report = Report(Analyze(""));
        Assert.Contains("0 characters", report);
        Assert.Contains("Diagnostics (0)", report);
    }

    private readonly record struct Guess(TextSpan Span, int Letters) : IAnnotation
    {
        public void WriteFields(IFieldWriter writer)
        {
            writer.Number("letters", Letters);
            writer.Object("nested", nested => nested.Boolean("inner", true));
        }
    }

    [Fact]
    public void Turns_are_printed_as_a_transcript_of_speaker_words_and_cue()
    {
        const string text = "Participants:\nMr. Halloran\nMr. Petrescu\n\nHalloran asked: “Is the convoy ready?”\n\nMr. Petrescu replied that it would sail at dawn.";
        var analysis = DefaultPipeline.Create().Analyze(new SourceDocument("talk.txt", text));
        string report = Report(analysis);
        Assert.Contains("Transcript (2 turns)", report);
        Assert.Matches(@"Halloran\s+Is the convoy ready\?\s+Halloran asked:", report);
        Assert.Matches(@"Mr\. Petrescu\s+it would sail at dawn\.\s+\(reported\)\s+Mr\. Petrescu replied", report);
        Assert.Contains("Participants (2)", report);
        Assert.Contains("participants block", report);
    }

    private const string Talks =
        "Participants:\nMr. Halloran, Director of Supply\nMr. Petrescu\n\n" +
        "On May 3, 1951 Mr. Halloran met Mr. Petrescu in Oslo. Two days later Halloran asked Petrescu for forty trucks. " +
        "Mr. Petrescu said that he could give twenty trucks.";

    /// <summary>The lines of the report from the heading that starts with <paramref name="heading"/> to the next section's heading.</summary>
    private static List<string> Section(string report, string heading, string next)
    {
        var lines = report.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int start = lines.FindIndex(l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"no section '{heading}' in:\n{report}");
        int end = lines.FindIndex(start + 1, l => l.StartsWith(next, StringComparison.Ordinal));
        return lines[start..(end < 0 ? lines.Count : end)];
    }

    [Fact]
    public void People_are_listed_once_each_with_mentions_first_position_and_office()
    {
        var analysis = DefaultPipeline.Create().Analyze(new SourceDocument("talks.txt", Talks));
        var people = Section(Report(analysis), "People (", "Places, organizations");
        var halloran = Assert.Single(people, l => l.Contains("Halloran", StringComparison.Ordinal));
        Assert.Matches(@"Halloran\s+[2-9]\s+2:5\s+", halloran);
        Assert.Contains("Director of Supply", halloran);
        Assert.Single(people, l => l.Contains("Petrescu", StringComparison.Ordinal));
        Assert.DoesNotContain(people, l => l.Contains("Oslo", StringComparison.Ordinal));
        Assert.DoesNotContain(people, l => l.Contains('='));
    }

    [Fact]
    public void Dates_show_their_value_and_what_they_were_anchored_to()
    {
        var analysis = DefaultPipeline.Create().Analyze(new SourceDocument("talks.txt", Talks));
        var dates = Section(Report(analysis), "Dates (", "Quantities (");
        Assert.Contains(dates, l => Regex.IsMatch(l, @"^\s*5:4\s+May 3, 1951\s+1951-05-03\s*$"));
        Assert.Contains(dates, l => Regex.IsMatch(l, @"Two days later\s+1951-05-05\s+“May 3, 1951” \(5:4\)"));
    }

    [Fact]
    public void Quantities_events_and_commitments_are_tables_a_person_reads()
    {
        var analysis = DefaultPipeline.Create().Analyze(new SourceDocument("talks.txt", Talks));
        string report = Report(analysis);
        Assert.Contains(Section(report, "Quantities (", "Events ("), l => Regex.IsMatch(l, @"forty trucks\s+count\s+40\s+trucks"));
        var events = Section(report, "Events (", "Commitments (");
        Assert.Contains(events, l => Regex.IsMatch(l, @"request e\d+\s+.*Halloran \(requester\)"));
        var commitments = Section(report, "Commitments (", "Sources");
        Assert.Contains(commitments, l => Regex.IsMatch(l, @"Halloran\s+asked for\s+40\s+trucks\s+Petrescu"));
        Assert.DoesNotContain("polarity=", report);
        Assert.DoesNotContain("type=", report);
    }

    [Fact]
    public void A_list_shows_its_first_items_and_says_how_to_see_all_of_them()
    {
        string text = string.Join(" ", Enumerable.Range(1, 14).Select(day => $"We met on May {day}, 1951."));
        var analysis = DefaultPipeline.Create().Analyze(new SourceDocument("days.txt", text));
        string report = Report(analysis);
        Assert.Contains("May 10, 1951", report);
        Assert.DoesNotContain("May 11, 1951", report);
        Assert.Contains("… and 4 more (all with --all or --format json)", report);
        string all = Report(analysis, TextReportOptions.All);
        Assert.Contains("May 14, 1951", all);
        Assert.DoesNotContain("… and", all);
    }

    [Fact]
    public void A_voice_no_person_holds_is_printed_with_its_role()
    {
        const string text = "PRESS CONFERENCE OF THE MINISTER OF SUPPLY, MAY 3\n\nQ: Will the mills reopen in June?\n\nA: They will reopen in July.";
        var analysis = DefaultPipeline.Create().Analyze(new SourceDocument("press.txt", text));
        string report = Report(analysis);
        Assert.Matches(@"Q \(press\)\s+Will the mills reopen in June\?", report);
    }
}
