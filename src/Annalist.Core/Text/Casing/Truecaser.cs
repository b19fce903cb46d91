using System.Runtime.CompilerServices;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Segmentation;
using Annalist.Core.Tokens;

namespace Annalist.Core.Text.Casing;

/// <summary>
/// A likely casing of the passages of a text written in capitals, for the taggers: a string of the text's length
/// where only the letters of those passages change (char by char, so offsets hold), the rest being the text itself.
/// </summary>
public sealed class TruecasedView
{
    internal TruecasedView(string text, IReadOnlyList<TextSpan> passages, string original, bool mostlyCapitals)
    {
        Text = text;
        Passages = passages;
        TextForRules = mostlyCapitals ? text : original;
    }

    /// <summary>The text the taggers read: the document's own string when no passage is in capitals.</summary>
    public string Text { get; }

    /// <summary>
    /// What rules that test capitals read (the turns layer's): the view when most of the document's words are in
    /// capitals (a telegram), else the text as written, whose headings and speaker labels in capitals those rules read as such.
    /// </summary>
    public string TextForRules { get; }

    /// <summary>The sentences read in a truecased view, in order.</summary>
    public IReadOnlyList<TextSpan> Passages { get; }

    /// <summary>One <see cref="ErrorCatalogue.TruecasedPassage"/> diagnostic per passage.</summary>
    public IEnumerable<Diagnostic> Diagnostics(string component) =>
        Passages.Select(p => Diagnostic.From(ErrorCatalogue.TruecasedPassage, p, component));
}

/// <summary>
/// Finds the sentences written in capitals — whose letters are nearly all upper case and which have at least
/// <see cref="MinimumWords"/> words and end with a full stop (not a heading), or any such sentence when most of the document's words are in capitals (a telegram's
/// date and signature lines) — and gives each word its likeliest casing from a <see cref="TruecaseModel"/>:
/// a word the model does not know, being unseen in a large text, reads as a name (an initial capital); the first word
/// of a sentence and a word after a colon take a capital. Mixed-case text is never changed.
/// </summary>
public static class Truecaser
{
    /// <summary>Words (tokens with a letter) a sentence needs to count as a passage in capitals by itself.</summary>
    public const int MinimumWords = 4;

    /// <summary>Share of a sentence's letters that may be lower case while it still counts as written in capitals.</summary>
    public const double LowerCaseTolerance = 0.03;

    private static readonly ConditionalWeakTable<string, TruecasedView> Views = new();

    /// <summary>The view of the state's text (computed once per document text with the shipped model).</summary>
    public static TruecasedView ViewOf(AnalysisState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Views.GetValue(state.Text, _ => View(state.Text, state.Get<Token>(LayerNames.Tokens).Items.AsSpan(),
            state.Get<Sentence>(LayerNames.Sentences).Items.Select(s => s.Span).ToArray(), TruecaseModel.Shipped));
    }

    /// <summary>The view of <paramref name="text"/> given its tokens and sorted sentence spans.</summary>
    public static TruecasedView View(string text, ReadOnlySpan<Token> tokens, TextSpan[] sentences, TruecaseModel model)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var spans = new TextSpan[tokens.Length];
        for (int i = 0; i < spans.Length; i++) spans[i] = tokens[i].Span;
        var ranges = new List<(int First, int End)>(sentences.Length);
        int t = 0;
        foreach (var sentence in sentences)
        {
            while (t < spans.Length && spans[t].Start < sentence.Start) t++;
            int first = t;
            while (t < spans.Length && spans[t].End <= sentence.End) t++;
            if (t > first) ranges.Add((first, t));
        }
        return View(text, spans, ranges, model);
    }

    /// <summary>The view of a tagger's input: <paramref name="tokens"/> of <paramref name="text"/>, a sentence opening at each flagged token.</summary>
    public static TruecasedView View(string text, TextSpan[] tokens, bool[] sentenceStarts, TruecaseModel model)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentenceStarts);
        var ranges = new List<(int First, int End)>();
        for (int i = 0; i < tokens.Length; i++)
        {
            if (i == 0 || sentenceStarts[i]) ranges.Add((i, i + 1));
            else ranges[^1] = (ranges[^1].First, i + 1);
        }
        return View(text, tokens, ranges, model);
    }

    private static TruecasedView View(string text, TextSpan[] tokens, List<(int First, int End)> sentences, TruecaseModel model)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(model);
        var candidates = new List<(int First, int End, bool Long)>();
        int capitalWords = 0, allWords = 0;
        foreach (var (first, end) in sentences)
        {
            int upper = 0, lower = 0, words = 0;
            for (int t = first; t < end; t++)
            {
                bool hasLetter = false;
                foreach (char c in tokens[t].Slice(text))
                {
                    if (char.IsUpper(c)) { upper++; hasLetter = true; }
                    else if (char.IsLower(c)) { lower++; hasLetter = true; }
                }
                if (hasLetter) words++;
            }
            allWords += words;
            if (words == 0 || upper < 2 || lower > LowerCaseTolerance * (upper + lower)) continue;
            capitalWords += words;
            // A line in capitals without a full stop is a heading, which the rules read as one (in a mixed-case record).
            candidates.Add((first, end, words >= MinimumWords && EndsSentence(tokens[end - 1].Slice(text))));
        }
        bool mostlyCapitals = capitalWords * 2 > allWords;
        var passages = new List<TextSpan>();
        char[]? buffer = null;
        foreach (var (first, end, isLong) in candidates)
        {
            if (!isLong && !mostlyCapitals) continue;
            buffer ??= text.ToCharArray();
            passages.Add(new TextSpan(tokens[first].Start, tokens[end - 1].End));
            bool capitalNext = true;
            for (int i = first; i < end; i++)
            {
                var span = tokens[i];
                var word = span.Slice(text);
                if (word.Length == 1 && word[0] == ':') { capitalNext = true; continue; }
                if (!TruecaseModel.HasLetter(word)) continue;
                Recase(word, buffer.AsSpan(span.Start, span.Length), model, capitalNext);
                capitalNext = false;
            }
        }
        return buffer is null ? new TruecasedView(text, [], text, false) : new TruecasedView(new string(buffer), passages, text, mostlyCapitals);
    }

    private static bool EndsSentence(ReadOnlySpan<char> last) =>
        last.Length > 0 && last[^1] is '.' or '!' or '?' or '"' or '\u201D' or ')';

    /// <summary>Writes the likeliest casing of <paramref name="word"/> into <paramref name="output"/> (same length).</summary>
    internal static void Recase(ReadOnlySpan<char> word, Span<char> output, TruecaseModel model, bool capitalFirst)
    {
        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        for (int i = 0; i < word.Length; i++) lower[i] = char.ToLowerInvariant(word[i]);
        if (model.TryGetForm(lower, out string form)) form.AsSpan().CopyTo(output);
        else
        {
            lower.CopyTo(output);
            // A hyphenated or dotted word the model does not know whole: each part on its own (Anglo-American).
            int start = 0;
            for (int i = 0; i <= word.Length; i++)
            {
                if (i < word.Length && char.IsLetter(word[i])) continue;
                if (i > start)
                {
                    if (model.TryGetForm(lower[start..i], out string part)) part.AsSpan().CopyTo(output[start..i]);
                    else if (i - start > 1) output[start] = char.ToUpperInvariant(output[start]);
                }
                start = i + 1;
            }
        }
        if (capitalFirst)
        {
            for (int i = 0; i < output.Length; i++)
            {
                if (!char.IsLetter(output[i])) continue;
                output[i] = char.ToUpperInvariant(output[i]);
                break;
            }
        }
    }
}
