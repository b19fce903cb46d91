using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Syntax;

/// <summary>The part of speech of one token: a UPOS tag and a Penn Treebank XPOS tag.</summary>
public readonly record struct PosTag(TextSpan Span, string Universal, string Language) : IAnnotation
{
    public void WriteFields(IFieldWriter writer)
    {
        writer.String("pos", Universal);
        writer.String("xpos", Language);
    }
}
