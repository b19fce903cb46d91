namespace Annalist.Core.Pipeline;

/// <summary>
/// A pipeline component. It reads the layers it requires and returns the layers it produces, never
/// changing anything it was given. Implementations are stateless after construction and thread-safe:
/// one instance analyzes many documents at once. Analysis must not throw on any text.
/// </summary>
public abstract class Annotator
{
    public abstract ComponentId Id { get; }

    /// <summary>Names of the layers this component reads.</summary>
    public abstract IReadOnlyList<string> Requires { get; }

    /// <summary>
    /// Names of layers this component reads when some component produces them (entities for speaker
    /// resolution, say). The builder orders this component after their producers; without one, it runs anyway.
    /// </summary>
    public virtual IReadOnlyList<string> OptionalRequires => [];

    /// <summary>Names of the layers this component returns, every one of them on every document.</summary>
    public abstract IReadOnlyList<string> Produces { get; }

    public abstract AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken);

    public override string ToString() => Id.ToString();
}
