using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Tokens;

/// <summary>A token: a span and its kind. White space is never part of a token.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind) : IAnnotation
{
    public void WriteFields(IFieldWriter writer) => writer.String("kind", TokenKindNames.Of(Kind));
}

public static class TokenKindNames
{
    private static readonly string[] Names = Enum.GetNames<TokenKind>().Select(n => n.ToLowerInvariant()).ToArray();

    public static string Of(TokenKind kind) => Names[(int)kind];
}
