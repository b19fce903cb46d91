using Annalist.Tests;
using Xunit.Abstractions;

namespace Annalist.Core.Tests.Segmentation;

/// <summary>
/// Sentence boundaries measured on held-out splits of openly licensed treebanks in <c>../shared/corpora</c>
/// (GUM dev and test, UD English-EWT test). The floors guard against regressions; the figures are printed.
/// </summary>
public sealed class SentenceBoundaryEvaluationTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Gum_test_split_inner_boundaries()
    {
        var score = SentenceBoundaryEvaluator.Evaluate(GumDocuments("test"));
        output.WriteLine($"GUM test: {score}");
        Assert.True(score.F1 >= 0.95, score.ToString());
    }

    [SharedFact]
    public void Ewt_test_split_inner_boundaries()
    {
        string path = SharedData.PathTo("corpora", "ud", "UD_English-EWT", "en_ewt-ud-test.conllu");
        var score = SentenceBoundaryEvaluator.Evaluate(SentenceBoundaryEvaluator.Read(path));
        output.WriteLine($"EWT test: {score}");
        Assert.True(score.F1 >= 0.78, score.ToString());
    }

    private static IEnumerable<SentenceBoundaryEvaluator.GoldDocument> GumDocuments(string split)
    {
        string folder = SharedData.PathTo("corpora", "ner", "gum");
        var names = SplitNames(File.ReadAllLines(Path.Combine(folder, "splits.md")), split);
        foreach (string name in names)
        {
            string path = Path.Combine(folder, "dep", name + ".conllu");
            if (!File.Exists(path)) continue;
            foreach (var document in SentenceBoundaryEvaluator.Read(path)) yield return document;
        }
    }

    private static List<string> SplitNames(string[] lines, string split)
    {
        var names = new List<string>();
        bool inSplit = false;
        foreach (string line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) inSplit = line[3..].Trim() == split;
            else if (inSplit && line.TrimStart().StartsWith("* ", StringComparison.Ordinal)) names.Add(line.Trim()[2..].Trim());
        }
        return names;
    }
}
