using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;

namespace Annalist.Formats.Export.WebAnnotation;

/// <summary>
/// Writes a document as W3C Web Annotation JSON-LD (<c>http://www.w3.org/ns/anno.jsonld</c>): one
/// <c>AnnotationCollection</c> whose first <c>AnnotationPage</c> holds an <c>Annotation</c> per mention, entity,
/// timex, turn, event, quantity, attribution and editorial mark. Each target is a <c>SpecificResource</c> on the
/// document (<see cref="DocumentUri"/>) with a <c>TextPositionSelector</c> in code points (the model counts
/// characters as code points, not UTF-16 units) and a <c>TextQuoteSelector</c>. Bodies: the annotation's class as a
/// <c>tagging</c> <c>TextualBody</c>; the entity a mention names as an <c>identifying</c> <c>SpecificResource</c>, and
/// entities related otherwise (speakers, addressees, event roles with <c>annalist:role</c>) as <c>linking</c> ones;
/// its other values as <c>describing</c> bodies (<c>TextualBody</c>, or a <c>SpecificResource</c> on the text for a
/// nested span). <c>annalist:field</c> names the JSON field (<c>docs/json-format.md</c>) a body comes from.
/// Stateless apart from the creation time; thread-safe.
/// </summary>
public sealed class WebAnnotationWriter : IDocumentExportWriter
{
    public const string AnnotationContext = "http://www.w3.org/ns/anno.jsonld";

    /// <summary>The prefix of Annalist's own terms (<c>annalist:field</c>, <c>annalist:role</c>, <c>annalist:layer</c>).</summary>
    public const string Namespace = "urn:annalist:ns:";

    /// <summary>How many characters (code points kept whole) a quote selector's prefix and suffix hold at most.</summary>
    public const int ContextLength = 32;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What each layer becomes: its motivation, the field that classifies it, and the fields naming entities it links to.</summary>
    private static readonly LayerMapping[] Mappings =
    [
        new(LayerNames.Mentions, "identifying", "type", ["entity"]),
        new(LayerNames.Entities, "identifying", "type", []),
        new(LayerNames.Timexes, "describing", "type", []),
        new(LayerNames.Turns, "describing", "mode", ["speakers", "addressees"]),
        new(LayerNames.Events, "describing", "type", ["speakers"]),
        new(LayerNames.Quantities, "describing", "kind", []),
        new(LayerNames.Attributions, "describing", "evidentiality", ["source_holder"]),
        new(LayerNames.Editorial, "classifying", "kind", []),
    ];

    private readonly string _created;

    /// <param name="created">The time written as every annotation's <c>created</c>: the export's time, since the store keeps none.</param>
    public WebAnnotationWriter(DateTimeOffset created)
    {
        _created = created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    public string Format => ExportFormats.WebAnno;

    public string Extension => ".jsonld";

    /// <summary>
    /// The document's key as a URI: <c>urn:annalist:doc:</c> followed by the key with every character outside
    /// RFC 3986's <c>pchar</c> set (and <c>%</c>) percent-encoded as UTF-8, so <c>vol.xml#d12</c> gives <c>urn:annalist:doc:vol.xml%23d12</c>.
    /// </summary>
    public static string DocumentUri(string key)
    {
        var builder = new StringBuilder("urn:annalist:doc:", key.Length + 17);
        Span<byte> bytes = stackalloc byte[4];
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (c < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".Contains(c)))
            {
                builder.Append(c);
                continue;
            }
            int length = char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1])
                ? new Rune(c, key[++i]).EncodeToUtf8(bytes)
                : (Rune.TryCreate(c, out var rune) ? rune : Rune.ReplacementChar).EncodeToUtf8(bytes);
            for (int b = 0; b < length; b++) builder.Append('%').Append(bytes[b].ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> Write(ExportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var text = new CodePointText(document.Text);
        string source = DocumentUri(document.Key);
        var producers = document.Layers.ToDictionary(layer => layer.Name, layer => layer.Producer, StringComparer.Ordinal);
        int total = Mappings.Sum(mapping => document.Items(mapping.Layer).Length);

        using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WritePropertyName("@context");
        json.WriteStartArray();
        json.WriteStringValue(AnnotationContext);
        json.WriteStartObject();
        json.WriteString("annalist", Namespace);
        json.WriteString("field", "annalist:field");
        json.WriteString("role", "annalist:role");
        json.WriteString("layer", "annalist:layer");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("id", source + "#annotations");
        json.WriteString("type", "AnnotationCollection");
        json.WriteString("label", Clean(document.Metadata.Title ?? document.Name));
        json.WriteNumber("total", total);
        json.WritePropertyName("first");
        json.WriteStartObject();
        json.WriteString("id", source + "#annotations-page-1");
        json.WriteString("type", "AnnotationPage");
        json.WriteNumber("startIndex", 0);
        json.WritePropertyName("items");
        json.WriteStartArray();
        foreach (var mapping in Mappings)
        {
            string producer = producers.GetValueOrDefault(mapping.Layer) ?? mapping.Layer;
            var items = document.Items(mapping.Layer);
            for (int i = 0; i < items.Length; i++)
                WriteAnnotation(json, text, source, mapping, producer, items[i], $"{source}#{mapping.Layer}-{i + 1}");
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        return text.LoneSurrogates > 0
            ? [Diagnostic.From(ErrorCatalogue.LoneSurrogatesReplaced, new TextSpan(text.FirstLoneSurrogate, text.FirstLoneSurrogate + 1), null, text.LoneSurrogates, text.FirstLoneSurrogate)]
            : [];
    }

    private void WriteAnnotation(Utf8JsonWriter json, CodePointText text, string source, LayerMapping mapping, string producer, ExportAnnotation item, string id)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("type", "Annotation");
        json.WriteString("layer", mapping.Layer);
        json.WriteString("motivation", mapping.Layer == LayerNames.Mentions && item.String("entity") is null ? "tagging" : mapping.Motivation);
        json.WriteString("created", _created);
        json.WritePropertyName("creator");
        WriteSoftware(json, "Annalist " + producer);
        json.WritePropertyName("generator");
        WriteSoftware(json, "Annalist");

        json.WritePropertyName("body");
        json.WriteStartArray();
        WriteBodies(json, text, source, mapping, item);
        json.WriteEndArray();

        json.WritePropertyName("target");
        var targets = mapping.Layer == LayerNames.Entities ? item.NestedSpans("mentions") : [];
        if (targets.Count == 0) WriteTarget(json, text, source, item.Span);
        else
        {
            json.WriteStartArray();
            foreach (var span in targets) WriteTarget(json, text, source, span);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteSoftware(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject();
        json.WriteString("type", "Software");
        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static void WriteBodies(Utf8JsonWriter json, CodePointText text, string source, LayerMapping mapping, ExportAnnotation item)
    {
        if (item.Fields.ValueKind != JsonValueKind.Object) return;
        if (mapping.Layer == LayerNames.Entities && item.String("id") is { Length: > 0 } entityId)
        {
            WriteEntity(json, source, entityId, "identifying", null, null);
            if (item.String("name") is { } name) WriteTextual(json, "identifying", "name", name);
        }
        foreach (var property in item.Fields.EnumerateObject())
        {
            string field = property.Name;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null || (mapping.Layer == LayerNames.Entities && field is "id" or "name" or "mentions")) continue;
            if (field == mapping.TagField && ExportAnnotation.AsText(value) is { } tag)
            {
                WriteTextual(json, "tagging", null, tag);
                continue;
            }
            if (mapping.EntityFields.Contains(field))
            {
                // A mention's entity is what it names; a speaker or a source is only related to the span.
                string purpose = mapping.Layer == LayerNames.Mentions ? "identifying" : "linking";
                foreach (string entity in item.Strings(field)) WriteEntity(json, source, entity, purpose, field, null);
                continue;
            }
            if (field == "roles" && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var role in value.EnumerateObject())
                    foreach (string entity in ExportTexts(role.Value)) WriteEntity(json, source, entity, "linking", field, role.Name);
                continue;
            }
            WriteDescribing(json, text, source, field, value);
        }
    }

    /// <summary>Scalars and lists of them as text, spans as parts of the document, objects field by field (<c>time.start</c>); lists of objects are left to the JSON export.</summary>
    private static void WriteDescribing(Utf8JsonWriter json, CodePointText text, string source, string field, JsonElement value)
    {
        if (ExportAnnotation.AsText(value) is { } scalar)
        {
            WriteTextual(json, "describing", field, scalar);
            return;
        }
        if (ExportAnnotation.AsSpan(value) is { } span && span.End <= text.Length)
        {
            json.WriteStartObject();
            json.WriteString("type", "SpecificResource");
            json.WriteString("purpose", "describing");
            json.WriteString("field", field);
            WriteSourceAndSelectors(json, text, source, span);
            json.WriteEndObject();
            return;
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var inner in value.EnumerateObject())
                if (ExportAnnotation.AsText(inner.Value) is { } innerText) WriteTextual(json, "describing", field + "." + inner.Name, innerText);
            return;
        }
        if (value.ValueKind == JsonValueKind.Array)
            foreach (var element in value.EnumerateArray())
                if (ExportAnnotation.AsText(element) is { } elementText) WriteTextual(json, "describing", field, elementText);
    }

    private static IEnumerable<string> ExportTexts(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(ExportAnnotation.AsText).OfType<string>(),
        _ => ExportAnnotation.AsText(value) is { } single ? [single] : [],
    };

    private static void WriteTextual(Utf8JsonWriter json, string purpose, string? field, string value)
    {
        json.WriteStartObject();
        json.WriteString("type", "TextualBody");
        json.WriteString("purpose", purpose);
        if (field is not null) json.WriteString("field", field);
        json.WriteString("value", Clean(value));
        json.WriteEndObject();
    }

    private static void WriteEntity(Utf8JsonWriter json, string source, string entity, string purpose, string? field, string? role)
    {
        json.WriteStartObject();
        json.WriteString("type", "SpecificResource");
        json.WriteString("purpose", purpose);
        if (field is not null) json.WriteString("field", field);
        if (role is not null) json.WriteString("role", role);
        json.WriteString("source", EntityUri(source, entity));
        json.WriteEndObject();
    }

    /// <summary>A document entity's URI: the document's URI with fragment <c>entity-ID</c>.</summary>
    public static string EntityUri(string documentUri, string entity) => documentUri + "#entity-" + Uri.EscapeDataString(entity);

    private static void WriteTarget(Utf8JsonWriter json, CodePointText text, string source, TextSpan span)
    {
        json.WriteStartObject();
        json.WriteString("type", "SpecificResource");
        WriteSourceAndSelectors(json, text, source, span);
        json.WriteEndObject();
    }

    private static void WriteSourceAndSelectors(Utf8JsonWriter json, CodePointText text, string source, TextSpan span)
    {
        var (start, end) = text.Widen(span);
        json.WriteString("source", source);
        json.WritePropertyName("selector");
        json.WriteStartArray();
        json.WriteStartObject();
        json.WriteString("type", "TextPositionSelector");
        json.WriteNumber("start", text.CodePointIndex(start));
        json.WriteNumber("end", text.CodePointIndex(end));
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("type", "TextQuoteSelector");
        json.WriteString("exact", text.Slice(start, end));
        json.WriteString("prefix", text.Slice(text.Back(start, ContextLength), start));
        json.WriteString("suffix", text.Slice(end, text.Forward(end, ContextLength)));
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>Lone surrogates cannot be written as UTF-8: each becomes U+FFFD, one character for one.</summary>
    private static string Clean(string value) => CodePointText.ReplaceLoneSurrogates(value);

    private sealed record LayerMapping(string Layer, string Motivation, string TagField, string[] EntityFields);
}
