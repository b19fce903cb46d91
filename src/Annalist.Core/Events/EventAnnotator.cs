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
    public static readonly ComponentId ComponentId = new("events", 5);

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
        var labels = SpeakerLabels(text, tokens, turns);
        using var tree = dependencies is not null && dependencies.Count == tokens.Count ? new ClauseTree(text, tokens, dependencies, mentions, labels, timexes) : null;
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
            // A heading (Agreed Minute on Air Facilities, Wheat Shipments to Pakistan) names a subject; it states no event.
            if (IsHeading(text, tokens, first, end))
            {
                narrative.Advance(sentence);
                continue;
            }
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
                if (!TryTrigger(text, tokens, i, end, word, out string? type) || type is null) continue;
                // Capitalized inside a sentence, the word belongs to a name or a title (the Minister of Supply, Wheat Shipments to …).
                if (i > first && char.IsUpper(text[tokens[i].Span.Start]) && tokens[i - 1].Kind is not (TokenKind.Quote or TokenKind.Punctuation)) continue;
                bool negative = false;
                string? modality = null;
                for (int k = i - 1, counted = 0; k >= first && counted < ModifierWindow; k--)
                {
                    // "I can, however, offer": a parenthetical adverb between its commas does not count.
                    bool comma = tokens[k].Kind == TokenKind.Punctuation && text[tokens[k].Span.Start] == ',';
                    if (tokens[k].Kind != TokenKind.Word && !comma) break;
                    if (comma) continue;
                    var previous = Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer);
                    if (IsParenthetical(text, tokens, k, first)) continue;
                    counted++;
                    if (EventLexicon.NegatorLookup.Contains(previous)) negative = true;
                    if (modality is null && EventLexicon.ModalLookup.Contains(previous)) modality = ModalName(previous);
                }
                type = Refine(text, tokens, first, end, i, type, modality);
                if (type is not null && tree is not null) type = roles.Refine(i, type, modality, modality is "would" ? TurnModeAt(turns, tokens[i].Span.Start) : null);
                if (tree is not null && type is not null && roles.NegatedBySubject(i)) negative = true;
                // One frame per type and sentence, save a second one of the other polarity (delivered …, and … have not arrived).
                string key = negative ? type + "-" : type ?? "";
                if (type is null || seen.Contains(key) || (tree is not null && !roles.StatesEvent(i, type))) continue;
                seen.Add(key);
                var draft = NewDraft(text, tokens, first, end, i, type, negative, modality, s, sentence, quantities);
                if (tree is not null) draft.Evidence = AfterLabel(roles.Evidence(draft, first, end), labels, text);
                draft.Items = Items(text, tokens, quantities, draft.Evidence, first, end, type);
                if (tree is not null) draft.Items = roles.RefineItems(draft, draft.Items, quantities, text);
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

    /// <summary>
    /// The cues of script-form turns that are a bare label (<c>SMITH:</c>, <c>The Minister:</c>): they say who speaks, and a name in
    /// them is no participant of the clause after it. A reporting cue (<c>Smith promised:</c>) is kept, its verb may be the event.
    /// </summary>
    private static List<TextSpan>? SpeakerLabels(string text, Layer<Token> tokens, Layer<Turn>? turns)
    {
        if (turns is null) return null;
        List<TextSpan>? labels = null;
        foreach (var turn in turns)
        {
            if (turn.Mode != TurnMode.Direct || turn.Cue is not { } cue || cue.End > turn.Span.Start) continue;
            int last = -1;
            for (int t = tokens.FirstStartingAtOrAfter(cue.Start); t < tokens.Count && tokens[t].Span.End <= cue.End; t++) last = t;
            // A label ends in its colon (or dash) and holds no lower-case word other than a particle of a name or title.
            if (last < 0 || tokens[last].Kind != TokenKind.Punctuation || text[tokens[last].Span.Start] is not (':' or '-' or '\u2014' or '\u2013')) continue;
            bool bare = true;
            for (int t = tokens.FirstStartingAtOrAfter(cue.Start); t < last && bare; t++)
            {
                if (tokens[t].Kind == TokenKind.Word && char.IsLower(text[tokens[t].Span.Start]) && !IsNameParticle(text.AsSpan(tokens[t].Span.Start, tokens[t].Span.Length))) bare = false;
            }
            if (bare) (labels ??= []).Add(cue);
        }
        labels?.Sort();
        return labels;
    }

    /// <summary>The evidence without a speaker label the parser hung on its clause.</summary>
    private static TextSpan AfterLabel(TextSpan evidence, List<TextSpan>? labels, string text)
    {
        if (labels is null) return evidence;
        foreach (var label in labels)
        {
            if (label.Start < evidence.Start || label.Start >= evidence.End || label.End >= evidence.End) continue;
            int start = label.End;
            while (start < evidence.End && char.IsWhiteSpace(text[start])) start++;
            return new TextSpan(start, evidence.End);
        }
        return evidence;
    }

    private static bool IsNameParticle(ReadOnlySpan<char> word) => word is "of" or "the" or "de" or "van" or "von" or "du" or "da" or "del" or "la" or "le";

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
            {
                var giving = Normalize(text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length), buffer);
                if (giving is "offer" or "offers" && i > first && EventLexicon.PhraseDeterminerLookup.Contains(Normalize(text.AsSpan(tokens[i - 1].Span.Start, tokens[i - 1].Span.Length), buffer))) return null;
                // An offer binds whoever makes it, like a promise, unless it is only possible (can offer).
                if (giving is "offer" or "offers" or "offered" && modality is not ("can" or "could")) return "commitment";
                return modality switch
                {
                    "will" or "shall" => "commitment",
                    "can" or "could" => "grant",
                    _ => "transfer",
                };
            }
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
                if (word is not ("asked" or "ask" or "asks" or "asking")) return "request";
                // "asked whether the consulate could make available …": a question about a giving is a polite request.
                if (i + 1 < end && Normalize(text.AsSpan(tokens[i + 1].Span.Start, tokens[i + 1].Span.Length), buffer) is "whether" or "if")
                {
                    for (int k = i + 2; k < end; k++)
                    {
                        if (tokens[k].Kind == TokenKind.Word && TryTrigger(text, tokens, k, end, Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer), out string? asked)
                            && asked is "transfer") return "request";
                    }
                }
                return null;
            case "agreement":
                // "agrees to put at the disposal of …", "agreed to supply": consent to give is a commitment to give.
                if (i + 2 < end && Normalize(text.AsSpan(tokens[i + 1].Span.Start, tokens[i + 1].Span.Length), buffer) is "to"
                    && TryTrigger(text, tokens, i + 2, end, Normalize(text.AsSpan(tokens[i + 2].Span.Start, tokens[i + 2].Span.Length), buffer), out string? agreed)
                    && agreed is "transfer" or "delivery") return "commitment";
                return "agreement";
            default:
                return type;
        }
    }

    /// <summary>
    /// The frame type of the trigger at <paramref name="i"/>: a one-word trigger, a phrase opened by it (<c>handed over</c>,
    /// <c>made available</c>, <c>called on</c>), or <c>unable to</c> before a refused act (<c>we are unable to do so</c>).
    /// </summary>
    private static bool TryTrigger(string text, Layer<Token> tokens, int i, int end, ReadOnlySpan<char> word, out string? type)
    {
        if (EventLexicon.PhraseLookup.TryGetValue(word, out var phrases))
        {
            Span<char> buffer = stackalloc char[32];
            foreach (var (rest, phraseType) in phrases)
            {
                int k = i + 1;
                bool matched = true;
                foreach (string expected in rest)
                {
                    if (k < end && tokens[k].Kind == TokenKind.Word && expected == "*"
                        && EventLexicon.PhraseDeterminerLookup.Contains(Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer)))
                    {
                        k++;
                        continue;
                    }
                    if (expected == "*") continue;
                    if (k >= end || tokens[k].Kind != TokenKind.Word || !Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer).SequenceEqual(expected))
                    {
                        matched = false;
                        break;
                    }
                    k++;
                }
                if (matched)
                {
                    type = phraseType;
                    return true;
                }
            }
        }
        if (word is "unable" && i + 2 < end)
        {
            Span<char> buffer = stackalloc char[32];
            var next = Normalize(text.AsSpan(tokens[i + 1].Span.Start, tokens[i + 1].Span.Length), buffer).ToString();
            var act = Normalize(text.AsSpan(tokens[i + 2].Span.Start, tokens[i + 2].Span.Length), buffer);
            if (next == "to" && (EventLexicon.RefusedActLookup.Contains(act) || EventLexicon.TriggerLookup.TryGetValue(act, out string? acted) && acted is "transfer" or "delivery"))
            {
                type = "refusal";
                return true;
            }
        }
        return EventLexicon.TriggerLookup.TryGetValue(word, out type);
    }

    /// <summary>An adverb set off by commas on both sides (<c>, however,</c>), which says nothing of the act's modality.</summary>
    private static bool IsParenthetical(string text, Layer<Token> tokens, int k, int first) =>
        k > first && k + 1 < tokens.Count && tokens[k - 1].Kind == TokenKind.Punctuation && text[tokens[k - 1].Span.Start] == ','
        && tokens[k + 1].Kind == TokenKind.Punctuation && text[tokens[k + 1].Span.Start] == ',';

    /// <summary>A line with no closing stop whose words are mostly capitalized: a title or a heading.</summary>
    private static bool IsHeading(string text, Layer<Token> tokens, int first, int end)
    {
        int last = end - 1;
        if (tokens[last].Kind is TokenKind.Punctuation && text[tokens[last].Span.Start] is '.' or '?' or '!' or ';' or ':') return false;
        int words = 0, capitalized = 0;
        for (int k = first; k < end; k++)
        {
            if (tokens[k].Kind != TokenKind.Word) continue;
            words++;
            if (char.IsUpper(text[tokens[k].Span.Start])) capitalized++;
        }
        return words >= 2 && capitalized * 3 >= words * 2 && text.AsSpan(tokens[first].Span.Start, tokens[last].Span.End - tokens[first].Span.Start).IndexOfAny('\r', '\n') < 0;
    }

    private static TurnMode? TurnModeAt(Layer<Turn>? turns, int offset)
    {
        if (turns is null) return null;
        foreach (var turn in turns.Overlapping(new TextSpan(offset, offset + 1))) return turn.Mode;
        return null;
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
        Quantity? bare = null;
        // A quantity counts when its number lies in the evidence, even if its noun runs past it (a misparse that ends the clause early).
        for (int q = quantities.FirstStartingAtOrAfter(evidence.Start); q < quantities.Count && quantities[q].Span.Start < evidence.End; q++)
        {
            var quantity = quantities[q];
            double? value = quantity.Value ?? quantity.Max;
            if (quantity.Item is { } item) items.Add(new EventItem(item, text.Substring(item.Start, item.Length), value));
            else if (quantity.Kind == QuantityKind.Money) items.Add(new EventItem(quantity.Span, text.Substring(quantity.Span.Start, quantity.Span.Length), value));
            else if (quantity.Kind == QuantityKind.Measure && quantity.Unit is { Length: > 0 } unit && MeasuredItem(text, quantity.Span, unit, evidence) is { } measured)
                items.Add(new EventItem(measured, text.Substring(measured.Start, measured.Length), value));
            else if (quantity.Kind == QuantityKind.Number) bare ??= quantity;
        }
        if (items.Count > 0) return items;
        // "We can give them twenty", "120 have arrived": a bare number counts the things named before it in the sentence, if any.
        if (bare is { } number)
        {
            string named = text.Substring(number.Span.Start, number.Span.Length);
            foreach (var earlier in quantities.Within(new TextSpan(tokens[first].Span.Start, Math.Max(tokens[first].Span.Start, number.Span.Start))))
            {
                if (earlier.Item is { } item) named = text.Substring(item.Start, item.Length);
            }
            items.Add(new EventItem(number.Span, named, number.Value ?? number.Max));
            return items;
        }
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

    /// <summary>
    /// What a measure measures: its unit and an <c>of</c>-phrase after it inside the evidence (<c>tons of newsprint</c>,
    /// <c>tons of medical supplies</c>), else the unit alone.
    /// </summary>
    private static TextSpan? MeasuredItem(string text, TextSpan quantity, string unit, TextSpan evidence)
    {
        int start = quantity.End - unit.Length;
        if (start < quantity.Start || !text.AsSpan(start, unit.Length).Equals(unit, StringComparison.OrdinalIgnoreCase)) return null;
        int end = quantity.End;
        var rest = text.AsSpan(end, Math.Max(0, evidence.End - end));
        if (rest.StartsWith(" of ", StringComparison.Ordinal))
        {
            int at = end + 4, words = 0, last = end;
            while (at < evidence.End && words < 3)
            {
                int wordEnd = at;
                while (wordEnd < evidence.End && (char.IsLetter(text[wordEnd]) || text[wordEnd] == '-')) wordEnd++;
                if (wordEnd == at || !char.IsLower(text[at]) || IsPhraseBreak(text.AsSpan(at, wordEnd - at))) break;
                last = wordEnd;
                words++;
                if (wordEnd >= evidence.End || text[wordEnd] != ' ') break;
                at = wordEnd + 1;
            }
            end = last;
        }
        return new TextSpan(start, end);
    }

    private static bool IsPhraseBreak(ReadOnlySpan<char> word) => word is "to" or "for" or "from" or "in" or "at" or "on" or "by" or "and" or "or" or "before"
        or "after" or "the" or "a" or "an" or "with" or "under" or "until" or "of" or "this" or "that" or "which" or "as";

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
