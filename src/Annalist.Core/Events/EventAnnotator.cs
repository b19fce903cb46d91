using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Quantities;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Time;
using Annalist.Core.Tokens;

namespace Annalist.Core.Events;

/// <summary>
/// Finds typed event frames from general trigger lexicons of verbs and nouns, one frame per type and
/// sentence; produces the <c>events</c> layer. Polarity and modality come from the words just before the
/// trigger; a modal turns a giving verb into a commitment (<c>will be provided</c>) or a grant
/// (<c>can give</c>), and a conditional ending in <c>would be good</c> makes a request. Items come from
/// the sentence's counted quantities or its goods nouns; time from its dates. Roles are left empty:
/// they need the entities, dependencies and turns layers, which this version does not read.
/// Stateless and thread-safe.
/// </summary>
public sealed class EventAnnotator : Annotator
{
    public static readonly ComponentId ComponentId = new("events", 1);

    private const int ModifierWindow = 3;

    private static readonly string[] RequiredLayers = [LayerNames.Tokens, LayerNames.Sentences, LayerNames.Quantities, LayerNames.Timexes];
    private static readonly string[] ProducedLayers = [LayerNames.Events];

    public override ComponentId Id => ComponentId;

    public override IReadOnlyList<string> Requires => RequiredLayers;

    public override IReadOnlyList<string> Produces => ProducedLayers;

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var events = Recognize(state.Text, state.Get<Token>(LayerNames.Tokens), state.Get<Sentence>(LayerNames.Sentences),
            state.Get<Quantity>(LayerNames.Quantities), state.Get<Timex>(LayerNames.Timexes));
        return AnnotatorResult.Of(new Layer<EventFrame>(LayerNames.Events, ComponentId, events));
    }

    /// <summary>The event frames of <paramref name="text"/>, sentence by sentence.</summary>
    public IReadOnlyList<EventFrame> Recognize(string text, Layer<Token> tokens, Layer<Sentence> sentences, Layer<Quantity> quantities, Layer<Timex> timexes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<EventFrame>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[32];
        foreach (var sentence in sentences)
        {
            int first = tokens.FirstStartingAtOrAfter(sentence.Span.Start);
            int end = first;
            while (end < tokens.Count && tokens[end].Span.End <= sentence.Span.End) end++;
            if (end == first) continue;
            seen.Clear();
            var evidence = Evidence(text, tokens, first, end);
            bool conditionalRequest = TryConditionalRequest(text, tokens, first, end, buffer, out int requestCue);
            if (conditionalRequest)
            {
                seen.Add("request");
                result.Add(Frame(text, tokens, first, end, requestCue, "request", false, "would", evidence, quantities, timexes, sentence.Span));
            }
            for (int i = first; i < end; i++)
            {
                if (tokens[i].Kind != TokenKind.Word) continue;
                var word = Normalize(text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length), buffer);
                if (!EventLexicon.TriggerLookup.TryGetValue(word, out string? type)) continue;
                bool negative = false;
                string? modality = null;
                for (int k = i - 1; k >= first && k >= i - ModifierWindow; k--)
                {
                    if (tokens[k].Kind != TokenKind.Word) break;
                    var before = Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer);
                    if (EventLexicon.NegatorLookup.Contains(before)) negative = true;
                    if (modality is null && EventLexicon.ModalLookup.Contains(before)) modality = ModalName(before);
                }
                type = Refine(text, tokens, first, end, i, type, modality);
                if (type is null || (conditionalRequest && type == "transfer") || !seen.Add(type)) continue;
                result.Add(Frame(text, tokens, first, end, i, type, negative, modality, evidence, quantities, timexes, sentence.Span));
            }
        }
        return result;
    }

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
                    if (EventLexicon.GoodsLookup.Contains(Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer))) return "delivery";
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

    private static EventFrame Frame(string text, Layer<Token> tokens, int first, int end, int trigger, string type, bool negative, string? modality,
        TextSpan evidence, Layer<Quantity> quantities, Layer<Timex> timexes, TextSpan sentence)
    {
        var items = new List<EventItem>();
        bool carriesItems = type is "transfer" or "request" or "grant" or "commitment" or "delivery" or "refusal";
        if (carriesItems)
        {
            foreach (var quantity in quantities.Within(sentence))
            {
                if (quantity.Item is { } item) items.Add(new EventItem(item, text.Substring(item.Start, item.Length), quantity.Value ?? quantity.Max));
            }
            if (items.Count == 0)
            {
                Span<char> buffer = stackalloc char[32];
                for (int k = first; k < end; k++)
                {
                    if (tokens[k].Kind != TokenKind.Word || tokens[k].Span.Length > buffer.Length) continue;
                    var word = Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer);
                    if (EventLexicon.GoodsLookup.Contains(word) || EventLexicon.PersonnelLookup.Contains(word))
                    {
                        items.Add(new EventItem(tokens[k].Span, text.Substring(tokens[k].Span.Start, tokens[k].Span.Length), null));
                        break;
                    }
                }
            }
        }
        string? start = null, finish = null;
        foreach (var timex in timexes.Within(sentence))
        {
            if (timex.Value.Type is not (TimexType.Date or TimexType.Time)) continue;
            if (start is null) start = timex.Value.ToTimex3();
            else if (finish is null && type is "travel" or "meal" or "meeting") finish = timex.Value.ToTimex3();
        }
        return new EventFrame(evidence, tokens[trigger].Span, type, negative, modality, items, start, finish);
    }

    private static TextSpan Evidence(string text, Layer<Token> tokens, int first, int end)
    {
        int last = end - 1;
        while (last > first && tokens[last].Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Ellipsis) last--;
        return new TextSpan(tokens[first].Span.Start, tokens[last].Span.End);
    }

    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int length = Math.Min(word.Length, buffer.Length);
        for (int c = 0; c < length; c++) buffer[c] = word[c] is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(word[c]);
        return buffer[..length];
    }
}
