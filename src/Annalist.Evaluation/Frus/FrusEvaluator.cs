using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;
using Annalist.Formats.Tei;

namespace Annalist.Evaluation.Frus;

/// <summary>
/// <c>annalist eval frus</c>: scores the pipeline against gold that FRUS's own markup provides.
/// Each document's body text and notes text are analyzed separately; the pipeline sees text only
/// (the reader's dateline date is removed from the metadata), so nothing of the markup leaks in.
/// <list type="bullet">
/// <item><b>dates</b>: the first dateline's <c>date</c> (<c>@when</c>, or the interval of <c>@from</c>/<c>@to</c>,
/// <c>@notBefore</c>/<c>@notAfter</c>) against the most precise calendar value among the system
/// timexes in the dateline, compared at the gold value's precision. No timex there counts as wrong. Counts: n, correct.</item>
/// <item><b>persons</b>: each <c>persName/@corresp</c> span is found when a system person mention
/// overlaps it (paired one to one, so one long mention cannot find several names); a found mention is
/// linked right when its system entity's <c>ref</c> field names the gold person, or, without such a
/// field, when its entity is linked to that person by a one-to-one alignment of entities to persons
/// (most shared mentions first), so that splitting or lumping people costs accuracy. Linking counts only in volumes with a persons list. Counts: n, found, linked.</item>
/// <item><b>participants</b>: in each participants block, the gold items (side headings such as
/// <c>United States</c> in italics, or an item ending in a colon such as <c>US Side:</c>, left out) against the system's <c>participants</c> inside the block (or, without
/// that layer, its person mentions). A system item is right when it overlaps a gold item, and finds the
/// one it overlaps most; an item listing several people may be found by several. Counts: n (blocks), gold, system, found_gold, matched_system.</item>
/// </list>
/// </summary>
public sealed class FrusEvaluator(AnalysisPipeline pipeline)
{
    /// <summary>
    /// Scores the volumes; with <paramref name="errors"/>, writes every miss, spurious item and mismatch there as
    /// tab-separated rows (<see cref="ErrorsHeader"/>). For training volumes only: listing the errors of a
    /// measure-only volume turns it into development data.
    /// </summary>
    public EvaluationResult Evaluate(IEnumerable<string> volumePaths, CancellationToken cancellationToken = default, TextWriter? errors = null)
    {
        var documents = new List<DocumentEvaluation>();
        errors?.WriteLine(ErrorsHeader);
        foreach (string path in volumePaths)
        {
            var volume = TeiReader.ReadVolume(path);
            var scored = Evaluate(volume, cancellationToken);
            if (errors is not null) WriteErrors(errors, scored);
            documents.AddRange(scored);
        }
        return EvaluationResult.Combine(documents);
    }

    /// <summary>The columns of the <c>--errors</c> listing.</summary>
    public const string ErrorsHeader = "layer\tkind\tdocument\tfinding";

    /// <summary>One row per finding: layer, <c>missed</c>/<c>spurious</c>/<c>mismatch</c>, the document, and what was found.</summary>
    public static void WriteErrors(TextWriter errors, IEnumerable<DocumentEvaluation> documents)
    {
        foreach (var document in documents)
        {
            foreach (var layer in document.Layers)
            {
                foreach (var (kind, lines) in new[] { ("missed", layer.Misses), ("spurious", layer.Spurious), ("mismatch", layer.Mismatches) })
                {
                    foreach (string line in lines)
                    {
                        // Findings open with “document: ”; the document gets its own column.
                        string finding = line.StartsWith(document.Name + ": ", StringComparison.Ordinal) ? line[(document.Name.Length + 2)..] : line;
                        errors.WriteLine($"{layer.Layer}\t{kind}\t{document.Name}\t{finding.Replace('\t', ' ').Replace('\n', ' ')}");
                    }
                }
            }
        }
    }

    public IReadOnlyList<DocumentEvaluation> Evaluate(TeiVolume volume, CancellationToken cancellationToken = default)
    {
        var analyzed = new List<(TeiDocument Document, SystemLayers Body, SystemLayers Notes)>();
        foreach (var document in volume.Documents)
        {
            var body = SystemLayers.From(pipeline.Analyze(TextOnly(document.Body), cancellationToken));
            var notes = document.Notes.Length == 0
                ? SystemLayers.Empty("")
                : SystemLayers.From(pipeline.Analyze(TextOnly(document.Notes), cancellationToken));
            analyzed.Add((document, body, notes));
        }
        return Score(volume, analyzed);
    }

    /// <summary>Scores system layers already made for each document (from a pipeline, or by hand in tests).</summary>
    public static IReadOnlyList<DocumentEvaluation> Score(TeiVolume volume, IReadOnlyList<(TeiDocument Document, SystemLayers Body, SystemLayers Notes)> analyzed)
    {
        var links = LinkEntitiesToPersons(analyzed);
        var result = new List<DocumentEvaluation>(analyzed.Count);
        foreach (var (document, body, notes) in analyzed)
        {
            string name = document.Body.Name;
            result.Add(new DocumentEvaluation(name,
            [
                ScoreDate(document, body, name),
                ScorePersons(volume, document, body, notes, links, name),
                ScoreParticipants(document, body, name),
            ]));
        }
        return result;
    }

    private static SourceDocument TextOnly(SourceDocument document) => document.WithMetadata(document.Metadata with { Date = null });

    private static LayerScore ScoreDate(TeiDocument document, SystemLayers body, string name)
    {
        var score = new LayerScoreBuilder("dates", body.Has(LayerNames.Timexes), name);
        score.Declare("n", "correct");
        var gold = document.DatelineDates.FirstOrDefault();
        if (gold is null || document.Dateline is not { } dateline) return score.Build();
        score.Add("n");
        var values = body.Get(LayerNames.Timexes)
            .Where(t => t.Span.Overlaps(dateline))
            .Select(t => t.Fields.String("value"))
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => v!.Trim())
            .ToList();
        // A dateline may be read as a date and a separate time of day; the system's document date is its most precise calendar value.
        string? value = values.Where(IsCalendarValue).OrderByDescending(v => v.Length).FirstOrDefault() ?? values.FirstOrDefault();
        string expected = gold.When ?? $"{gold.From ?? gold.NotBefore}/{gold.To ?? gold.NotAfter}";
        if (DateAgrees(gold, value)) score.Add("correct");
        else if (value is null) score.Miss($"dateline \"{gold.Text}\" {expected}: no timex with a value in the dateline");
        else score.Mismatch($"dateline \"{gold.Text}\" {expected} ← system {value}");
        return score.Build();
    }

    /// <summary>
    /// True when <paramref name="value"/>, cut to the gold value's precision, equals it or lies in the
    /// gold interval. A value less precise than the gold is wrong.
    /// </summary>
    public static bool DateAgrees(TeiDate gold, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        value = WithoutZeroSeconds(value.Trim());
        if (gold.When is { } when) return Compare(value, WithoutZeroSeconds(when)) == 0;
        string? lower = gold.From ?? gold.NotBefore;
        string? upper = gold.To ?? gold.NotAfter;
        if (lower is not null) lower = WithoutZeroSeconds(lower);
        if (upper is not null) upper = WithoutZeroSeconds(upper);
        if (lower is null && upper is null) return false;
        return (lower is null || Compare(value, lower) is >= 0 and not int.MaxValue) && (upper is null || Compare(value, upper) <= 0);
    }

    private static bool IsCalendarValue(string value) => value.Length >= 4 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2]) && char.IsAsciiDigit(value[3]);

    /// <summary>FRUS writes times as <c>T19:00:00</c>, TIMEX3 as <c>T19:00</c>: zero seconds add no precision.</summary>
    private static string WithoutZeroSeconds(string value)
    {
        int t = value.IndexOf('T');
        return t >= 0 && value.Length == t + 9 && value.EndsWith(":00", StringComparison.Ordinal) ? value[..^3] : value;
    }

    /// <summary>Orders <paramref name="value"/> cut to the length of <paramref name="bound"/>; <see cref="int.MaxValue"/> when it is too short to compare.</summary>
    private static int Compare(string value, string bound) =>
        value.Length < bound.Length ? int.MaxValue : Math.Sign(string.CompareOrdinal(value, 0, bound, 0, bound.Length));

    private static LayerScore ScorePersons(TeiVolume volume, TeiDocument document, SystemLayers body, SystemLayers notes,
        Dictionary<(string, TeiTextPart, string), string> links, string name)
    {
        var score = new LayerScoreBuilder("persons", body.Has(LayerNames.Mentions), name);
        score.Declare("n", "found", "linked", "aligned");
        bool hasList = volume.Persons.Count > 0;
        var partners = new Dictionary<TeiPersonMention, SystemItem>();
        foreach (var part in new[] { TeiTextPart.Body, TeiTextPart.Notes })
        {
            var gold = document.PersonMentions.Where(m => m.Part == part).ToList();
            var system = PersonMentions(part == TeiTextPart.Body ? body : notes).ToList();
            int[] pairs = SpanMatcher.Pair(gold, m => m.Span, system, m => m.Span);
            for (int i = 0; i < gold.Count; i++)
            {
                if (pairs[i] >= 0) partners[gold[i]] = system[pairs[i]];
            }
        }
        foreach (var mention in document.PersonMentions)
        {
            var layers = mention.Part == TeiTextPart.Body ? body : notes;
            score.Add("n");
            var found = partners.GetValueOrDefault(mention);
            string where = mention.Part == TeiTextPart.Body ? "" : " (notes)";
            if (found is null)
            {
                score.Miss($"{mention.PersonId} {TimexScorer.Describe(mention.Span, mention.Text)}{where}");
                continue;
            }
            score.Add("found");
            if (!hasList) continue;
            string? entity = found.Fields.String("entity");
            // The product's own link (the entity's authority entry, or a ref) is what linking_accuracy counts; the
            // evaluation-side alignment is kept beside it as alignment_accuracy (how well entities stand for persons).
            string? linkedTo = EntityReference(layers, entity);
            string? alignedTo = entity is not null && links.TryGetValue((document.Id, mention.Part, entity), out var person) ? person : null;
            if (alignedTo == mention.PersonId || linkedTo == mention.PersonId) score.Add("aligned");
            if (linkedTo == mention.PersonId) score.Add("linked");
            else score.Mismatch($"{mention.PersonId} {TimexScorer.Describe(mention.Span, mention.Text)}{where} ← linked to {linkedTo ?? "nothing"}");
        }
        return score.Build();
    }

    private static LayerScore ScoreParticipants(TeiDocument document, SystemLayers body, string name)
    {
        // The participants layer when the pipeline makes one; else person mentions stand for participants.
        bool layer = body.Has(LayerNames.Participants);
        var score = new LayerScoreBuilder("participants", layer || body.Has(LayerNames.Mentions), name);
        score.Declare("n", LayerMetrics.Gold, LayerMetrics.System, LayerMetrics.FoundGold, LayerMetrics.MatchedSystem);
        var candidates = (layer ? body.Get(LayerNames.Participants) : PersonMentions(body)).ToList();
        foreach (var block in document.Participants)
        {
            score.Add("n");
            var inside = candidates.Where(m => block.Span.Contains(m.Span)).ToList();
            // An item that ends in a colon (“US Side:”) heads the items under it, as an italic side heading does.
            var items = block.Items.Where(i => !IsSideLabel(body.Text.AsSpan(i.Start, i.Length))).ToArray();
            score.Add(LayerMetrics.Gold, items.Length);
            score.Add(LayerMetrics.System, inside.Count);
            // One gold item may list several people (“Mr. A, Mr. B”): every system item inside it is right,
            // but each system item finds one gold item only (the one it overlaps most).
            var found = new bool[items.Length];
            foreach (var item in inside)
            {
                int best = -1, bestOverlap = 0;
                for (int i = 0; i < items.Length; i++)
                {
                    int overlap = Math.Min(item.Span.End, items[i].End) - Math.Max(item.Span.Start, items[i].Start);
                    if (overlap > bestOverlap) (best, bestOverlap) = (i, overlap);
                }
                if (best < 0)
                {
                    score.Spurious($"participant {TimexScorer.Describe(item.Span, item.Text)}");
                    continue;
                }
                score.Add(LayerMetrics.MatchedSystem);
                found[best] = true;
            }
            for (int i = 0; i < items.Length; i++)
            {
                var item = items[i];
                if (found[i]) score.Add(LayerMetrics.FoundGold);
                else score.Miss($"participant {TimexScorer.Describe(item, body.Text.Substring(item.Start, item.Length))}");
            }
        }
        return score.Build();
    }

    private static bool IsSideLabel(ReadOnlySpan<char> item)
    {
        item = item.Trim();
        return item.Length is > 1 and <= 40 && item[^1] == ':';
    }

    private static IEnumerable<SystemItem> PersonMentions(SystemLayers layers) =>
        layers.Get(LayerNames.Mentions).Where(m => m.Fields.String("type") == "person");

    private static string? EntityReference(SystemLayers layers, string? entity)
    {
        if (entity is null) return null;
        var item = layers.Get(LayerNames.Entities).FirstOrDefault(e => e.Fields.String("id") == entity);
        return (item?.Fields.Bag("authority")?.String("id") ?? item?.Fields.String("ref"))?.TrimStart('#');
    }

    /// <summary>
    /// Links system entities to persons one to one, per document and text part: (entity, person) pairs
    /// are taken in order of how many mentions they share, and each entity and each person is used once.
    /// So splitting one person into several entities, or lumping several into one, costs linking accuracy.
    /// </summary>
    private static Dictionary<(string, TeiTextPart, string), string> LinkEntitiesToPersons(
        IReadOnlyList<(TeiDocument Document, SystemLayers Body, SystemLayers Notes)> analyzed)
    {
        var links = new Dictionary<(string, TeiTextPart, string), string>();
        foreach (var (document, body, notes) in analyzed)
        {
            foreach (var part in new[] { TeiTextPart.Body, TeiTextPart.Notes })
            {
                var votes = new Dictionary<(string Entity, string Person), int>();
                var system = PersonMentions(part == TeiTextPart.Body ? body : notes).ToList();
                foreach (var mention in document.PersonMentions.Where(m => m.Part == part))
                {
                    var under = system.FirstOrDefault(m => m.Span.Overlaps(mention.Span));
                    if (under?.Fields.String("entity") is not { } entity) continue;
                    votes[(entity, mention.PersonId)] = votes.GetValueOrDefault((entity, mention.PersonId)) + 1;
                }
                var linkedEntities = new HashSet<string>(StringComparer.Ordinal);
                var linkedPersons = new HashSet<string>(StringComparer.Ordinal);
                foreach (var ((entity, person), _) in votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key.Entity, StringComparer.Ordinal).ThenBy(v => v.Key.Person, StringComparer.Ordinal))
                {
                    if (linkedEntities.Contains(entity) || linkedPersons.Contains(person)) continue;
                    linkedEntities.Add(entity);
                    linkedPersons.Add(person);
                    links[(document.Id, part, entity)] = person;
                }
            }
        }
        return links;
    }
}
