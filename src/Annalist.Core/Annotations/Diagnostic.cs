using Annalist.Core.Errors;
using Annalist.Core.Text;

namespace Annalist.Core.Annotations;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>Something analysis noticed about the text: never a failure, always a result beside the layers.</summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, TextSpan? Span = null, string? Producer = null)
{
    public static Diagnostic From(ErrorCode code, TextSpan? span, string? producer, params object[] arguments) =>
        new(code.Code, code.Severity, code.Format(arguments), span, producer);
}
