using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Core.Time;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;
using Annalist.Formats.TimeMl;

namespace Annalist.Evaluation.TimeMl;

/// <summary>What anchors relative expressions while a TimeML corpus is scored.</summary>
public enum TimeAnchorKind : byte
{
    /// <summary>The document creation time (DCT or DATETIME): the TempEval-3 setting.</summary>
    Document,
    /// <summary>Nothing from outside the text: relative expressions anchor to the narrative.</summary>
    Narrative,
    /// <summary>A date given on the command line.</summary>
    Fixed,
}

/// <summary>The anchor for relative expressions; <see cref="Date"/> is set for <see cref="TimeAnchorKind.Fixed"/>.</summary>
public sealed record TimeAnchor(TimeAnchorKind Kind, string? Date = null)
{
    public static TimeAnchor Document { get; } = new(TimeAnchorKind.Document);

    public static TimeAnchor Narrative { get; } = new(TimeAnchorKind.Narrative);

    /// <summary>Parses <c>narrative</c>, <c>document</c> or an ISO date (<c>1950</c>, <c>1950-06</c>, <c>1950-06-25</c>).</summary>
    public static bool TryParse(string? text, out TimeAnchor anchor)
    {
        anchor = Document;
        if (string.IsNullOrWhiteSpace(text) || text.Equals("document", StringComparison.OrdinalIgnoreCase)) return true;
        if (text.Equals("narrative", StringComparison.OrdinalIgnoreCase))
        {
            anchor = Narrative;
            return true;
        }
        if (IsIsoDate(text))
        {
            anchor = new TimeAnchor(TimeAnchorKind.Fixed, text);
            return true;
        }
        return false;
    }

    public override string ToString() => Kind switch
    {
        TimeAnchorKind.Document => "document",
        TimeAnchorKind.Narrative => "narrative",
        _ => Date!,
    };

    private static bool IsIsoDate(string text)
    {
        string[] formats = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];
        return DateTime.TryParseExact(text, formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
    }
}

/// <summary>
/// <c>annalist eval timeml</c>: reads TimeML (<c>.tml</c>) and WikiWars inline files, runs the pipeline
/// on each plain text with the chosen anchor as the document's metadata date, and scores the
/// <c>timexes</c> layer as TempEval-3 does (<see cref="TimexScorer"/>).
/// </summary>
public sealed class TimeMlEvaluator
{
    private readonly AnalysisPipeline pipeline;

    // TIMEX2 gold (WikiWars) is scored by the same pipeline with the time annotator following the TIMEX2 guidelines.
    private readonly Lazy<AnalysisPipeline> _timex2;

    // TIMEX3 gold is scored with TimeML's readings of counted periods (TimexOptions.TimeMlCountedPeriods).
    private readonly Lazy<AnalysisPipeline> _timex3;

    public TimeMlEvaluator(AnalysisPipeline pipeline)
    {
        this.pipeline = pipeline;
        _timex3 = new Lazy<AnalysisPipeline>(() => new PipelineBuilder().AddRange(pipeline.Components.Select(component =>
            component is TimexAnnotator { Options.Guidelines: TimexGuidelines.TimeMl } timex ? new TimexAnnotator(timex.Options with { TimeMlCountedPeriods = true }) : component)).Build());
        _timex2 = new Lazy<AnalysisPipeline>(() => new PipelineBuilder().AddRange(pipeline.Components.Select(component =>
            component is TimexAnnotator timex ? new TimexAnnotator(timex.Options with { Guidelines = TimexGuidelines.Timex2 }) : component)).Build());
    }

    /// <summary>
    /// The files a path stands for: a file itself; in a folder holding <c>keyinline/</c> (WikiWars), its
    /// <c>*.key.xml</c>; otherwise every <c>*.tml</c> and <c>*.key.xml</c> below the folder, sorted.
    /// </summary>
    /// <exception cref="AnnalistException">ANL1001 for a missing path, ANL1105 for a folder with no such files.</exception>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
                continue;
            }
            if (!Directory.Exists(path)) throw new AnnalistException(ErrorCatalogue.FileNotFound, path);
            string keyInline = Path.Combine(path, "keyinline");
            IEnumerable<string> found = Directory.Exists(keyInline)
                ? Directory.EnumerateFiles(keyInline, "*.key.xml")
                : Directory.EnumerateFiles(path, "*.tml", SearchOption.AllDirectories)
                    .Concat(Directory.EnumerateFiles(path, "*.key.xml", SearchOption.AllDirectories));
            var sorted = found.OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (sorted.Count == 0) throw new AnnalistException(ErrorCatalogue.NoEvaluationInput, path, "no .tml or keyinline .key.xml files");
            files.AddRange(sorted);
        }
        return files;
    }

    /// <summary>Scores the files; with <paramref name="errors"/>, writes <see cref="TimexErrorListing"/> rows there (development corpora only).</summary>
    public EvaluationResult Evaluate(IEnumerable<string> paths, TimeAnchor anchor, CancellationToken cancellationToken = default, TextWriter? errors = null)
    {
        var documents = new List<DocumentEvaluation>();
        errors?.WriteLine(TimexErrorListing.Header);
        foreach (string file in ExpandPaths(paths))
        {
            var timeMl = TimeMlReader.ReadFile(file);
            documents.Add(Score(timeMl, anchor, cancellationToken, errors));
        }
        return EvaluationResult.Combine(documents);
    }

    /// <summary>Scores one document already read.</summary>
    public DocumentEvaluation Score(TimeMlDocument timeMl, TimeAnchor anchor, CancellationToken cancellationToken = default, TextWriter? errors = null)
    {
        string? date = anchor.Kind switch
        {
            TimeAnchorKind.Document => timeMl.CreationTime,
            TimeAnchorKind.Fixed => anchor.Date,
            _ => null,
        };
        var document = timeMl.Document.WithMetadata(timeMl.Document.Metadata with { Date = date });
        var analyzer = timeMl.Timexes.Any(t => t.Scheme == TimexScheme.Timex2) ? _timex2.Value : _timex3.Value;
        var system = SystemLayers.From(analyzer.Analyze(document, cancellationToken));
        if (errors is not null)
        {
            foreach (string row in TimexErrorListing.Rows(timeMl, system)) errors.WriteLine(row);
        }
        return new DocumentEvaluation(document.Name, [ScoreAgainst(timeMl, system)]);
    }

    /// <summary>Scores <paramref name="system"/> against the file's gold timexes.</summary>
    public static LayerScore ScoreAgainst(TimeMlDocument timeMl, SystemLayers system)
    {
        var gold = timeMl.Timexes.Select(t => new GoldTimexSpan(t.Span, t.Text, t.Type, t.Value)).ToList();
        return TimexScorer.Score(gold, system.Get(LayerNames.Timexes), system.Has(LayerNames.Timexes), timeMl.Document.Name);
    }

    /// <summary>The file's gold timexes as system output (for gold-vs-gold checks).</summary>
    public static SystemLayers GoldAsSystem(TimeMlDocument timeMl)
    {
        string text = timeMl.Document.Text;
        return SystemLayers.Empty(text).With(LayerNames.Timexes, timeMl.Timexes.Select(t =>
            new SystemItem(t.Span, t.Text, FieldBag.Of(("type", t.Type), ("value", t.Value)))));
    }
}
