using System.Text.Json;

namespace Annalist.Formats.Tests.Json;

/// <summary>
/// Checks a JSON value against the subset of JSON Schema that <c>docs/schema/analysis.schema.json</c>
/// uses: <c>type</c>, <c>required</c>, <c>properties</c>, <c>additionalProperties</c>, <c>items</c>,
/// <c>enum</c>, <c>minimum</c>, <c>anyOf</c> and local <c>$ref</c>s (which apply beside sibling keywords).
/// </summary>
internal sealed class MiniSchemaChecker
{
    private readonly JsonElement _root;

    public MiniSchemaChecker(JsonElement root)
    {
        _root = root;
    }

    /// <summary>Every violation, each with the JSON path where it was found; empty when the value conforms.</summary>
    public List<string> Check(JsonElement value)
    {
        var errors = new List<string>();
        Check(_root, value, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference)) Check(Resolve(reference.GetString()!), value, path, errors);
        if (schema.TryGetProperty("type", out var type) && !HasType(value, type))
            errors.Add($"{path}: expected {type.GetRawText()}, found {value.ValueKind}");
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
            errors.Add($"{path}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        if (schema.TryGetProperty("minimum", out var minimum) && value.ValueKind == JsonValueKind.Number && value.GetDouble() < minimum.GetDouble())
            errors.Add($"{path}: {value.GetRawText()} is below {minimum.GetRawText()}");
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            bool any = anyOf.EnumerateArray().Any(option =>
            {
                var optionErrors = new List<string>();
                Check(option, value, path, optionErrors);
                return optionErrors.Count == 0;
            });
            if (!any) errors.Add($"{path}: matches none of anyOf");
        }
        if (value.ValueKind == JsonValueKind.Object) CheckObject(schema, value, path, errors);
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            int i = 0;
            foreach (var item in value.EnumerateArray()) Check(items, item, $"{path}[{i++}]", errors);
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray())
            {
                if (!value.TryGetProperty(name.GetString()!, out _)) errors.Add($"{path}: missing required \"{name.GetString()}\"");
            }
        }
        schema.TryGetProperty("properties", out var properties);
        bool hasProperties = properties.ValueKind == JsonValueKind.Object;
        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject())
        {
            string childPath = $"{path}.{property.Name}";
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema)) Check(propertySchema, property.Value, childPath, errors);
            else if (additional.ValueKind == JsonValueKind.False) errors.Add($"{childPath}: not allowed");
            else if (additional.ValueKind == JsonValueKind.Object) Check(additional, property.Value, childPath, errors);
        }
    }

    private static bool HasType(JsonElement value, JsonElement type)
    {
        if (type.ValueKind == JsonValueKind.Array) return type.EnumerateArray().Any(t => HasType(value, t));
        return type.GetString() switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            var other => throw new NotSupportedException($"schema type {other}"),
        };
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) throw new NotSupportedException($"$ref {reference}");
        var node = _root;
        foreach (string part in reference[2..].Split('/')) node = node.GetProperty(part);
        return node;
    }
}
