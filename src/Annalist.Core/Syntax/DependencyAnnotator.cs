using System.Runtime.InteropServices;
using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Syntax;

/// <summary>
/// Produces the <c>dependencies</c> layer, aligned to <c>tokens</c>: sentence by sentence, the tokens are
/// mapped to UD words (<see cref="SyntacticWords"/>), tagged and parsed, and the word tree is contracted
/// to tokens. A token stands for its word nearest the root (the first on ties); its head is the token
/// holding that word's head. The contraction is always a tree: a single root per sentence, no cycles.
/// </summary>
public sealed class DependencyAnnotator : Annotator
{
    public static readonly ComponentId ComponentId = new("dependencies.arc-hybrid", 1);

    private readonly PartOfSpeechTagger? _tagger;
    private readonly DependencyParser? _parser;

    /// <summary>Uses the given models, or the shipped ones (loaded on first use) for those left null.</summary>
    public DependencyAnnotator(PartOfSpeechTagger? tagger = null, DependencyParser? parser = null)
    {
        _tagger = tagger;
        _parser = parser;
    }

    public override ComponentId Id => ComponentId;

    // The pos layer holds one tag per token; the parser needs one per word, so it re-tags with the same
    // model, and requiring pos keeps the two layers' order and tags consistent.
    public override IReadOnlyList<string> Requires { get; } = [LayerNames.Tokens, LayerNames.Sentences, LayerNames.PartsOfSpeech];

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.Dependencies];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var tagger = _tagger ?? SyntaxModels.Tagger;
        var parser = _parser ?? SyntaxModels.Parser;
        var tokens = state.Get<Token>(LayerNames.Tokens).Items;
        var sentences = state.Get<Sentence>(LayerNames.Sentences).Items;
        var result = new Dependency[tokens.Length];
        var words = new List<TextSpan>();
        var tokenOfWord = new List<int>();
        var classes = new List<int>();
        var tagHashes = new List<ulong>();
        var heads = new List<int>();
        var relations = new List<int>();
        var depths = new List<int>();
        foreach (var (first, count) in SentenceRuns.Of(tokens.AsSpan(), sentences.AsSpan()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            words.Clear();
            tokenOfWord.Clear();
            SyntacticWords.Split(state.Text, tokens.AsSpan(first, count), first, words, tokenOfWord);
            int n = words.Count;
            var wordSpans = CollectionsMarshal.AsSpan(words);
            var tagged = SentenceRuns.Buffer(classes, n);
            tagger.Tag(state.Text, wordSpans, tagged);
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
