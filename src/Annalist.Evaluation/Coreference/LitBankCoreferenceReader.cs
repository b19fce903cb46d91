using Annalist.Core.Coreference;
using Annalist.Evaluation.Quotes;

namespace Annalist.Evaluation.Coreference;

/// <summary>
/// Reads LitBank's coreference (<c>coref/brat/NAME.ann</c>, its lines whose type is a cluster label) over the text
/// rejoined as prose exactly as <see cref="LitBankQuotationReader"/> rejoins it, so both evaluations see one text.
/// </summary>
public static class LitBankCoreferenceReader
{
    /// <summary>The documents of <c>coref/brat</c> in file-name order.</summary>
    public static IReadOnlyList<string> DocumentPaths(string folder) => LitBankQuotationReader.DocumentPaths(folder);

    /// <summary>The last tenth in file-name order: the held-out documents, never trained on.</summary>
    public static IReadOnlyList<string> HeldOut(IReadOnlyList<string> paths) => [.. paths.Skip(paths.Count - Math.Max(1, paths.Count / 10))];

    /// <summary>All but the last tenth in file-name order.</summary>
    public static IReadOnlyList<string> Training(IReadOnlyList<string> paths) => [.. paths.Take(paths.Count - Math.Max(1, paths.Count / 10))];

    public static CoreferenceDocument Read(string corefAnnPath)
    {
        var document = LitBankQuotationReader.Read(corefAnnPath);
        return new CoreferenceDocument(document.Name, document.Text, [.. document.Mentions.Select(m => new CoreferenceGoldMention(m.Span, m.Cluster))]);
    }
}
