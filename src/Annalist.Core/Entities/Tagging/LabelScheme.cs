namespace Annalist.Core.Entities.Tagging;

/// <summary>
/// The labels a <see cref="PerceptronModel"/> decodes over: BIO (<see cref="NerLabel"/>, 7 labels) or BILOU
/// (begin, inside, last, unit: 13), which gives a name's last word and a one-word name weights of their own.
/// Training data and <see cref="MentionTagger.Label"/> speak BIO whatever the model's scheme; the scheme
/// converts at the edges (<see cref="FromBio"/>, <see cref="ToBio(Span{byte})"/>). Immutable and thread-safe.
/// </summary>
public sealed class LabelScheme
{
    private const int Types = 3;

    /// <summary>Begin, inside, outside: the labels of <see cref="NerLabel"/>.</summary>
    public static readonly LabelScheme Bio = new(bilou: false);

    /// <summary>Begin, inside, last, outside, unit: per type B, I, L, U after O.</summary>
    public static readonly LabelScheme Bilou = new(bilou: true);

    private readonly bool _bilou;
    private readonly bool[] _follows;
    private readonly bool[] _ends;
    private readonly byte[] _toBio;
    private readonly string[] _names;

    private LabelScheme(bool bilou)
    {
        _bilou = bilou;
        Count = bilou ? 1 + 4 * Types : NerLabel.Count;
        _names = new string[Count];
        _toBio = new byte[Count];
        _names[0] = "O";
        string[] typeNames = ["PER", "PLACE", "ORG"];
        for (int label = 1; label < Count; label++)
        {
            int type = TypeNumber(label), part = Part(label);
            _names[label] = (bilou ? "BILU"[part] : "BI"[part]) + "-" + typeNames[type];
            _toBio[label] = (byte)(1 + 2 * type + (part is 1 or 2 ? 1 : 0));
        }
        _follows = new bool[(Count + 1) * Count];
        _ends = new bool[Count];
        for (int label = 0; label < Count; label++)
        {
            _ends[label] = !bilou || label == 0 || Part(label) is 2 or 3;
            for (int previous = -1; previous < Count; previous++) _follows[(previous + 1) * Count + label] = Allows(previous, label);
        }
    }

    /// <summary>The number of labels (7 or 13).</summary>
    public int Count { get; }

    /// <summary>The scheme with <paramref name="count"/> labels, or null for none.</summary>
    public static LabelScheme? ForCount(int count) => count == Bio.Count ? Bio : count == Bilou.Count ? Bilou : null;

    public string Name(int label) => _names[label];

    /// <summary>"BIO" or "BILOU".</summary>
    public override string ToString() => _bilou ? "BILOU" : "BIO";

    /// <summary>Whether <paramref name="label"/> may follow <paramref name="previous"/> (-1 for the sentence start).</summary>
    public bool CanFollow(int previous, int label) => _follows[(previous + 1) * Count + label];

    /// <summary>Whether a sentence may end on <paramref name="label"/> (a BILOU name ends on L or U).</summary>
    public bool CanEnd(int label) => _ends[label];

    /// <summary>The BIO label of <paramref name="label"/>: L reads as I, U as B.</summary>
    public byte ToBio(int label) => _toBio[label];

    /// <summary>Rewrites labels of this scheme as BIO in place.</summary>
    public void ToBio(Span<byte> labels)
    {
        if (!_bilou) return;
        for (int i = 0; i < labels.Length; i++) labels[i] = _toBio[labels[i]];
    }

    /// <summary>
    /// This scheme's labels of one sentence of BIO labels: a name's last token becomes L, a one-token name U.
    /// </summary>
    public void FromBio(ReadOnlySpan<byte> bio, Span<byte> labels)
    {
        for (int i = 0; i < bio.Length; i++)
        {
            int label = bio[i];
            if (!_bilou || label == NerLabel.Outside) { labels[i] = (byte)label; continue; }
            int type = (label - 1) / 2;
            // An I with no name of its type open (overlapping annotation) begins one, so the result stays valid.
            bool begins = NerLabel.IsBegin(label) || i == 0 || NerLabel.TypeOf(bio[i - 1]) != NerLabel.TypeOf(label) || bio[i - 1] == NerLabel.Outside;
            bool continues = i + 1 < bio.Length && bio[i + 1] == NerLabel.Inside(NerLabel.TypeOf(label));
            int part = begins ? (continues ? 0 : 3) : (continues ? 1 : 2);
            labels[i] = (byte)(1 + 4 * type + part);
        }
    }

    /// <summary>A BIO mask of allowed labels as a mask of this scheme's: B allows B and U, I allows I and L.</summary>
    public ushort FromBioMask(ushort bio)
    {
        if (!_bilou) return bio;
        int mask = bio & 1;
        for (int type = 0; type < Types; type++)
        {
            if ((bio & (1 << (1 + 2 * type))) != 0) mask |= (1 << (1 + 4 * type)) | (1 << (4 + 4 * type));
            if ((bio & (1 << (2 + 2 * type))) != 0) mask |= (1 << (2 + 4 * type)) | (1 << (3 + 4 * type));
        }
        return (ushort)mask;
    }

    private int TypeNumber(int label) => _bilou ? (label - 1) / 4 : (label - 1) / 2;

    private int Part(int label) => _bilou ? (label - 1) % 4 : (label - 1) % 2;

    private bool Allows(int previous, int label)
    {
        bool open = previous > 0 && (_bilou ? Part(previous) is 0 or 1 : true);
        if (!_bilou)
            return label == 0 || Part(label) == 0 || (previous > 0 && TypeNumber(previous) == TypeNumber(label));
        // A name opened by B or I must go on (I) or close (L) with its own type; anything else needs none open.
        if (open) return label > 0 && Part(label) is 1 or 2 && TypeNumber(label) == TypeNumber(previous);
        return label == 0 || Part(label) is 0 or 3;
    }
}
