using Annalist.Core.Pipeline;
using Annalist.Core.Syntax;

namespace Annalist.Cli.Commands;

/// <summary>
/// The <c>--full-syntax</c> option of <c>analyze</c> and <c>export</c>: a dependency tree for every sentence, for users
/// who read the <c>dependencies</c> layer itself (by default only the sentences the events layer reads are parsed).
/// </summary>
internal static class FullSyntaxOption
{
    public const string Help = "Parse every sentence (slower): by default the dependencies layer has trees only for the sentences the events layer reads, and head -1, deprel _ elsewhere; see docs/syntax.md.";

    /// <summary><paramref name="pipeline"/> itself unless <paramref name="enabled"/>, else the same components with the parser set to parse every sentence.</summary>
    public static AnalysisPipeline Apply(AnalysisPipeline pipeline, bool enabled) =>
        !enabled || !pipeline.Components.Any(c => c is DependencyAnnotator)
            ? pipeline
            : new PipelineBuilder().AddRange(pipeline.Components.Select(c =>
                c is DependencyAnnotator ? new DependencyAnnotator(options: DependencyAnnotatorOptions.EverySentence) : c)).Build();
}
