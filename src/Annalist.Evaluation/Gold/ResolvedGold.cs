using System.Collections.Immutable;
using Annalist.Core.Errors;
using Annalist.Core.Text;

namespace Annalist.Evaluation.Gold;

public sealed record ResolvedTimex(GoldTimex Gold, TextSpan Span);

public sealed record ResolvedTurn(GoldTurn Gold, TextSpan Starts, TextSpan? Ends);

public sealed record ResolvedEvent(GoldEvent Gold, TextSpan Evidence, TextSpan Sentence);

public sealed record ResolvedQuantity(GoldQuantity Gold, TextSpan Span);

public sealed record ResolvedEditorial(GoldEditorial Gold, TextSpan Span);

public sealed record ResolvedAttribution(GoldAttribution Gold, TextSpan Span);

/// <summary>One (entity, mention) pair of the gold: its core form and the occurrences that count for mention recall.</summary>
public sealed record ResolvedMention(GoldEntity Entity, string CoreForm, ImmutableArray<TextSpan> Occurrences);

/// <summary>A gold file with every string located in its document text (see <see cref="GoldResolver"/>).</summary>
public sealed record ResolvedGold(
    GoldFile File,
    string Text,
    bool WhitespaceEqual,
    ImmutableArray<ResolvedMention> Mentions,
    ImmutableArray<ResolvedTimex> Timexes,
    ImmutableArray<ResolvedTurn> Turns,
    ImmutableArray<ResolvedEvent> Events,
    ImmutableArray<ResolvedQuantity> Quantities,
    ImmutableArray<ResolvedEditorial> Editorial,
    ImmutableArray<ResolvedAttribution> Attributions);

/// <summary>
/// Locates every string of a gold file in its document by the occurrence rule (<see cref="TextLocator"/>).
/// A string that is not there is an error of the gold file (ANL1104), never a silent miss.
/// </summary>
public static class GoldResolver
{
    /// <exception cref="AnnalistException">ANL1104 when a string is not found.</exception>
    public static ResolvedGold Resolve(GoldFile gold, string text, bool whitespaceEqual, string documentName)
    {
        TextSpan Locate(string field, string needle, int occurrence, int from = 0) =>
            TextLocator.Find(text, needle, occurrence, whitespaceEqual, from)
            ?? throw new AnnalistException(ErrorCatalogue.GoldTextNotFound, gold.Path, field, Shorten(needle), occurrence, documentName);

        var timexes = (gold.Timexes ?? []).Select((t, i) => new ResolvedTimex(t, Locate($"timexes[{i}].text", t.Text, t.Occurrence))).ToImmutableArray();
        var turns = (gold.Turns ?? []).Select((t, i) =>
        {
            var starts = Locate($"turns[{i}].starts", t.Starts, t.Occurrence);
            TextSpan? ends = t.Ends is null ? null : Locate($"turns[{i}].ends", t.Ends, 1, starts.Start);
            return new ResolvedTurn(t, starts, ends);
        }).ToImmutableArray();
        var events = (gold.Events ?? []).Select((e, i) =>
        {
            var evidence = Locate($"events[{i}].evidence", e.Evidence, e.Occurrence);
            if (e.Source is { } source) Locate($"events[{i}].source", source, 1);
            return new ResolvedEvent(e, evidence, SentenceBounds.Around(text, evidence));
        }).ToImmutableArray();
        var quantities = (gold.Quantities ?? []).Select((q, i) => new ResolvedQuantity(q, Locate($"quantities[{i}].text", q.Text, q.Occurrence))).ToImmutableArray();
        var editorial = (gold.Editorial ?? []).Select((e, i) => new ResolvedEditorial(e, Locate($"editorial[{i}].text", e.Text, e.Occurrence))).ToImmutableArray();
        var attributions = (gold.Attributions ?? []).Select((a, i) => new ResolvedAttribution(a, Locate($"attributions[{i}].text", a.Text, a.Occurrence))).ToImmutableArray();
        var mentions = ResolveMentions(gold.Entities ?? [], text, whitespaceEqual, out var absent);
        if (absent is { } missing)
            throw new AnnalistException(ErrorCatalogue.GoldTextNotFound, gold.Path, $"entities '{missing.Entity}' mention", Shorten(missing.Form), 1, documentName);
        return new ResolvedGold(gold, text, whitespaceEqual, mentions, timexes, turns, events, quantities, editorial, attributions);
    }

    /// <summary>
    /// Occurrences of each entity's core forms, leaving out those inside a longer gold mention of
    /// another entity (<c>Ruritania</c> inside <c>North Ruritania</c>). A core form the document never
    /// uses is reported through <paramref name="absent"/>: the gold file is wrong, not the system.
    /// </summary>
    private static ImmutableArray<ResolvedMention> ResolveMentions(ImmutableArray<GoldEntity> entities, string text, bool whitespaceEqual, out (string Entity, string Form)? absent)
    {
        absent = null;
        var allForms = new List<(GoldEntity Entity, TextSpan Span)>();
        var perPair = new List<(GoldEntity Entity, string Core, List<TextSpan> Spans)>();
        foreach (var entity in entities)
        {
            foreach (var alternatives in entity.Mentions)
            {
                foreach (string form in alternatives)
                {
                    var spans = TextLocator.FindAll(text, form, whitespaceEqual);
                    foreach (var span in spans) allForms.Add((entity, span));
                    if (ReferenceEquals(form, alternatives[0])) perPair.Add((entity, form, spans));
                    if (spans.Count == 0 && ReferenceEquals(form, alternatives[0])) absent ??= (entity.Id, form);
                }
            }
        }
        var result = ImmutableArray.CreateBuilder<ResolvedMention>(perPair.Count);
        foreach (var (entity, core, spans) in perPair)
        {
            var kept = spans.Where(span => !allForms.Any(other =>
                    other.Entity.Id != entity.Id && other.Span.Length > span.Length && other.Span.Contains(span)))
                .ToImmutableArray();
            result.Add(new ResolvedMention(entity, core, kept));
        }
        return result.MoveToImmutable();
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

/// <summary>
/// The sentence around a span, by a fixed rule independent of the system under test: it extends
/// to the previous and next sentence-ending mark (<c>. ! ?</c> followed by white space) or line break.
/// It never shrinks below the span itself.
/// </summary>
public static class SentenceBounds
{
    public static TextSpan Around(string text, TextSpan span)
    {
        int start = span.Start;
        while (start > 0)
        {
            char previous = text[start - 1];
            if (previous == '\n') break;
            if (char.IsWhiteSpace(previous) && start >= 2 && text[start - 2] is '.' or '!' or '?') break;
            start--;
        }
        int end = span.End;
        while (end < text.Length)
        {
            char c = text[end];
            if (c == '\n') break;
            end++;
            if (c is '.' or '!' or '?' && (end == text.Length || char.IsWhiteSpace(text[end]))) break;
        }
        return new TextSpan(start, Math.Max(end, span.End));
    }
}
