using Spectre.Console;
using Spectre.Console.Rendering;

namespace Annalist.Formats.Rendering;

/// <summary>
/// Renders <paramref name="inner"/> without the spaces Spectre pads each line with up to the width of its widest row
/// (or of the console), so that a report in a file, a pipe or a narrow terminal has no trailing blanks.
/// </summary>
public sealed class TrimmedLines(IRenderable inner) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var segments = inner.Render(options, maxWidth).ToList();
        bool endsWithBreak = segments.Count > 0 && segments[^1].IsLineBreak;
        var lines = Segment.SplitLines(segments);
        // SplitLines gives an empty last line for segments that end in a break; that break is written once, below.
        int count = endsWithBreak && lines.Count > 0 && lines[^1].Count == 0 ? lines.Count - 1 : lines.Count;
        for (int i = 0; i < count; i++)
        {
            var line = lines[i];
            int last = line.Count - 1;
            while (last >= 0 && (line[last].IsControlCode ? false : line[last].Text.AsSpan().TrimEnd(' ').IsEmpty)) last--;
            for (int k = 0; k < last; k++) yield return line[k];
            if (last >= 0) yield return line[last].IsControlCode ? line[last] : new Segment(line[last].Text.TrimEnd(' '), line[last].Style);
            if (i < count - 1 || endsWithBreak) yield return Segment.LineBreak;
        }
    }
}
