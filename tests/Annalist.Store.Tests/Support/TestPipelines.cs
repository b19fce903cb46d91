using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Store.Tests.Support;

/// <summary>A capitalized word, typed as a name: a stand-in for the mentions layer that is not built yet.</summary>
internal sealed record NameMention(TextSpan Span, string Type) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.String("type", Type);
        writer.Span("head", Span);
    }
}

/// <summary>A mention whose fields cannot be written: an annotator's bug the store must survive.</summary>
internal sealed record BrokenMention(TextSpan Span) : IAnnotation
{
    public void WriteFields(IFieldWriter writer) => throw new InvalidOperationException("This annotation cannot describe itself.");
}

/// <summary>
/// Marks every capitalized word that does not begin a sentence as a NAME mention; the version is a
/// parameter so that tests can change the pipeline's version. Texts containing <see cref="BrokenWord"/>
/// get mentions that fail to render.
/// </summary>
internal sealed class CapitalizedWordsAnnotator(int version = 1) : Annotator
{
    public const string BrokenWord = "Unrenderable";

    public override ComponentId Id { get; } = new("test.capitalized", version);

    public override IReadOnlyList<string> Requires => [];

    public override IReadOnlyList<string> Produces => [LayerNames.Mentions];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        string text = state.Text;
        var spans = new List<TextSpan>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            int end = i;
            while (end < text.Length && char.IsLetter(text[end])) end++;
            if (char.IsUpper(text[i]) && !BeginsSentence(text, i)) spans.Add(new TextSpan(i, end));
            i = end;
        }
        var diagnostics = spans.Count == 0 ? new[] { new Diagnostic("TEST001", DiagnosticSeverity.Info, "No names.", null, Id.ToString()) } : [];
        if (text.Contains(BrokenWord, StringComparison.Ordinal))
            return AnnotatorResult.Of(new Layer<BrokenMention>(LayerNames.Mentions, Id, spans.Select(s => new BrokenMention(s))), diagnostics);
        return AnnotatorResult.Of(new Layer<NameMention>(LayerNames.Mentions, Id, spans.Select(s => new NameMention(s, "NAME"))), diagnostics);
    }

    private static bool BeginsSentence(string text, int index)
    {
        int j = index - 1;
        while (j >= 0 && char.IsWhiteSpace(text[j])) j--;
        return j < 0 || text[j] is '.' or '!' or '?' or ':';
    }
}

internal static class TestPipelines
{
    public static AnalysisPipeline Create(int version = 1) => new PipelineBuilder().Add(new CapitalizedWordsAnnotator(version)).Build();

    public static AnalyzedDocument Analyze(string name, string text, int version = 1, string? source = null) =>
        Create(version).Analyze(new SourceDocument(name, text, new DocumentMetadata { Source = source ?? name }));
}
