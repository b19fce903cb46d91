using System.Reflection;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Entities.Tagging;

namespace Annalist.Core.Entities;

/// <summary>
/// The entity tagger model and gazetteer shipped inside Annalist.Core as embedded resources, loaded
/// once on first use. Thread-safe.
/// </summary>
public static class EntityModels
{
    /// <summary>Resource name of the tagger model (<c>models/ner/ner.perceptron.v1.bin.gz</c>).</summary>
    public const string TaggerResource = "Annalist.Models.ner.perceptron.v1.bin.gz";

    /// <summary>Resource name of the compact gazetteer (<c>models/ner/gazetteer.v1.tsv.gz</c>).</summary>
    public const string GazetteerResource = "Annalist.Models.gazetteer.v1.tsv.gz";

    /// <summary>Resource name of the given names (<c>models/ner/given-names.v1.tsv.gz</c>).</summary>
    public const string GivenNamesResource = "Annalist.Models.given-names.v1.tsv.gz";

    private static readonly Lazy<GivenNames> SharedGivenNames = new(() => Load(GivenNamesResource, GivenNames.Read) ?? GivenNames.Empty);
    private static readonly Lazy<Gazetteer> SharedGazetteer = new(() => Load(GazetteerResource, Gazetteer.Read) ?? Gazetteer.Empty);
    private static readonly Lazy<PerceptronModel?> SharedModel = new(() => Load(TaggerResource, PerceptronModel.Read));

    /// <summary>The shipped gazetteer, or an empty one when the build carries none.</summary>
    public static Gazetteer Gazetteer => SharedGazetteer.Value;

    /// <summary>The shipped given names with their frequency and gender shares, or an empty list when the build carries none.</summary>
    public static GivenNames GivenNames => SharedGivenNames.Value;

    /// <summary>The shipped tagger model, or null when the build carries none (a tree before its first training).</summary>
    public static PerceptronModel? TaggerModel => SharedModel.Value;

    private static T? Load<T>(string name, Func<Stream, T> read) where T : class
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name);
        return stream is null ? null : read(stream);
    }
}
