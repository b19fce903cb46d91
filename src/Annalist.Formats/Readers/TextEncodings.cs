using System.Text;
using Annalist.Core.Errors;

namespace Annalist.Formats.Readers;

/// <summary>Turns an encoding name a user gives (<c>windows-1252</c>, <c>latin1</c>, <c>iso-8859-15</c>) into a strict decoder.</summary>
public static class TextEncodings
{
    private static readonly Lazy<bool> CodePagesRegistered = new(() =>
    {
        // Windows code pages (1252 and the rest) are not among .NET's built-in encodings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    /// <summary>
    /// The encoding named <paramref name="name"/>, throwing on bytes it cannot decode rather than replacing them,
    /// so that a wrong choice is reported instead of silently changing the text.
    /// </summary>
    /// <exception cref="AnnalistException">ANL1012 when no encoding has that name.</exception>
    public static Encoding Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _ = CodePagesRegistered.Value;
        string trimmed = name.Trim();
        try
        {
            if (trimmed.Length == 0) throw new ArgumentException("empty", nameof(name));
            return Encoding.GetEncoding(Alias(trimmed), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            throw new AnnalistException(ErrorCatalogue.UnknownEncoding, trimmed);
        }
    }

    /// <summary>Names people use that the platform spells differently (<c>cp1252</c>, <c>latin-1</c>).</summary>
    private static string Alias(string name) => name.ToLowerInvariant() switch
    {
        "cp1252" or "win1252" or "windows1252" or "ansi" => "windows-1252",
        "latin-1" or "latin_1" or "l1" => "iso-8859-1",
        "latin-9" or "latin9" => "iso-8859-15",
        "utf8" => "utf-8",
        _ => name,
    };
}
