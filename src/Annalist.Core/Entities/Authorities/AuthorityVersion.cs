using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Entities.Authorities;

/// <summary>
/// The version of an analysis with the authority list it linked to: the pipeline's <see cref="AnalysisPipeline.Version"/>,
/// and, when person entities link to a list (the pipeline's own, else the one the document comes with),
/// <c>+authority.</c> and that list's <see cref="AuthorityList.Fingerprint"/>. A store compares it to decide what to analyze
/// again, so a new or changed list re-links the documents it applies to and leaves the others alone.
/// </summary>
public static class AuthorityVersion
{
    /// <summary>The list <paramref name="pipeline"/> links the people of <paramref name="document"/> to, or null.</summary>
    public static AuthorityList? ListFor(AnalysisPipeline pipeline, SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(document);
        foreach (var component in pipeline.Components)
        {
            if (component is EntityAnnotator entities) return entities.Authority ?? document.Metadata.Authority;
        }
        return null;
    }

    /// <summary>The version under which <paramref name="pipeline"/>'s analysis of <paramref name="document"/> is stored.</summary>
    public static string Of(AnalysisPipeline pipeline, SourceDocument document) =>
        ListFor(pipeline, document) is { } list ? $"{pipeline.Version}+authority.{list.Fingerprint}" : pipeline.Version;
}
