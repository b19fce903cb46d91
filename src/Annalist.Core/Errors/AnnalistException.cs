namespace Annalist.Core.Errors;

/// <summary>A failure a user must see, carrying its catalogue code. Thrown only at the edges (input, configuration).</summary>
public sealed class AnnalistException : Exception
{
    public AnnalistException(ErrorCode code, params object[] arguments) : base(code.Format(arguments))
    {
        Error = code;
    }

    public AnnalistException(ErrorCode code, Exception inner, params object[] arguments) : base(code.Format(arguments), inner)
    {
        Error = code;
    }

    public ErrorCode Error { get; }

    public string Code => Error.Code;

    /// <summary>The single line shown to a user: <c>ANL1001: File not found: x.txt</c>.</summary>
    public string ToOneLine() => $"{Code}: {Message.ReplaceLineEndings(" ")}";
}
