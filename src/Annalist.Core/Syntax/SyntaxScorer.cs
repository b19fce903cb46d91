namespace Annalist.Core.Syntax;

/// <summary>
/// Accumulates tagging and parsing scores against gold sentences on gold tokenization: UPOS and XPOS
/// accuracy, UAS, LAS on universal relations (subtypes stripped, as the CoNLL 2018 shared task scores
/// them) and LAS on full relations; punctuation included. Not thread-safe.
/// </summary>
public sealed class SyntaxScorer
{
    private readonly Dictionary<(string Gold, string Predicted), int> _tagConfusions = [];
    private readonly Dictionary<(string Gold, string Predicted), int> _relationConfusions = [];

    public int Words { get; private set; }

    public int UniversalTagsRight { get; private set; }

    public int LanguageTagsRight { get; private set; }

    public int HeadsRight { get; private set; }

    public int LabeledRight { get; private set; }

    public int FullLabeledRight { get; private set; }

    public bool HasParses { get; private set; }

    public double UniversalTagAccuracy => Ratio(UniversalTagsRight);

    public double LanguageTagAccuracy => Ratio(LanguageTagsRight);

    public double UnlabeledAttachment => Ratio(HeadsRight);

    public double LabeledAttachment => Ratio(LabeledRight);

    public double FullLabeledAttachment => Ratio(FullLabeledRight);

    /// <summary>Adds one sentence; <paramref name="heads"/> and <paramref name="relations"/> may be null when only tags were predicted.</summary>
    public void Add(TreebankSentence gold, IReadOnlyList<string> universalTags, IReadOnlyList<string> languageTags, IReadOnlyList<int>? heads = null, IReadOnlyList<string>? relations = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        for (int i = 0; i < gold.Count; i++)
        {
            Words++;
            if (universalTags[i] == gold.UniversalTags[i]) UniversalTagsRight++;
            else Count(_tagConfusions, gold.UniversalTags[i], universalTags[i]);
            if (languageTags[i] == gold.LanguageTags[i]) LanguageTagsRight++;
            if (heads is null || relations is null) continue;
            HasParses = true;
            if (heads[i] != gold.Heads[i]) continue;
            HeadsRight++;
            if (Universal(relations[i]).SequenceEqual(Universal(gold.Relations[i]))) LabeledRight++;
            else Count(_relationConfusions, gold.Relations[i], relations[i]);
            if (relations[i] == gold.Relations[i]) FullLabeledRight++;
        }
    }

    /// <summary>The most frequent UPOS confusions, gold first.</summary>
    public IReadOnlyList<(string Gold, string Predicted, int Count)> TopTagConfusions(int count) => Top(_tagConfusions, count);

    /// <summary>The most frequent relation confusions among words whose head is right.</summary>
    public IReadOnlyList<(string Gold, string Predicted, int Count)> TopRelationConfusions(int count) => Top(_relationConfusions, count);

    private static ReadOnlySpan<char> Universal(string relation)
    {
        int colon = relation.IndexOf(':');
        return colon < 0 ? relation : relation.AsSpan(0, colon);
    }

    private static void Count(Dictionary<(string, string), int> table, string gold, string predicted) =>
        table[(gold, predicted)] = table.GetValueOrDefault((gold, predicted)) + 1;

    private static List<(string, string, int)> Top(Dictionary<(string Gold, string Predicted), int> table, int count) =>
        [.. table.OrderByDescending(e => e.Value).ThenBy(e => e.Key.Gold, StringComparer.Ordinal).ThenBy(e => e.Key.Predicted, StringComparer.Ordinal)
            .Take(count).Select(e => (e.Key.Gold, e.Key.Predicted, e.Value))];

    private double Ratio(int right) => Words == 0 ? 0 : (double)right / Words;
}
