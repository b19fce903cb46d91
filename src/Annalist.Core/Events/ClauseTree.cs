using System.Buffers;
using Annalist.Core.Annotations;
using Annalist.Core.Entities;
using Annalist.Core.Syntax;
using Annalist.Core.Text;
using Annalist.Core.Time;
using Annalist.Core.Tokens;

namespace Annalist.Core.Events;

/// <summary>
/// The dependency tree of a document seen from its heads (children in text order), with each token's
/// mention and whether it is part of a time expression: what role filling walks. Built once per document in linear time; read-only afterwards.
/// </summary>
internal sealed class ClauseTree : IDisposable
{
    private readonly string _text;
    private readonly Layer<Token> _tokens;
    private readonly Layer<Dependency> _dependencies;
    private readonly int[] _firstChild;
    private readonly int[] _nextSibling;
    private readonly int[] _mentionAt;
    private readonly bool[] _inTimex;
    private readonly Layer<Mention>? _mentions;

    /// <summary>
    /// The tree of <paramref name="dependencies"/>; mentions inside <paramref name="labels"/> (the speaker labels of script-form turns,
    /// <c>SMITH:</c>) take no part in clauses; tokens inside <paramref name="timexes"/> are marked as time.
    /// </summary>
    public ClauseTree(string text, Layer<Token> tokens, Layer<Dependency> dependencies, Layer<Mention>? mentions, IReadOnlyList<TextSpan>? labels = null, Layer<Timex>? timexes = null)
    {
        _text = text;
        _tokens = tokens;
        _dependencies = dependencies;
        _mentions = mentions;
        int count = tokens.Count;
        // Pooled: a tree lives for one recognition call, and documents come by the thousand.
        _firstChild = ArrayPool<int>.Shared.Rent(count);
        _nextSibling = ArrayPool<int>.Shared.Rent(count);
        _mentionAt = ArrayPool<int>.Shared.Rent(count);
        _inTimex = ArrayPool<bool>.Shared.Rent(count);
        _inTimex.AsSpan(0, count).Clear();
        if (timexes is not null) MarkTime(tokens, timexes, _inTimex);
        var lastChild = ArrayPool<int>.Shared.Rent(count);
        _firstChild.AsSpan(0, count).Fill(-1);
        _nextSibling.AsSpan(0, count).Fill(-1);
        _mentionAt.AsSpan(0, count).Fill(-1);
        lastChild.AsSpan(0, count).Fill(-1);
        for (int i = 0; i < count && i < dependencies.Count; i++)
        {
            int head = dependencies[i].Head;
            if (head < 0 || head >= count || head == i) continue;
            if (lastChild[head] < 0) _firstChild[head] = i;
            else _nextSibling[lastChild[head]] = i;
            lastChild[head] = i;
        }
        ArrayPool<int>.Shared.Return(lastChild);
        if (mentions is null) return;
        for (int m = 0; m < mentions.Count; m++)
        {
            var span = mentions[m].Span;
            if (labels is not null && InsideAny(labels, span)) continue;
            for (int t = Math.Max(0, tokens.FirstStartingAtOrAfter(span.Start) - 1); t < count && tokens[t].Span.Start < span.End; t++)
            {
                if (tokens[t].Span.End > span.Start && _mentionAt[t] < 0) _mentionAt[t] = m;
            }
        }
    }

    public int Count => _tokens.Count;

    /// <summary>True when <paramref name="span"/> lies inside one of <paramref name="spans"/>, which are ordered and do not overlap.</summary>
    private static bool InsideAny(IReadOnlyList<TextSpan> spans, TextSpan span)
    {
        int low = 0, high = spans.Count - 1, last = -1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            if (spans[middle].Start <= span.Start) { last = middle; low = middle + 1; }
            else high = middle - 1;
        }
        return last >= 0 && span.End <= spans[last].End;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_firstChild);
        ArrayPool<int>.Shared.Return(_nextSibling);
        ArrayPool<int>.Shared.Return(_mentionAt);
        ArrayPool<bool>.Shared.Return(_inTimex);
    }

    private static void MarkTime(Layer<Token> tokens, Layer<Timex> timexes, bool[] inTimex)
    {
        for (int x = 0; x < timexes.Count; x++)
        {
            var span = timexes[x].Span;
            for (int t = Math.Max(0, tokens.FirstStartingAtOrAfter(span.Start) - 1); t < tokens.Count && tokens[t].Span.Start < span.End; t++)
            {
                if (tokens[t].Span.Start >= span.Start && tokens[t].Span.End <= span.End) inTimex[t] = true;
            }
        }
    }

    public int Head(int token) => token < _dependencies.Count ? _dependencies[token].Head : -1;

    public string Relation(int token) => token < _dependencies.Count ? _dependencies[token].Relation : "";

    public bool RelationIs(int token, string relation) => Relation(token) == relation;

    /// <summary>True when the relation is <paramref name="prefix"/> or a subtype of it (<c>obl</c> matches <c>obl:tmod</c>).</summary>
    public bool RelationStarts(int token, string prefix)
    {
        string relation = Relation(token);
        return relation.StartsWith(prefix, StringComparison.Ordinal) && (relation.Length == prefix.Length || relation[prefix.Length] == ':');
    }

    public int FirstChild(int token) => _firstChild[token];

    public int NextSibling(int token) => _nextSibling[token];

    public TextSpan Span(int token) => _tokens[token].Span;

    public TokenKind Kind(int token) => _tokens[token].Kind;

    public ReadOnlySpan<char> Word(int token) => _text.AsSpan(_tokens[token].Span.Start, _tokens[token].Span.Length);

    public bool WordIs(int token, string word) => EqualsWord(Word(token), word);

    /// <summary>Compares ignoring case, with a curly apostrophe equal to a straight one.</summary>
    public static bool EqualsWord(ReadOnlySpan<char> written, string word)
    {
        if (written.Length != word.Length) return false;
        for (int c = 0; c < written.Length; c++)
        {
            char a = written[c] is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(written[c]);
            if (a != word[c]) return false;
        }
        return true;
    }

    /// <summary>The first child with <paramref name="relation"/> (or a subtype), or -1.</summary>
    public int Child(int token, string relation)
    {
        for (int c = _firstChild[token]; c >= 0; c = _nextSibling[c]) if (RelationStarts(c, relation)) return c;
        return -1;
    }

    /// <summary>The preposition of a nominal (its <c>case</c> child), or -1.</summary>
    public int CaseOf(int token) => Child(token, "case");

    /// <summary>True when the token's <c>case</c> child is one of <paramref name="prepositions"/>.</summary>
    public bool HasCase(int token, ReadOnlySpan<string> prepositions)
    {
        for (int c = _firstChild[token]; c >= 0; c = _nextSibling[c])
        {
            if (!RelationStarts(c, "case") && !RelationIs(c, "mark")) continue;
            foreach (string preposition in prepositions) if (WordIs(c, preposition)) return true;
        }
        return false;
    }

    public bool IsMention(int token) => _mentionAt[token] >= 0;

    /// <summary>True when <paramref name="token"/> lies inside a time expression (<c>Last December</c>, <c>two weeks later</c>).</summary>
    public bool IsTime(int token) => _inTimex[token];

    public Mention MentionAt(int token) => _mentions![_mentionAt[token]];

    /// <summary>True when <paramref name="token"/> lies in the subtree of <paramref name="ancestor"/>.</summary>
    public bool IsUnder(int token, int ancestor)
    {
        for (int k = token, guard = 0; k >= 0 && guard < 64; k = Head(k), guard++) if (k == ancestor) return true;
        return false;
    }

    /// <summary>
    /// The evidence of a clause headed by <paramref name="head"/>: the contiguous run of its subtree around
    /// <paramref name="anchor"/>, leaving out subtrees whose relation <paramref name="excluded"/> rejects, without edge punctuation.
    /// </summary>
    public TextSpan ClauseSpan(int head, int anchor, Func<ClauseTree, int, bool> excluded, int sentenceFirst, int sentenceEnd)
    {
        int left = anchor, right = anchor;
        while (left - 1 >= sentenceFirst && Included(left - 1, head, excluded)) left--;
        while (right + 1 < sentenceEnd && Included(right + 1, head, excluded)) right++;
        while (left < right && IsPunctuation(left)) left++;
        while (right > left && IsPunctuation(right)) right--;
        return new TextSpan(Span(left).Start, Span(right).End);
    }

    private bool Included(int token, int head, Func<ClauseTree, int, bool> excluded)
    {
        for (int k = token, guard = 0; k >= 0 && guard < 64; k = Head(k), guard++)
        {
            if (k == head) return true;
            if (excluded(this, k)) return false;
        }
        return false;
    }

    /// <summary>The text of <paramref name="span"/>.</summary>
    public string TextOf(TextSpan span) => _text.Substring(span.Start, span.Length);

    /// <summary>True when a blank line (a paragraph break) lies between token <paramref name="token"/> and the one before it.</summary>
    public bool ParagraphBreakBefore(int token)
    {
        if (token <= 0) return true;
        var between = _text.AsSpan(_tokens[token - 1].Span.End, _tokens[token].Span.Start - _tokens[token - 1].Span.End);
        int newlines = 0;
        foreach (char c in between) if (c == '\n' && ++newlines >= 2) return true;
        return false;
    }

    /// <summary>
    /// The noun phrase headed by <paramref name="head"/>: its determiners, modifiers, compounds and <c>of</c>-phrases
    /// (<c>the Government of Portugal</c>, <c>Both parties</c>), without relative clauses, appositions or conjuncts.
    /// </summary>
    public TextSpan PhraseSpan(int head) => ClauseSpan(head, head, (t, k) =>
        t.RelationStarts(k, "acl") || t.RelationStarts(k, "advcl") || t.RelationIs(k, "conj") || t.RelationIs(k, "cc") || t.RelationStarts(k, "punct")
        || t.RelationIs(k, "appos") || t.RelationStarts(k, "parataxis") || t.RelationStarts(k, "ccomp") || t.RelationIs(k, "dep") || (t.RelationIs(k, "case") || t.RelationIs(k, "mark")) && t.Head(k) == head
        || t.RelationStarts(k, "nmod") && !t.RelationIs(k, "nmod:poss") && !t.HasCase(k, OfPreposition), 0, Count);

    private static readonly string[] OfPreposition = ["of"];

    public bool IsPunctuation(int token) => Kind(token) is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Ellipsis or TokenKind.Dash or TokenKind.Apostrophe;
}
