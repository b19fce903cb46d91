using Annalist.Core.Learning;
using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace Annalist.Core.Coreference;

/// <summary>
/// The mention-ranking model of <c>coreference</c> (<c>coref.v1</c>): each option of a pronoun or noun phrase
/// (an earlier person, or nobody yet named) scores the sum of the weights of its hashed features, and the best
/// wins. It also carries the given-name genders learnt from the training text's pronouns (a name whose gold
/// clusters are referred to by <c>he</c> is masculine). Trained by <see cref="CoreferenceTrainer"/> (an averaged
/// perceptron); the shipped model is <c>models/coref.v1.bin.gz</c>, embedded in Annalist.Core. Immutable once
/// shared; thread-safe.
/// </summary>
public sealed class CoreferenceModel
{
    /// <summary>Resource name of the shipped model.</summary>
    public const string Resource = "Annalist.Models.coref.v1.bin.gz";

    private const uint Signature = 0x5243_4E41; // "ANCR"
    private const ushort FormatVersion = 1;

    private static readonly Lazy<CoreferenceModel?> SharedModel = new(LoadShipped);

    internal CoreferenceModel(Dictionary<ulong, float> weights, Dictionary<string, ReferentGender> nameGenders)
    {
        Weights = weights;
        NameGenders = nameGenders;
        NameLookup = nameGenders.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The shipped model, or null when the build carries none (then fixed weights rank the options).</summary>
    public static CoreferenceModel? Shipped => SharedModel.Value;

    internal Dictionary<ulong, float> Weights { get; }

    internal Dictionary<string, ReferentGender> NameGenders { get; }

    private Dictionary<string, ReferentGender>.AlternateLookup<ReadOnlySpan<char>> NameLookup { get; }

    /// <summary>The number of features with a weight.</summary>
    public int FeatureCount => Weights.Count;

    /// <summary>The number of given names with a learnt gender.</summary>
    public int NameCount => NameGenders.Count;

    /// <summary>The gender learnt for a given name (case-insensitive), <see cref="ReferentGender.Unknown"/> when none was.</summary>
    public ReferentGender GenderOfName(ReadOnlySpan<char> name) => NameLookup.TryGetValue(name, out var gender) ? gender : ReferentGender.Unknown;

    internal float Score(ReadOnlySpan<ulong> features) => SparseWeights.Score(Weights, features);

    /// <summary>Writes the model: signature, version, the (hash, weight) pairs sorted by hash, then the names and their genders; gzip-compressed.</summary>
    public void Write(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zip, Encoding.UTF8);
        writer.Write(Signature);
        writer.Write(FormatVersion);
        SparseWeights.Write(writer, Weights);
        var names = NameGenders.OrderBy(n => n.Key, StringComparer.Ordinal).ToList();
        writer.Write(names.Count);
        foreach (var (name, gender) in names)
        {
            writer.Write(name);
            writer.Write((byte)gender);
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> on another format.</summary>
    public static CoreferenceModel Read(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(zip, Encoding.UTF8);
        if (reader.ReadUInt32() != Signature || reader.ReadUInt16() != FormatVersion)
            throw new InvalidDataException("Not a coreference model of format version 1.");
        var weights = SparseWeights.Read(reader, 10_000_000, "coreference model");
        int names = reader.ReadInt32();
        if (names < 0 || names > 10_000_000) throw new InvalidDataException("Implausible name count in a coreference model.");
        var genders = new Dictionary<string, ReferentGender>(names, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names; i++)
        {
            string name = reader.ReadString();
            byte gender = reader.ReadByte();
            if (gender is 1 or 2) genders[name] = (ReferentGender)gender;
        }
        return new CoreferenceModel(weights, genders);
    }

    private static CoreferenceModel? LoadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource);
        return stream is null ? null : Read(stream);
    }
}
