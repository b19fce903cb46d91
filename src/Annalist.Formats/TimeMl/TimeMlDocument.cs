using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Formats.TimeMl;

/// <summary>Which inline annotation scheme a timex came from.</summary>
public enum TimexScheme : byte
{
    /// <summary>TimeML <c>TIMEX3</c> (TempEval-3, TimeBank): <c>type</c> and <c>value</c>.</summary>
    Timex3,
    /// <summary>ACE/TERN <c>TIMEX2</c> (WikiWars <c>keyinline</c>): <c>VAL</c>, no type; the type is derived from the value.</summary>
    Timex2,
}

/// <summary>
/// One gold temporal expression of a TimeML or TIMEX2 file. <see cref="Span"/> points into
/// <see cref="TimeMlDocument.Document"/>'s plain text.
/// </summary>
public sealed record TimeMlTimex(TextSpan Span, string Text, string? Type, string? Value, string? Modifier, TimexScheme Scheme);

/// <summary>
/// A TimeML (<c>.tml</c>) or WikiWars inline-SGML file read into plain text: the content of its
/// <c>TEXT</c> element with tags stripped and entities decoded, the timexes inside it, and the
/// document creation time (the timex of <c>DCT</c> or <c>DATETIME</c>), which TempEval-3 does not score.
/// </summary>
public sealed class TimeMlDocument
{
    public TimeMlDocument(SourceDocument document, string? creationTime, ImmutableArray<TimeMlTimex> timexes, ImmutableArray<Diagnostic> diagnostics)
    {
        Document = document;
        CreationTime = creationTime;
        Timexes = timexes;
        Diagnostics = diagnostics;
    }

    /// <summary>The plain text of <c>TEXT</c>; its metadata date is the creation time.</summary>
    public SourceDocument Document { get; }

    /// <summary>The value of the document creation time (TIMEX3 <c>value</c> or TIMEX2 <c>VAL</c>), if any.</summary>
    public string? CreationTime { get; }

    /// <summary>Gold timexes inside <c>TEXT</c>, in document order (an enclosing one before what it encloses).</summary>
    public ImmutableArray<TimeMlTimex> Timexes { get; }

    /// <summary>What the reader noticed about odd markup (never fatal).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
