using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using NodaTime;

namespace Annalist.Core.Time;

/// <summary>
/// Finds temporal expressions (dates, times, durations, sets, references) and normalizes each to TIMEX3
/// and EDTF values anchored as <see cref="TimexOptions.Anchoring"/> says; produces the <c>timexes</c>
/// layer. Stateless and thread-safe.
/// </summary>
public sealed partial class TimexAnnotator : Annotator
{
    public static readonly ComponentId ComponentId = new("time", 10);

    private static readonly string[] ProducedLayers = [LayerNames.Timexes];

    private static readonly string[] OptionalLayers = [LayerNames.PartsOfSpeech];

    // A bare number this many years before the document's date is a serial or statute number ("Deptel 1320", "Sent Department 1604").
    private const int ImplausibleYearGap = 200;

    // … and one this many years after it ("Polto 2006" in a report of 1956).
    private const int ImplausibleFutureGap = 30;

    public TimexAnnotator(TimexOptions? options = null)
    {
        Options = options ?? TimexOptions.Default;
    }

    public TimexOptions Options { get; }

    public override ComponentId Id => ComponentId;

    public override IReadOnlyList<string> Requires => [];

    /// <summary>With <c>pos</c>, the tense of the clause's nearest finite verb decides what the word lists leave open.</summary>
    public override IReadOnlyList<string> OptionalRequires => OptionalLayers;

    public override IReadOnlyList<string> Produces => ProducedLayers;

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        state.TryGet<Syntax.PosTag>(LayerNames.PartsOfSpeech, out var partsOfSpeech);
        var timexes = Recognize(state.Text, state.Document.Metadata, diagnostics, partsOfSpeech?.Items.ToArray());
        return AnnotatorResult.Of(new Layer<Timex>(LayerNames.Timexes, ComponentId, timexes), diagnostics);
    }

    /// <summary>
    /// The expressions of <paramref name="text"/> in text order; diagnostics go to <paramref name="diagnostics"/> when given.
    /// With <paramref name="partsOfSpeech"/> (tags of <paramref name="text"/> in text order), an expression whose clause
    /// the word lists give no tense takes that of the nearest finite verb (a weekday after <c>will</c> lies ahead).
    /// </summary>
    public IReadOnlyList<Timex> Recognize(string text, DocumentMetadata? metadata = null, List<Diagnostic>? diagnostics = null,
        IReadOnlyList<Syntax.PosTag>? partsOfSpeech = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<ScanToken>(Math.Max(16, text.Length / 5));
        TimexTokenizer.Tokenize(text, tokens);
        var candidates = new List<TimexCandidate>();
        TimexGrammar.Recognize(text, tokens, candidates, Options);
        LocalDate? documentDate = null;
        if (metadata?.Date is { Length: > 0 } written)
        {
            documentDate = TryReadDocumentDate(written, Options);
            if (documentDate is null) diagnostics?.Add(Diagnostic.From(ErrorCatalogue.UnreadableDocumentDate, null, ComponentId.ToString(), written));
        }
        // A history with no date of its own (or read by TIMEX2 rules) counts from its events as it tells them.
        bool story = Options.Anchoring == TimexAnchoring.Narrative && (documentDate is null || Options.Guidelines == TimexGuidelines.Timex2);
        if (partsOfSpeech is { Count: > 0 })
        {
            var tags = partsOfSpeech as Syntax.PosTag[] ?? [.. partsOfSpeech];
            foreach (var candidate in candidates)
            {
                if (story && candidate.Need == AnchorNeed.Fill && ClauseTense.GlancesForwardInStory(text, tags, candidate.Start))
                {
                    candidate.ForwardGlance = true;
                    candidate.Tense = 1;
                    continue;
                }
                if (candidate.Tense != 0) continue;
                candidate.Tense = ReadsSchedule(candidate) ? ClauseTense.AroundScheduled(text, tags, candidate.Start, candidate.End)
                    : story ? ClauseTense.AroundInStory(text, tags, candidate.Start, candidate.End)
                    : ClauseTense.Around(text, tags, candidate.Start, candidate.End);
            }
        }
        var resolver = new TimexResolver(Options, documentDate);
        if (story && Options.Guidelines == TimexGuidelines.TimeMl && Dateline(text, candidates) is { } dateline) resolver.DateWriting(dateline.Start, dateline.Value);
        var brackets = Pairs(text, '[', ']');
        var parentheses = Pairs(text, '(', ')');
        var quotations = Quotations(text);
        int quotation = 0;
        int parenthesis = 0;
        var result = new List<Timex>(candidates.Count);
        int bracket = 0;
        int? referenceYear = documentDate?.Year;
        var paragraph = (Start: 0, End: -1);
        if (story) DateClockTimesFromDateAfter(text, candidates);
        if (story) DateMonthsFromYearAfter(text, candidates);
        if (story) KeepOpeningMonthsInTheYear(text, candidates);
        if (story) CountOffsetsFromDateAfter(text, candidates);
        var offsets = new Dictionary<TimexCandidate, int>();
        foreach (var candidate in candidates)
        {
            while (bracket < brackets.Count && brackets[bracket].End <= candidate.Start) bracket++;
            bool editorial = bracket < brackets.Count && brackets[bracket].Start < candidate.Start && brackets[bracket].End >= candidate.End;
            while (parenthesis < parentheses.Count && parentheses[parenthesis].End <= candidate.Start) parenthesis++;
            int aside = parenthesis < parentheses.Count && parentheses[parenthesis].Start < candidate.Start && parentheses[parenthesis].End >= candidate.End
                ? parentheses[parenthesis].Start : -1;
            while (quotation < quotations.Count && quotations[quotation].End <= candidate.Start) quotation++;
            if (aside < 0 && quotation < quotations.Count && quotations[quotation].Start < candidate.Start && quotations[quotation].End >= candidate.End)
                aside = quotations[quotation].Start;
            if (candidate.UncuedYear && referenceYear is { } reference && candidate.Value.Year < reference - ImplausibleYearGap) continue;
            if (candidate.UncuedYear && documentDate is { } dated && candidate.Value.Year > dated.Year + ImplausibleFutureGap) continue;
            // Before the story has given any date, an offset from an event can only be read as a length of time.
            if (candidate.EventOffset && (!story || !resolver.HasAnchor))
            {
                candidate.Need = AnchorNeed.None;
                candidate.Value = TimeValue.FromDuration(Math.Abs(candidate.Shift), candidate.ShiftUnit) with { Modifier = candidate.Value.Modifier };
            }
            if (story && IsFractionOfQuarters(text, candidate)) continue;
            if (!story && candidate.HistoryPeriod) continue;
            if (story) candidate.Paragraph = ParagraphStart(text, candidate.Start, ref paragraph);
            if (story && candidate.Need == AnchorNeed.None && DatesBackground(text, tokens, candidate)) candidate.Background = true;
            if (story && candidate.Need == AnchorNeed.None && EndsASpan(text, tokens, candidate)) candidate.Endpoint = true;
            if (story && candidate.Need == AnchorNeed.None && StartsASpan(text, candidate)) candidate.Background = true;
            if (story && candidate.Need == AnchorNeed.None && DatesASource(text, candidate)) candidate.OtherStoryLine = true;
            if (story && candidate.Need == AnchorNeed.Fill && InPluperfectClause(text, tokens, candidate)) candidate.Pluperfect = true;
            if (story && candidate.Need == AnchorNeed.Shift && result.Count > 0 && StandsInApposition(text, result[^1].Span.End, candidate.Start))
                candidate.Restates = result[^1].Span.Start;
            var timex = resolver.Resolve(candidate, editorial, out bool unresolved, aside);
            if (timex is null) continue;
            if (candidate.DatedBy is { } datedBy) timex = timex with { Anchor = datedBy, AnchorSource = TimexAnchorSource.Narrative };
            if (Options.Guidelines == TimexGuidelines.Timex2 && timex.Value is { Type: TimexType.Set, Year: null, Month: null, Day: null, Weekday: null, PartOfDay: null, Hour: null } set
                && (set.Amount ?? 1) == 1 && set.Unit is TimeUnit.Hour or TimeUnit.Day or TimeUnit.Week or TimeUnit.Month or TimeUnit.Year)
                timex = timex with { Value = set with { UnitPattern = true } };
            if (Options.Guidelines == TimexGuidelines.Timex2 && timex.Value is { Type: TimexType.Duration, Unit: TimeUnit.Decade or TimeUnit.Century } periods)
                timex = timex with { Value = periods with { UnitPattern = true } };
            if (Options.Guidelines == TimexGuidelines.TimeMl) timex = WithTimeMlType(timex);
            if (unresolved) diagnostics?.Add(Diagnostic.From(ErrorCatalogue.UnanchoredTimex, timex.Span, ComponentId.ToString(), text.Substring(timex.Span.Start, timex.Span.Length)));
            if (timex.Value.Year is not null && timex.Value.Month is not null && timex.Value.Day is not null && !timex.Value.TryGetDate(out _))
                diagnostics?.Add(Diagnostic.From(ErrorCatalogue.ImpossibleDate, timex.Span, ComponentId.ToString(), text.Substring(timex.Span.Start, timex.Span.Length)));
            if (candidate.Signal != 0) offsets[candidate] = result.Count;
            result.Add(timex);
            if (candidate.CountsOffset is not null) RecountOffset(result, offsets, candidate, timex);
            if (documentDate is null && !candidate.UncuedYear && timex.Value.Type == TimexType.Date && timex.Value.Year is { } year) referenceYear = year;
        }
        return result;
    }

    /// <summary>Only a comma or a dash, with spaces, between two expressions: the second restates the first.</summary>
    private static bool StandsInApposition(string text, int previousEnd, int start)
    {
        if (previousEnd >= start) return false;
        var between = text.AsSpan(previousEnd, start - previousEnd).Trim();
        return between.Length == 1 && between[0] is ',' or '-' or '–' or '—';
    }

    /// <summary>Reads a document date written as ISO 8601 or in words (<c>March 9, 1951</c>); null when it states no day.</summary>
    public static LocalDate? TryReadDocumentDate(string written, TimexOptions? options = null)
    {
        var tokens = new List<ScanToken>();
        TimexTokenizer.Tokenize(written, tokens);
        var candidates = new List<TimexCandidate>();
        TimexGrammar.Recognize(written, tokens, candidates, options ?? TimexOptions.Default);
        foreach (var candidate in candidates)
        {
            if (candidate.Need == AnchorNeed.None && candidate.Value.TryGetDate(out var date)) return date;
        }
        return null;
    }

    /// <summary>
    /// Quoted passages on one line, between straight or curly double quotes: what a speaker says of their
    /// own plans or fears ("we cannot hold out over the winter") does not move the story's time.
    /// </summary>
    private static List<TextSpan> Quotations(string text)
    {
        var spans = new List<TextSpan>();
        int opened = -1;
        char[] stops = ['"', '“', '”', '\n'];
        for (int i = text.IndexOfAny(stops); i >= 0 && i < text.Length; i = text.IndexOfAny(stops, i + 1))
        {
            char c = text[i];
            if (c == '\n') opened = -1;
            else if (opened < 0 && c != '”') opened = i;
            else if (opened >= 0 && c != '“')
            {
                spans.Add(new TextSpan(opened, i + 1));
                opened = -1;
            }
            else opened = i;
        }
        return spans;
    }

    /// <summary>Pairs of <paramref name="open"/> and <paramref name="close"/> on one line: an editor's square brackets, an aside's parentheses.</summary>
    private static List<TextSpan> Pairs(string text, char open, char close)
    {
        var spans = new List<TextSpan>();
        int opened = -1;
        char[] stops = [open, close, '\n'];
        for (int i = text.IndexOfAny(stops); i >= 0 && i < text.Length; i = text.IndexOfAny(stops, i + 1))
        {
            char c = text[i];
            if (c == open) opened = i;
            else if (c == close && opened >= 0)
            {
                spans.Add(new TextSpan(opened, i + 1));
                opened = -1;
            }
            else opened = -1;
        }
        return spans;
    }
}
