using Annalist.Core.Learning;
using System.IO.Compression;
using System.Reflection;

namespace Annalist.Core.Discourse;

/// <summary>
/// A linear ranking model over the speaker candidates of a quotation that no explicit cue attributes
/// (<c>quotes.v1</c>): each candidate's score is the sum of the weights of its hashed features, and the
/// highest-scoring one speaks. Trained by <see cref="QuotationSpeakerTrainer"/> (an averaged perceptron);
/// the shipped model is <c>models/quotes.v1.bin.gz</c>, embedded in Annalist.Core. Immutable once read; thread-safe.
/// </summary>
public sealed class QuotationSpeakerModel
{
    /// <summary>Resource name of the shipped model (<c>models/quotes.v1.bin.gz</c>).</summary>
    public const string Resource = "Annalist.Models.quotes.v1.bin.gz";

    private const uint Signature = 0x5351_4E41; // "ANQS"
    private const ushort FormatVersion = 1;

    private static readonly Lazy<QuotationSpeakerModel?> SharedModel = new(LoadShipped);

    internal QuotationSpeakerModel(Dictionary<ulong, float> weights, bool offersNarrator = false)
    {
        Weights = weights;
        OffersNarrator = offersNarrator;
    }

    /// <summary>
    /// Whether the turn finder offers this model the first-person narrator as a speaker option. Only a model
    /// trained with it (<c>annalist train quotes --narrator</c>) does: to any other, the option's features are
    /// unknown and its score of zero would beat every option the model has learnt to rank low.
    /// </summary>
    internal bool OffersNarrator { get; }

    /// <summary>
    /// Whether the conversation the model reads counts the narration's reported turns (<c>she asked him whether …</c>)
    /// as turns before a quotation (<c>annalist train quotes --reported-history</c>; the file records it as the weight of
    /// <see cref="TurnFinder.ReportedTurnsMarker"/>, which no option carries).
    /// </summary>
    internal bool ReadsReportedTurns { get; init; }

    /// <summary>The beam width every model decodes with unless told otherwise (<see cref="WithBeam"/>).</summary>
    public const int DefaultBeam = 8;

    /// <summary>
    /// How many hypotheses of who spoke the quotations so far the turn finder keeps while it decodes a text
    /// (1: each quotation decided in turn, the earlier choices fixed). Not stored in the model file.
    /// </summary>
    public int Beam { get; private init; } = DefaultBeam;

    /// <summary>
    /// How a beam sums its hypotheses' scores: 0, the model's raw scores; above 0, each choice's log-probability under a
    /// softmax of the options' scores at this temperature (each quotation's options then weigh alike, however many there are).
    /// </summary>
    public double BeamTemperature { get; private init; } = DefaultBeamTemperature;

    /// <summary>The temperature every model's beam scores with unless told otherwise.</summary>
    public const double DefaultBeamTemperature = 3;

    /// <summary>
    /// What a beam hypothesis loses for each turn of a bare run (no narration between, a paragraph each) that has the
    /// speaker of the turn before it, explicitly cued turns included: how a later cue corrects the phase of the run before it.
    /// </summary>
    public double BeamRepeatPenalty { get; private init; } = DefaultBeamRepeatPenalty;

    /// <summary>The repeat penalty every model's beam scores with unless told otherwise.</summary>
    public const double DefaultBeamRepeatPenalty = 3;

    /// <summary>
    /// This model decoding with a beam of <paramref name="width"/> hypotheses (at least 1), scored at <paramref name="temperature"/>
    /// (<see cref="BeamTemperature"/>) with <paramref name="repeatPenalty"/> (<see cref="BeamRepeatPenalty"/>); null keeps the current value.
    /// </summary>
    public QuotationSpeakerModel WithBeam(int width, double? temperature = null, double? repeatPenalty = null) =>
        new(Weights, OffersNarrator)
        {
            Beam = Math.Max(1, width),
            BeamTemperature = Math.Max(0, temperature ?? BeamTemperature),
            BeamRepeatPenalty = Math.Max(0, repeatPenalty ?? BeamRepeatPenalty),
            ReadsReportedTurns = ReadsReportedTurns,
        };

    /// <summary>A model with no weights (every option scores zero), to derive decoder settings from.</summary>
    public static QuotationSpeakerModel Empty { get; } = new([]);

    /// <summary>The shipped model, or null when the build carries none (then the rules alone attribute quotations).</summary>
    public static QuotationSpeakerModel? Shipped => SharedModel.Value;

    /// <summary>Feature hash → weight. Only the trainer writes to it, before the model is shared.</summary>
    internal Dictionary<ulong, float> Weights { get; }

    /// <summary>The number of features with a weight.</summary>
    public int FeatureCount => Weights.Count;

    /// <summary>The model whose every weight is the mean of <paramref name="models"/>' (a weight a model lacks counts as zero).</summary>
    internal static QuotationSpeakerModel Average(IReadOnlyList<QuotationSpeakerModel> models)
    {
        var sum = new Dictionary<ulong, float>();
        foreach (var model in models)
        {
            foreach (var (feature, weight) in model.Weights) sum[feature] = sum.GetValueOrDefault(feature) + weight;
        }
        foreach (var feature in sum.Keys) sum[feature] /= models.Count;
        return new QuotationSpeakerModel(sum, models.Any(m => m.OffersNarrator)) { ReadsReportedTurns = models.Any(m => m.ReadsReportedTurns) };
    }

    internal float Score(ReadOnlySpan<ulong> features) => SparseWeights.Score(Weights, features);

    /// <summary>Writes the model: signature, version, then each (hash, weight) pair sorted by hash, gzip-compressed.</summary>
    public void Write(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zip);
        writer.Write(Signature);
        writer.Write(FormatVersion);
        SparseWeights.Write(writer, Weights);
    }

    /// <summary>Reads a model written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> on another format.</summary>
    public static QuotationSpeakerModel Read(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(zip);
        if (reader.ReadUInt32() != Signature || reader.ReadUInt16() != FormatVersion)
            throw new InvalidDataException("Not a quotation speaker model of format version 1.");
        var weights = SparseWeights.Read(reader, 50_000_000, "quotation speaker model");
        return new QuotationSpeakerModel(weights, weights.ContainsKey(TurnFinder.NarratorBias)) { ReadsReportedTurns = weights.ContainsKey(TurnFinder.ReportedTurnsMarker) };
    }

    private static QuotationSpeakerModel? LoadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource);
        return stream is null ? null : Read(stream);
    }
}
