using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Formats.Readers;

/// <summary>A document a reader made, with what it noticed on the way (an empty file, for instance).</summary>
public sealed record DocumentReadResult(SourceDocument Document, ImmutableArray<Diagnostic> Diagnostics)
{
    public DocumentReadResult(SourceDocument document) : this(document, ImmutableArray<Diagnostic>.Empty)
    {
    }
}
