using Annalist.Core.Tests.Time;
using Annalist.Core.Time;

namespace Annalist.Benchmarks;

/// <summary>
/// Development loop for the timexes layer until <c>annalist eval timeml</c> exists:
/// <c>timeml [--anchor document|narrative] [--errors FILE] PATH...</c> scores every <c>.tml</c> or
/// <c>.key.xml</c> file under the paths. Write errors only for development corpora, never for measure-only ones.
/// </summary>
internal static class TimeMlCommand
{
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "--text")
        {
            var annotator = new TimexAnnotator();
            var metadata = args.Length > 2 ? new Annalist.Core.Text.DocumentMetadata { Date = args[2] } : null;
            foreach (var timex in annotator.Recognize(args[1], metadata))
                Console.WriteLine($"{timex.Span} \"{args[1][timex.Span.Start..timex.Span.End]}\" {timex.Value.Type} {timex.Value.ToTimex3()} anchor={timex.Anchor}");
            return 0;
        }
        var anchoring = TimexAnchoring.Document;
        string? errors = null;
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--anchor":
                    anchoring = args[++i] == "narrative" ? TimexAnchoring.Narrative : TimexAnchoring.Document;
                    break;
                case "--errors":
                    errors = args[++i];
                    break;
                default:
                    if (Directory.Exists(args[i]))
                        files.AddRange(Directory.EnumerateFiles(args[i], "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".tml", StringComparison.Ordinal) || f.EndsWith(".key.xml", StringComparison.Ordinal)));
                    else files.Add(args[i]);
                    break;
            }
        }
        var score = TimeMlEvaluation.Run(files, anchoring, errors is not null);
        Console.WriteLine($"{files.Count} documents, anchor {anchoring.ToString().ToLowerInvariant()}: {score.Summary()}");
        if (errors is not null) File.WriteAllLines(errors, score.Errors);
        return 0;
    }
}
