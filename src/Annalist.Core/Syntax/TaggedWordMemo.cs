using System.Runtime.CompilerServices;
using Annalist.Core.Annotations;

namespace Annalist.Core.Syntax;

/// <summary>
/// The tagger's class for every syntactic word of a <c>pos</c> layer, kept beside the layer (and dying
/// with it) so that the parser, which needs one tag per word where the layer holds one per token, does
/// not tag the document a second time. Used only when the parser would tag with the very same model.
/// </summary>
internal static class TaggedWordMemo
{
    private sealed record Entry(PartOfSpeechTagger Tagger, int[] Classes);

    private static readonly ConditionalWeakTable<Layer, Entry> Memo = new();

    /// <summary>Remembers beside <paramref name="layer"/> the classes <paramref name="tagger"/> gave its words: run after run in <see cref="SentenceRuns"/> order, words split by <see cref="SyntacticWords"/>.</summary>
    public static void Remember(Layer layer, PartOfSpeechTagger tagger, int[] classes) => Memo.AddOrUpdate(layer, new Entry(tagger, classes));

    /// <summary>The classes remembered for <paramref name="layer"/> when <paramref name="tagger"/> made them, else null.</summary>
    public static int[]? Recall(Layer layer, PartOfSpeechTagger tagger) =>
        Memo.TryGetValue(layer, out var entry) && ReferenceEquals(entry.Tagger, tagger) ? entry.Classes : null;
}
