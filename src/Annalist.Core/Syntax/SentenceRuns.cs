using Annalist.Core.Segmentation;
using Annalist.Core.Tokens;

namespace Annalist.Core.Syntax;

/// <summary>Groups tokens into the runs syntax works on: each sentence's tokens, and maximal runs of tokens outside sentences.</summary>
internal static class SentenceRuns
{
    public static List<(int First, int Count)> Of(ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences)
    {
        var runs = new List<(int, int)>(sentences.Length + 1);
        int s = 0, t = 0;
        while (t < tokens.Length)
        {
            while (s < sentences.Length && sentences[s].Span.End <= tokens[t].Span.Start) s++;
            int first = t;
            if (s < sentences.Length && sentences[s].Span.Contains(tokens[t].Span))
            {
                while (t < tokens.Length && sentences[s].Span.Contains(tokens[t].Span)) t++;
            }
            else
            {
                while (t < tokens.Length && !(s < sentences.Length && sentences[s].Span.Contains(tokens[t].Span)))
                {
                    t++;
                    while (s < sentences.Length && t < tokens.Length && sentences[s].Span.End <= tokens[t].Span.Start) s++;
                }
            }
            runs.Add((first, t - first));
        }
        return runs;
    }

    /// <summary>A span of <paramref name="count"/> ints over a reused list.</summary>
    public static Span<int> Buffer(List<int> list, int count)
    {
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(list, count);
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
    }
}
