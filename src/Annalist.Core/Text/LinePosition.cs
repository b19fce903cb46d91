namespace Annalist.Core.Text;

/// <summary>A one-based line and one-based column (in UTF-16 code units) of an offset.</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
