using Annalist.Core.Entities;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Formats.Authority;

namespace Annalist.Cli.Commands;

/// <summary>The <c>--authority FILE.csv</c> option of <c>analyze</c> and <c>ingest</c>: people that person entities link to.</summary>
internal static class AuthorityOption
{
    public const string Help = "A CSV of known people (columns id, name, and optionally variants separated by |, description, birth, death, active) that person entities are linked to; see docs/layers/entities.md.";

    /// <summary>
    /// <paramref name="pipeline"/> itself when <paramref name="path"/> is null, else the same components with the
    /// entity annotator linking to the list read from <paramref name="path"/> (coded errors ANL1052–1056 for a bad file).
    /// </summary>
    public static AnalysisPipeline Apply(AnalysisPipeline pipeline, string? path)
    {
        if (path is null) return pipeline;
        var list = AuthorityCsvReader.ReadFile(path);
        if (!pipeline.Components.Any(c => c is EntityAnnotator))
            throw new AnnalistException(ErrorCatalogue.InvalidOption, "--authority needs the entities component, which this pipeline does not run.");
        return new PipelineBuilder().AddRange(pipeline.Components.Select(c => c is EntityAnnotator entities ? entities.WithAuthority(list) : c)).Build();
    }

    public static string? Validate(string? path) =>
        path is null ? null
        : string.IsNullOrWhiteSpace(path) || path.StartsWith("__", StringComparison.Ordinal) ? "--authority needs a CSV file name."
        : null;
}
