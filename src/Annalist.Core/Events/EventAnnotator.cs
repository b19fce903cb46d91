using System.Runtime.CompilerServices;
using Annalist.Core.Annotations;
using Annalist.Core.Attributions;
using Annalist.Core.Discourse;
using Annalist.Core.Entities;
using Annalist.Core.Pipeline;
using Annalist.Core.Quantities;
using Annalist.Core.Segmentation;
using Annalist.Core.Syntax;
using Annalist.Core.Text;
using Annalist.Core.Time;
using Annalist.Core.Tokens;

namespace Annalist.Core.Events;

/// <summary>
/// Finds typed event frames from general trigger lexicons of verbs and nouns, one frame per type and
/// sentence; produces the <c>events</c> layer. Polarity and modality come from the words just before the
/// trigger; a modal turns a giving verb into a commitment (<c>will be provided</c>) or a grant
/// (<c>can give</c>), and a conditional ending in <c>would be good</c> makes a request. Roles come from the
/// <c>dependencies</c> layer (subjects, objects and the prepositions of obliques) filled with the entities
/// of the <c>mentions</c> layer; inside a turn, <c>I</c> and <c>we</c> are its speakers and <c>you</c> the
/// other party, so a request or promise belongs to whoever says it. Items come from the clause's counted
/// quantities or its goods nouns; time from the sentence's dates, else the narrative's last date. Links
/// between events (a grant answering a request, a delivery failing an order) are added by
/// <see cref="EventLinker"/>. Without the optional layers, frames keep their types and items and roles stay
/// empty. Stateless and thread-safe.
/// </summary>
public sealed class EventAnnotator : Annotator
{
    public static readonly ComponentId ComponentId = new("events", 2);

    private const int ModifierWindow = 3;
    private const int AttendanceWindow = 2;

    private static readonly string[] RequiredLayers = [LayerNames.Tokens, LayerNames.Sentences, LayerNames.Quantities, LayerNames.Timexes];
    private static readonly string[] OptionalLayers = [LayerNames.Dependencies, LayerNames.Mentions, LayerNames.Turns, LayerNames.Paragraphs, LayerNames.Attributions];
    private static readonly string[] ProducedLayers = [LayerNames.Events];

    public override ComponentId Id => ComponentId;

    public override IReadOnlyList<string> Requires => RequiredLayers;

    public override IReadOnlyList<string> OptionalRequires => OptionalLayers;

    public override IReadOnlyList<string> Produces => ProducedLayers;

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        state.TryGet<Dependency>(LayerNames.Dependencies, out var dependencies);
        state.TryGet<Mention>(LayerNames.Mentions, out var mentions);
        state.TryGet<Turn>(LayerNames.Turns, out var turns);
        state.TryGet<Paragraph>(LayerNames.Paragraphs, out var paragraphs);
        state.TryGet<Attribution>(LayerNames.Attributions, out var attributions);
        var events = Recognize(state.Text, state.Get<Token>(LayerNames.Tokens), state.Get<Sentence>(LayerNames.Sentences),
            state.Get<Quantity>(LayerNames.Quantities), state.Get<Timex>(LayerNames.Timexes), dependencies, mentions, turns, paragraphs, attributions);
        return AnnotatorResult.Of(new Layer<EventFrame>(LayerNames.Events, ComponentId, events));
    }

    /// <summary>
    /// The event frames of <paramref name="text"/> in text order, with ids and links. The layers after
    /// <paramref name="timexes"/> are optional: without <paramref name="dependencies"/> and <paramref name="mentions"/>
    /// roles stay empty and the evidence is the whole sentence.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<EventFrame> Recognize(string text, Layer<Token> tokens, Layer<Sentence> sentences, Layer<Quantity> quantities, Layer<Timex> timexes,
        Layer<Dependency>? dependencies = null, Layer<Mention>? mentions = null, Layer<Turn>? turns = null, Layer<Paragraph>? paragraphs = null,
        Layer<Attribution>? attributions = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentNullException.ThrowIfNull(timexes);
        using var tree = dependencies is not null && dependencies.Count == tokens.Count ? new ClauseTree(text, tokens, dependencies, mentions) : null;
        var roles = new RoleFinder(tree, turns);
        var drafts = new List<EventDraft>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[32];
        var narrative = new NarrativeTime(timexes, turns);
        for (int s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s].Span;
            int first = tokens.FirstStartingAtOrAfter(sentence.Start);
            int end = first;
            while (end < tokens.Count && tokens[end].Span.End <= sentence.End) end++;
            if (end == first) continue;
            seen.Clear();
            int before = drafts.Count;
            if (TryConditionalRequest(text, tokens, first, end, buffer, out int requestCue))
            {
                seen.Add("request");
                seen.Add("transfer");
                var draft = NewDraft(text, tokens, first, end, requestCue, "request", false, "would", s, sentence, quantities);
                draft.Evidence = SentenceEvidence(tokens, first, end);
                draft.Items = Items(text, tokens, quantities, draft.Evidence, first, end);
                roles.FillConditionalRequest(draft);
                drafts.Add(draft);
            }
            for (int i = first; i < end; i++)
            {
                if (tokens[i].Kind != TokenKind.Word) continue;
                var word = Normalize(text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length), buffer);
                if (!EventLexicon.TriggerLookup.TryGetValue(word, out string? type)) continue;
                // Capitalized inside a sentence, the word belongs to a name or a title (the Minister of Supply, Wheat Shipments to …).
                if (i > first && char.IsUpper(text[tokens[i].Span.Start]) && tokens[i - 1].Kind is not (TokenKind.Quote or TokenKind.Punctuation)) continue;
                bool negative = false;
                string? modality = null;
                for (int k = i - 1; k >= first && k >= i - ModifierWindow; k--)
                {
                    if (tokens[k].Kind != TokenKind.Word) break;
                    var previous = Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer);
                    if (EventLexicon.NegatorLookup.Contains(previous)) negative = true;
                    if (modality is null && EventLexicon.ModalLookup.Contains(previous)) modality = ModalName(previous);
                }
                type = Refine(text, tokens, first, end, i, type, modality);
                if (type is null || seen.Contains(type) || (tree is not null && !roles.StatesEvent(i, type))) continue;
                seen.Add(type);
                var draft = NewDraft(text, tokens, first, end, i, type, negative, modality, s, sentence, quantities);
                if (tree is not null) draft.Evidence = roles.Evidence(draft, first, end);
                draft.Items = Items(text, tokens, quantities, draft.Evidence, first, end, type);
                roles.Fill(draft);
                drafts.Add(draft);
            }
            for (int d = before; d < drafts.Count; d++) narrative.Assign(drafts[d], sentence, timexes);
            narrative.Advance(sentence);
            if (tree is not null)
            {
                roles.AddAttendees(drafts, before, s, first, end, AttendanceWindow);
                Continuation(text, tokens, timexes, drafts, before, first, end, sentence);
            }
        }
        if (paragraphs is not null && attributions is not null) AssignSources(drafts, paragraphs, attributions);
        return EventLinker.Link(drafts);
    }

    private static EventDraft NewDraft(string text, Layer<Token> tokens, int first, int end, int trigger, string type, bool negative, string? modality,
        int sentenceIndex, TextSpan sentence, Layer<Quantity> quantities) => new()
        {
            Sentence = sentenceIndex,
            SentenceSpan = sentence,
            TriggerToken = trigger,
            Trigger = tokens[trigger].Span,
            Type = type,
            Negative = negative,
            Modality = modality,
            Evidence = SentenceEvidence(tokens, first, end),
        };

    private static string ModalName(ReadOnlySpan<char> modal) => modal switch
    {
        "cannot" or "can't" => "can",
        "won't" => "will",
        "wouldn't" => "would",
        _ => modal.ToString(),
    };

    private static string? Refine(string text, Layer<Token> tokens, int first, int end, int i, string type, string? modality)
    {
        Span<char> buffer = stackalloc char[32];
        // A participle after a determiner (the promised ammunition) describes a noun; it states no event.
        if (i > first && tokens[i - 1].Kind == TokenKind.Word && text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length).EndsWith("ed", StringComparison.OrdinalIgnoreCase)
            && Normalize(text.AsSpan(tokens[i - 1].Span.Start, tokens[i - 1].Span.Length), buffer) is "the" or "a" or "an" or "this" or "that" or "these" or "those" or "his" or "her" or "their" or "our" or "its" or "my" or "your")
            return null;
        if (i > first && tokens[i - 1].Kind == TokenKind.Word)
        {
            var before = Normalize(text.AsSpan(tokens[i - 1].Span.Start, tokens[i - 1].Span.Length), buffer);
            // Waiting for approval or going without a meeting is no approval or meeting.
            if (before is "for" or "without" && !text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length).EndsWith("ed", StringComparison.OrdinalIgnoreCase)) return null;
            // A proposal, plan or wish to meet is not yet a meeting.
            if (before is "to" && i - 2 >= first && tokens[i - 2].Kind == TokenKind.Word
                && EventLexicon.IntentionLookup.Contains(Normalize(text.AsSpan(tokens[i - 2].Span.Start, tokens[i - 2].Span.Length), buffer))) return null;
        }
        switch (type)
        {
            case "transfer":
                return modality switch
                {
                    "will" or "shall" => "commitment",
                    "can" or "could" => "grant",
                    _ => "transfer",
                };
            case "travel":
                // Goods that arrive are a delivery, not a journey.
                for (int k = i - 1; k >= first && k >= i - 4; k--)
                {
                    if (tokens[k].Kind != TokenKind.Word) break;
                    var before = Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer);
                    if (EventLexicon.GoodsLookup.Contains(before) || EventLexicon.ThingLookup.Contains(before)) return "delivery";
                }
                return "travel";
            case "request":
                // "asked about" or "asked whether" is a question, not a request.
                for (int k = i + 1; k < end && k <= i + 3; k++)
                {
                    var after = Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer);
                    if (after is "for" or "to" || after.Equals("that", StringComparison.Ordinal)) return "request";
                }
                var word = Normalize(text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length), buffer);
                return word is "asked" ? null : "request";
            default:
                return type;
        }
    }

    private static bool TryConditionalRequest(string text, Layer<Token> tokens, int first, int end, Span<char> buffer, out int cue)
    {
        cue = -1;
        bool conditional = false;
        for (int i = first; i < end; i++)
        {
            var word = Normalize(text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length), buffer);
            if (word is "if") conditional = true;
            else if (conditional && word is "would" && i + 2 < end
                && Normalize(text.AsSpan(tokens[i + 1].Span.Start, tokens[i + 1].Span.Length), buffer) is "be"
                && EventLexicon.DesirableLookup.Contains(Normalize(text.AsSpan(tokens[i + 2].Span.Start, tokens[i + 2].Span.Length), buffer)))
            {
                cue = i;
                return true;
            }
        }
        return false;
    }

    private static List<EventItem> Items(string text, Layer<Token> tokens, Layer<Quantity> quantities, TextSpan evidence, int first, int end, string type = "request")
    {
        var items = new List<EventItem>();
        if (type is not ("transfer" or "request" or "grant" or "commitment" or "delivery" or "refusal")) return items;
        foreach (var quantity in quantities.Within(evidence))
        {
            if (quantity.Item is { } item) items.Add(new EventItem(item, text.Substring(item.Start, item.Length), quantity.Value ?? quantity.Max));
        }
        if (items.Count > 0) return items;
        Span<char> buffer = stackalloc char[32];
        for (int k = first; k < end; k++)
        {
            if (tokens[k].Kind != TokenKind.Word || tokens[k].Span.Length > buffer.Length || !evidence.Contains(tokens[k].Span.Start)) continue;
            var word = Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer);
            if (EventLexicon.GoodsLookup.Contains(word) || EventLexicon.PersonnelLookup.Contains(word))
            {
                items.Add(new EventItem(tokens[k].Span, text.Substring(tokens[k].Span.Start, tokens[k].Span.Length), null));
                break;
            }
        }
        return items;
    }

    /// <summary>A sentence that carries the last meeting or meal on (<c>it continued from … until 3 o'clock</c>) gives its end.</summary>
    private static void Continuation(string text, Layer<Token> tokens, Layer<Timex> timexes, List<EventDraft> drafts, int before, int first, int end, TextSpan sentence)
    {
        if (drafts.Count == 0) return;
        Span<char> buffer = stackalloc char[32];
        bool continues = false;
        for (int k = first; k < end && !continues; k++)
        {
            if (tokens[k].Kind == TokenKind.Word && tokens[k].Span.Length <= buffer.Length
                && EventLexicon.ContinuationVerbLookup.Contains(Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer))) continues = true;
        }
        if (!continues) return;
        Timex? until = null;
        foreach (var timex in timexes.Within(sentence))
        {
            int at = tokens.FirstStartingAtOrAfter(timex.Span.Start);
            if (at > first && at - 1 < tokens.Count && tokens[at - 1].Kind == TokenKind.Word
                && Normalize(text.AsSpan(tokens[at - 1].Span.Start, tokens[at - 1].Span.Length), buffer) is "until" or "till" or "to" or "untill")
                until = timex;
        }
        if (until is null || until.Value.Year is null) return;
        for (int d = before - 1; d >= 0; d--)
        {
            var draft = drafts[d];
            if (draft.Type is "travel") return;
            if (draft.Type is not ("meeting" or "meal")) continue;
            if (draft.TimeEnd is null && draft.TimeStart is not null) draft.TimeEnd = until.Value.ToTimex3();
            return;
        }
    }

    private static void AssignSources(List<EventDraft> drafts, Layer<Paragraph> paragraphs, Layer<Attribution> attributions)
    {
        foreach (var draft in drafts)
        {
            foreach (var paragraph in paragraphs.Overlapping(draft.Evidence))
            {
                TextSpan? hearsay = null;
                foreach (var attribution in attributions.Within(paragraph.Span))
                {
                    if (attribution.Evidentiality == Evidentiality.WrittenSource)
                    {
                        draft.Source = attribution.Span;
                        break;
                    }
                    hearsay ??= attribution.Evidentiality == Evidentiality.Hearsay && attribution.Span.Overlaps(draft.SentenceSpan) ? attribution.Span : null;
                }
                draft.Source ??= hearsay;
                break;
            }
        }
    }

    private static TextSpan SentenceEvidence(Layer<Token> tokens, int first, int end)
    {
        int last = end - 1;
        while (last > first && tokens[last].Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Ellipsis) last--;
        return new TextSpan(tokens[first].Span.Start, tokens[last].Span.End);
    }

    internal static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int length = Math.Min(word.Length, buffer.Length);
        for (int c = 0; c < length; c++) buffer[c] = word[c] is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(word[c]);
        return buffer[..length];
    }
}
