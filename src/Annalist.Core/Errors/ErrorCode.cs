using System.Globalization;
using Annalist.Core.Annotations;

namespace Annalist.Core.Errors;

/// <summary>One entry of the catalogue: a stable code, a severity and a plain-language message template.</summary>
public sealed class ErrorCode
{
    internal ErrorCode(string code, DiagnosticSeverity severity, string template)
    {
        Code = code;
        Severity = severity;
        Template = template;
    }

    /// <summary>Stable identifier such as <c>ANL1001</c>; never reused for another meaning.</summary>
    public string Code { get; }

    public DiagnosticSeverity Severity { get; }

    /// <summary>A composite format string; arguments fill its holes.</summary>
    public string Template { get; }

    public string Format(params object[] arguments) =>
        arguments.Length == 0 ? Template : string.Format(CultureInfo.InvariantCulture, Template, arguments);

    public override string ToString() => Code;
}
