using System.Runtime.InteropServices;
using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Quotations;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Syntax;

/// <summary>
/// Produces the <c>dependencies</c> layer, aligned to <c>tokens</c>: sentence by sentence, the tokens are
/// mapped to UD words (<see cref="SyntacticWords"/>), tagged and parsed, and the word tree is contracted
/// to tokens. A token stands for its word nearest the root (the first on ties); its head is the token
/// holding that word's head. The contraction is always a tree: a single root per sentence, no cycles.
/// The word tags come from the <c>pos</c> layer's tagger when it is the same model (no second tagging).
/// With <see cref="SentenceSelection.Triggered"/>, only sentences that need syntax are parsed.
/// </summary>
public sealed class DependencyAnnotator : Annotator
{
    public static readonly ComponentId ComponentId = new("dependencies.arc-hybrid", 2);

    /// <summary>The relation of the tokens of a sentence left unparsed (CoNLL-U's "unspecified").</summary>
    public const string UnparsedRelation = "_";

    private readonly PartOfSpeechTagger? _tagger;
    private readonly DependencyParser? _parser;
    private readonly DependencyAnnotatorOptions _options;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _triggers;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _backReferences;

    /// <summary>Uses the given models, or the shipped ones (loaded on first use) for those left null; parses the sentences <paramref name="options"/> select (by default <see cref="DependencyAnnotatorOptions.Default"/>: those a consumer reads).</summary>
    public DependencyAnnotator(PartOfSpeechTagger? tagger = null, DependencyParser? parser = null, DependencyAnnotatorOptions? options = null)
    {
        _tagger = tagger;
        _parser = parser;
        _options = options ?? DependencyAnnotatorOptions.Default;
        _triggers = new HashSet<string>(_options.TriggerWords, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _backReferences = new HashSet<string>(_options.BackReferenceWords, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        OptionalRequires = _options.Sentences == SentenceSelection.Triggered && _options.ParseQuotations ? [LayerNames.Quotations] : [];
    }

    public override ComponentId Id => ComponentId;

    // The pos layer holds one tag per token; the parser needs one per word, which the pos annotator
    // remembers beside its layer (else this re-tags with the same model); requiring pos keeps the two consistent.
    public override IReadOnlyList<string> Requires { get; } = [LayerNames.Tokens, LayerNames.Sentences, LayerNames.PartsOfSpeech];

    public override IReadOnlyList<string> OptionalRequires { get; }

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.Dependencies];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var tagger = _tagger ?? SyntaxModels.Tagger;
        var parser = _parser ?? SyntaxModels.Parser;
        var tokens = state.Get<Token>(LayerNames.Tokens).Items;
        var sentences = state.Get<Sentence>(LayerNames.Sentences).Items;
        int[]? remembered = TaggedWordMemo.Recall(state.Get<PosTag>(LayerNames.PartsOfSpeech), tagger);
        bool selective = _options.Sentences == SentenceSelection.Triggered;
        var quotations = selective && _options.ParseQuotations && state.TryGet<Quotation>(LayerNames.Quotations, out var quoted) ? quoted.Items.AsSpan() : default;
        var result = new Dependency[tokens.Length];
        var words = new List<TextSpan>();
        var tokenOfWord = new List<int>();
        var classes = new List<int>();
        var tagHashes = new List<ulong>();
        var heads = new List<int>();
        var relations = new List<int>();
        var depths = new List<int>();
        var runs = SentenceRuns.Of(tokens.AsSpan(), sentences.AsSpan());
        bool[]? selected = selective ? Select(state.Text, tokens.AsSpan(), runs, quotations) : null;
        int firstWord = 0;
        for (int r = 0; r < runs.Count; r++)
        {
            var (first, count) = runs[r];
            cancellationToken.ThrowIfCancellationRequested();
            words.Clear();
            tokenOfWord.Clear();
            SyntacticWords.Split(state.Text, tokens.AsSpan(first, count), first, words, tokenOfWord);
            int n = words.Count;
            var wordSpans = CollectionsMarshal.AsSpan(words);
            int runWord = firstWord;
            firstWord += n;
            if (selected is not null && !selected[r])
            {
                for (int t = first; t < first + count; t++) result[t] = new Dependency(tokens[t].Span, -1, UnparsedRelation);
                continue;
            }
            ReadOnlySpan<int> tagged;
            if (remembered is not null && runWord + n <= remembered.Length) tagged = remembered.AsSpan(runWord, n);
            else
            {
                var own = SentenceRuns.Buffer(classes, n);
                tagger.Tag(state.Text, wordSpans, own);
                tagged = own;
            }
            CollectionsMarshal.SetCount(tagHashes, n);
            var hashes = CollectionsMarshal.AsSpan(tagHashes);
            for (int w = 0; w < n; w++) hashes[w] = tagger.TagHashes[tagged[w]];
            var wordHeads = SentenceRuns.Buffer(heads, n);
            var wordRelations = SentenceRuns.Buffer(relations, n);
            parser.Parse(state.Text, wordSpans, hashes, wordHeads, wordRelations);
            Contract(CollectionsMarshal.AsSpan(tokenOfWord), wordHeads, wordRelations, SentenceRuns.Buffer(depths, n), tokens.AsSpan(), parser, result);
        }
        return AnnotatorResult.Of(new Layer<Dependency>(LayerNames.Dependencies, Id, result, alignedTo: LayerNames.Tokens));
    }

    /// <summary>
    /// Which runs to parse: those holding a trigger word or overlapping a quotation, and the run before one
    /// that also holds a back-reference word (its antecedent may sit there).
    /// </summary>
    private bool[] Select(string text, ReadOnlySpan<Token> tokens, List<(int First, int Count)> runs, ReadOnlySpan<Quotation> quotations)
    {
        var selected = new bool[runs.Count];
        int quotation = 0;
        for (int r = 0; r < runs.Count; r++)
        {
            var run = tokens.Slice(runs[r].First, runs[r].Count);
            if (run.Length == 0) continue;
            if (OverlapsQuotation(run, quotations, ref quotation)) selected[r] = true;
            bool trigger = false, backReference = false;
            foreach (var token in run)
            {
                if (token.Kind != TokenKind.Word) continue;
                var word = text.AsSpan(token.Span.Start, token.Span.Length);
                trigger |= _triggers.Contains(word);
                backReference |= _backReferences.Contains(word);
            }
            if (trigger) selected[r] = true;
            if (trigger && backReference && r > 0) selected[r - 1] = true;
        }
        return selected;
    }

    /// <summary>True when the run overlaps a quotation; <paramref name="quotation"/> walks the sorted quotations forward.</summary>
    private static bool OverlapsQuotation(ReadOnlySpan<Token> run, ReadOnlySpan<Quotation> quotations, ref int quotation)
    {
        int start = run[0].Span.Start, end = run[^1].Span.End;
        while (quotation < quotations.Length && quotations[quotation].Span.End <= start) quotation++;
        // Quotations are sorted by start, not end: a later one may still reach into this run.
        for (int q = quotation; q < quotations.Length && quotations[q].Span.Start < end; q++)
        {
            if (quotations[q].Span.End > start) return true;
        }
        return false;
    }

    private static void Contract(ReadOnlySpan<int> tokenOfWord, ReadOnlySpan<int> heads, ReadOnlySpan<int> relations, Span<int> depths, ReadOnlySpan<Token> tokens, DependencyParser parser, Dependency[] result)
    {
        int n = heads.Length;
        for (int w = 0; w < n; w++)
        {
            int depth = 0;
            for (int h = heads[w]; h >= 0 && depth <= n; h = heads[h]) depth++;
            depths[w] = depth;
        }
        for (int start = 0, end; start < n; start = end)
        {
            int t = tokenOfWord[start];
            int w = start;
            for (end = start + 1; end < n && tokenOfWord[end] == t; end++)
            {
                if (depths[end] < depths[w]) w = end;
            }
            int head = heads[w] < 0 ? -1 : tokenOfWord[heads[w]];
            result[t] = new Dependency(tokens[t].Span, head, parser.Relations[relations[w]]);
        }
    }
}
