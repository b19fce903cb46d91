using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Text;
using Annalist.Formats.Export;

namespace Annalist.Formats.Tests.Export;

/// <summary>Builds export documents by hand, as a store would hand them over, for layouts no analysis makes on purpose.</summary>
internal static class ExportFixtures
{
    /// <summary>A document from rows: each <c>(layer, start, end, fields as JSON)</c>.</summary>
    public static ExportDocument Stored(string text, params (string Layer, int Start, int End, string Fields)[] rows)
    {
        var layers = rows.Select(row => row.Layer).Distinct().Select(name => new ExportSourceLayer(name, name + ".v1", null));
        return ExportDocument.FromStored("test#1", "test.txt", text, DocumentMetadata.Empty, "0", "pipeline",
            layers, rows.Select(row => new ExportSourceAnnotation(row.Layer, new TextSpan(row.Start, row.End), row.Fields)), []);
    }

    /// <summary>The span of the <paramref name="occurrence"/>th <paramref name="quote"/> in <paramref name="text"/>.</summary>
    public static (int Start, int End) Find(string text, string quote, int occurrence = 1)
    {
        int at = -1;
        for (int i = 0; i < occurrence; i++) at = text.IndexOf(quote, at + 1, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"'{quote}' is not in the text");
        return (at, at + quote.Length);
    }

    public static string Fields(object fields) => JsonSerializer.Serialize(fields);
}
