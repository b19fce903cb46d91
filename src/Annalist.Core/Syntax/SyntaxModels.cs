using System.Reflection;

namespace Annalist.Core.Syntax;

/// <summary>
/// The tagger and parser shipped inside this assembly (trained from UD English EWT and GUM; see
/// <c>models/README.md</c>). Each loads once, on first use, and is shared: the models are immutable.
/// </summary>
public static class SyntaxModels
{
    public const string TaggerFileName = "pos-tagger.anm";
    public const string ParserFileName = "dependency-parser.anm";

    /// <summary>Where the embedded models' resource names begin: the resource of a model is this and its file name.</summary>
    public const string ResourcePrefix = "Annalist.Models.";

    private static readonly Lazy<PartOfSpeechTagger> LazyTagger = new(() => Load(TaggerFileName, PartOfSpeechTagger.Load));
    private static readonly Lazy<DependencyParser> LazyParser = new(() => Load(ParserFileName, DependencyParser.Load));

    /// <exception cref="Errors.AnnalistException">ANL3051: the shipped model is missing or damaged.</exception>
    public static PartOfSpeechTagger Tagger => LazyTagger.Value;

    /// <exception cref="Errors.AnnalistException">ANL3051: the shipped model is missing or damaged.</exception>
    public static DependencyParser Parser => LazyParser.Value;

    private static T Load<T>(string fileName, Func<Stream, T> load)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw ModelFormat.Unreadable(fileName, "it is not embedded in this build of Annalist.Core");
        return load(stream);
    }
}
