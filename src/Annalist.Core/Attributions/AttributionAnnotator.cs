using System.Runtime.CompilerServices;
using System.Collections.Frozen;
using Annalist.Core.Annotations;
using Annalist.Core.Entities;
using Annalist.Core.Pipeline;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Attributions;

/// <summary>
/// Finds where the text says how a statement is known — hearsay (<c>it is said that</c>, <c>is said to</c>,
/// <c>reportedly</c>), a written source (<c>noted in his diary</c>, <c>according to the report</c>) or the
/// speaker's doubt (<c>I don't know if this is true</c>, <c>allegedly</c>) — from general cue phrases;
/// produces the <c>attributions</c> layer. Each item spans the clause its cue qualifies.
/// <see cref="Attribution.SourceHolder"/> of a written source is the person the <c>mentions</c> layer names in its clause, when that layer exists.
/// Stateless and thread-safe.
/// </summary>
public sealed class AttributionAnnotator : Annotator
{
    public static readonly ComponentId ComponentId = new("attributions", 2);

    private static readonly string[] RequiredLayers = [LayerNames.Tokens, LayerNames.Sentences];
    private static readonly string[] ProducedLayers = [LayerNames.Attributions];
    private static readonly string[] OptionalLayers = [LayerNames.Mentions];

    private static readonly CuePattern[] Patterns = [.. AttributionLexicon.Cues.Select(c => CuePattern.Parse(c.Pattern, c.Evidentiality))];

    /// <summary>For each word a cue may begin with, the cues that begin with it.</summary>
    private static readonly FrozenDictionary<string, int[]> ByFirstWord = Patterns
        .SelectMany((pattern, index) => pattern.FirstWords().Select(word => (word, index)))
        .GroupBy(p => p.word, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.index).Distinct().ToArray(), StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> FirstWordLookup = ByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();

    public override ComponentId Id => ComponentId;

    public override IReadOnlyList<string> Requires => RequiredLayers;

    public override IReadOnlyList<string> Produces => ProducedLayers;

    public override IReadOnlyList<string> OptionalRequires => OptionalLayers;

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var tokens = state.Get<Token>(LayerNames.Tokens);
        var sentences = state.Get<Sentence>(LayerNames.Sentences);
        var found = Recognize(state.Text, tokens, sentences.Items.Select(s => s.Span).ToList());
        if (state.TryGet<Mention>(LayerNames.Mentions, out var mentions)) found = WithHolders(found, mentions);
        return AnnotatorResult.Of(new Layer<Attribution>(LayerNames.Attributions, ComponentId, found));
    }

    /// <summary>
    /// The holder of a written source is the person named in its clause before the cue (<c>the consul noted
    /// in his diary</c>), else the first person after it (<c>In his diary the consul wrote</c>).
    /// </summary>
    private static IReadOnlyList<Attribution> WithHolders(IReadOnlyList<Attribution> attributions, Layer<Mention> mentions)
    {
        var result = new List<Attribution>(attributions.Count);
        foreach (var attribution in attributions)
        {
            if (attribution.Evidentiality != Evidentiality.WrittenSource || attribution.SourceHolder is not null)
            {
                result.Add(attribution);
                continue;
            }
            string? before = null, after = null;
            foreach (var mention in mentions.Within(attribution.Span))
            {
                if (mention.Type != EntityType.Person) continue;
                if (mention.Span.End <= attribution.Cue.Start) before = mention.EntityId;
                else after ??= mention.EntityId;
            }
            result.Add(attribution with { SourceHolder = before ?? after });
        }
        return result;
    }

    /// <summary>The attributions of <paramref name="text"/>, read from its tokens; clauses never cross a sentence of <paramref name="sentences"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<Attribution> Recognize(string text, IReadOnlyList<Token> tokens, IReadOnlyList<TextSpan> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new List<Attribution>();
        int sentence = 0;
        int i = 0;
        Span<char> buffer = stackalloc char[32];
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Kind is not (TokenKind.Word or TokenKind.Abbreviation) || token.Span.Length > buffer.Length
                || !FirstWordLookup.TryGetValue(Normalize(text.AsSpan(token.Span.Start, token.Span.Length), buffer), out int[]? candidates))
            {
                i++;
                continue;
            }
            int matchedEnd = -1;
            Evidentiality evidentiality = default;
            foreach (int candidate in candidates)
            {
                int end = Patterns[candidate].Match(text, tokens, i);
                if (end > matchedEnd)
                {
                    matchedEnd = end;
                    evidentiality = Patterns[candidate].Evidentiality;
                }
            }
            if (matchedEnd < 0)
            {
                i++;
                continue;
            }
            while (sentence < sentences.Count && sentences[sentence].End <= token.Span.Start) sentence++;
            var bounds = sentence < sentences.Count && sentences[sentence].Contains(token.Span.Start) ? sentences[sentence] : new TextSpan(0, text.Length);
            var cue = new TextSpan(token.Span.Start, tokens[matchedEnd - 1].Span.End);
            int clauseEnd = ClauseEnd(text, tokens, matchedEnd - 1, bounds);
            // A cue set off by a comma (According to the telegram, …) qualifies the clause after it.
            if (clauseEnd == matchedEnd - 1 && clauseEnd + 2 < tokens.Count && tokens[clauseEnd + 1].Kind == TokenKind.Punctuation
                && text[tokens[clauseEnd + 1].Span.Start] == ',' && tokens[clauseEnd + 2].Span.End <= bounds.End)
                clauseEnd = ClauseEnd(text, tokens, clauseEnd + 2, bounds);
            var clause = new TextSpan(tokens[ClauseStart(text, tokens, i, bounds)].Span.Start, tokens[clauseEnd].Span.End);
            if (evidentiality == Evidentiality.Uncertain && result.Count > 0 && result[^1].Doubt is null && TakesUpPrevious(text, tokens, matchedEnd, result[^1], bounds, sentences, sentence))
                result[^1] = result[^1] with { Doubt = clause };
            else result.Add(new Attribution(clause, cue, evidentiality, null));
            i = matchedEnd;
        }
        return result;
    }

    /// <summary>
    /// "The envoy is said to be ill. I am not sure that it is so": a doubt whose object is a pronoun
    /// right after an attributed statement qualifies that attribution; it is no separate one.
    /// </summary>
    private static bool TakesUpPrevious(string text, IReadOnlyList<Token> tokens, int afterCue, Attribution previous, TextSpan bounds, IReadOnlyList<TextSpan> sentences, int sentence)
    {
        if (afterCue >= tokens.Count || tokens[afterCue].Kind != TokenKind.Word) return false;
        Span<char> buffer = stackalloc char[8];
        var word = text.AsSpan(tokens[afterCue].Span.Start, tokens[afterCue].Span.Length);
        if (word.Length > buffer.Length || Normalize(word, buffer) is not ("this" or "that" or "it")) return false;
        if (previous.Span.End > bounds.Start && previous.Span.Start >= bounds.Start) return true;
        return sentence > 0 && sentence - 1 < sentences.Count && sentences[sentence - 1].Contains(previous.Span.Start);
    }

    private static int ClauseStart(string text, IReadOnlyList<Token> tokens, int first, TextSpan sentence)
    {
        int k = first;
        while (k > 0 && tokens[k - 1].Span.Start >= sentence.Start && !IsClauseBoundary(text, tokens[k - 1])) k--;
        return k;
    }

    private static int ClauseEnd(string text, IReadOnlyList<Token> tokens, int last, TextSpan sentence)
    {
        int k = last;
        while (k + 1 < tokens.Count && tokens[k + 1].Span.End <= sentence.End && !IsClauseBoundary(text, tokens[k + 1]) && !IsSentenceEnd(text, tokens[k + 1])) k++;
        return k;
    }

    private static bool IsClauseBoundary(string text, Token token) =>
        token.Kind is TokenKind.Quote or TokenKind.Dash
        || (token.Kind == TokenKind.Punctuation && text[token.Span.Start] is ',' or ';' or ':' or '(' or ')' or '[' or ']');

    private static bool IsSentenceEnd(string text, Token token) =>
        token.Kind is TokenKind.Ellipsis || (token.Kind == TokenKind.Punctuation && text[token.Span.Start] is '.' or '!' or '?');

    /// <summary>The word lower-cased with curly apostrophes made straight, in <paramref name="buffer"/>.</summary>
    internal static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int length = Math.Min(word.Length, buffer.Length);
        for (int c = 0; c < length; c++) buffer[c] = word[c] is '\u2019' or '\u2018' or '\u02BC' ? '\'' : char.ToLowerInvariant(word[c]);
        return buffer[..length];
    }

    private sealed class CuePattern
    {
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>[] _elements;
        private readonly FrozenSet<string>[] _sets;

        private CuePattern(FrozenSet<string>[] sets, Evidentiality evidentiality)
        {
            _sets = sets;
            _elements = [.. sets.Select(s => s.GetAlternateLookup<ReadOnlySpan<char>>())];
            Evidentiality = evidentiality;
        }

        public Evidentiality Evidentiality { get; }

        public static CuePattern Parse(string pattern, Evidentiality evidentiality) => new(
            [.. pattern.Split(' ').Select(word => word.StartsWith('@')
                ? AttributionLexicon.Classes[word[1..]]
                : new[] { word }.ToFrozenSet(StringComparer.OrdinalIgnoreCase))],
            evidentiality);

        public IEnumerable<string> FirstWords() => _sets[0];

        /// <summary>The index after the last token of the match starting at <paramref name="start"/>, or -1.</summary>
        public int Match(string text, IReadOnlyList<Token> tokens, int start)
        {
            Span<char> buffer = stackalloc char[32];
            int k = start;
            foreach (var element in _elements)
            {
                // A stray apostrophe or quotation mark glued to the word before it (don't') is a typing slip, not a boundary.
                while (k > start && k < tokens.Count && tokens[k].Kind is TokenKind.Apostrophe or TokenKind.Quote && tokens[k].Span.Start == tokens[k - 1].Span.End) k++;
                if (k >= tokens.Count || tokens[k].Kind is not (TokenKind.Word or TokenKind.Abbreviation) || tokens[k].Span.Length > buffer.Length) return -1;
                if (!element.Contains(Normalize(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length), buffer))) return -1;
                k++;
            }
            return k;
        }
    }
}
