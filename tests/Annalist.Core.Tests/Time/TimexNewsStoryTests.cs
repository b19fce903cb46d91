using System.Runtime.CompilerServices;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Core.Time;

namespace Annalist.Core.Tests.Time;

/// <summary>
/// Invented news stories read as TempEval-3 scores news (<c>annalist eval timeml --anchor document</c>): the
/// document's date as metadata, TimeML's counted periods on. Each expected value was checked by hand against the
/// TimeML conventions of <c>docs/layers/timexes.md</c> (<i>Session 9</i>); the file is never rewritten from output.
/// Format of <c>NewsStories/*.news</c>: <c>=== YYYY-MM-DD title</c>, the story, <c>---</c>, then one line per
/// expression in text order, <c>"extent" TYPE value</c> and <c>mod=</c>, <c>quant=</c>, <c>freq=</c> where set.
/// </summary>
public sealed class TimexNewsStoryTests
{
    private static readonly Lazy<AnalysisPipeline> Pipeline = new(() => new PipelineBuilder().AddRange(DefaultPipeline.Components().Select(component =>
        component is TimexAnnotator timex ? new TimexAnnotator(timex.Options with { TimeMlCountedPeriods = true }) : component)).Build());

    public static TheoryData<string> Stories()
    {
        var data = new TheoryData<string>();
        foreach (var story in Load()) data.Add(story.Key);
        return data;
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void A_story_reads_as_the_guidelines_value_it(string key)
    {
        var story = Load().Single(s => s.Key == key);
        var document = new SourceDocument(story.Key, story.Text, new DocumentMetadata { Date = story.Date });
        var layer = Pipeline.Value.Analyze(document).Layers["timexes"];
        var actual = layer.Annotations.OfType<Timex>().Select(t => Render(t, story.Text)).ToList();
        Assert.True(actual.SequenceEqual(story.Expected),
            $"{story.Key}\nexpected:\n  {string.Join("\n  ", story.Expected)}\nactual:\n  {string.Join("\n  ", actual)}");
    }

    [Fact]
    public void There_are_stories_to_read() => Assert.True(Load().Count >= 15);

    private static string Render(Timex timex, string text)
    {
        var value = timex.Value;
        string type = value.Type switch
        {
            TimexType.Date => "DATE",
            TimexType.Time => "TIME",
            TimexType.Duration => "DURATION",
            _ => "SET",
        };
        string line = $"\"{text[timex.Span.Start..timex.Span.End]}\" {type} {value.ToTimex3()}";
        if (value.ModifierName is { } mod) line += " mod=" + mod;
        if (value.Type == TimexType.Set && value.Quantifier is { } quant) line += " quant=" + quant;
        if (value.Type == TimexType.Set && value.Frequency is { } freq) line += " freq=" + freq;
        return line;
    }

    private sealed record Story(string Key, string Date, string Text, IReadOnlyList<string> Expected);

    private static List<Story> Load([CallerFilePath] string caller = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(caller)!, "NewsStories");
        var stories = new List<Story>();
        foreach (string path in Directory.GetFiles(folder, "*.news").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(path);
            int i = 0;
            while (i < lines.Length)
            {
                if (!lines[i].StartsWith("=== ", StringComparison.Ordinal) || lines[i].Trim() == "===")
                {
                    i++;
                    continue;
                }
                string header = lines[i][4..].Trim();
                string date = header.Split(' ')[0];
                var text = new List<string>();
                while (++i < lines.Length && lines[i] != "---") text.Add(lines[i]);
                var expected = new List<string>();
                while (++i < lines.Length && !lines[i].StartsWith("===", StringComparison.Ordinal))
                    if (lines[i].Length > 0) expected.Add(lines[i]);
                stories.Add(new Story($"{Path.GetFileName(path)}: {header}", date, string.Join("\n", text), expected));
            }
        }
        return stories;
    }
}
