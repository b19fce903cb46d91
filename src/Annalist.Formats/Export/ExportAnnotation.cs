using System.Globalization;
using System.Text.Json;
using Annalist.Core.Text;

namespace Annalist.Formats.Export;

/// <summary>
/// One annotation of an export: its span and its fields as a JSON object (the shape of
/// <c>docs/json-format.md</c>). The readers below never throw: a missing or mistyped field reads as absent.
/// </summary>
public readonly record struct ExportAnnotation(TextSpan Span, JsonElement Fields)
{
    public bool Has(string name) => Fields.ValueKind == JsonValueKind.Object && Fields.TryGetProperty(name, out _);

    public JsonElement? Get(string name) =>
        Fields.ValueKind == JsonValueKind.Object && Fields.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A string field; a number or boolean is given in its invariant text form.</summary>
    public string? String(string name) => Get(name) is { } value ? AsText(value) : null;

    public double? Number(string name) =>
        Get(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetDouble(out double number) ? number : null;

    public long? Integer(string name) =>
        Get(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out long number) ? number : null;

    public bool? Boolean(string name) => Get(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>A list of strings; a single string reads as a list of one.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        if (Get(name) is not { } value) return [];
        if (value.ValueKind == JsonValueKind.String) return [value.GetString()!];
        if (value.ValueKind != JsonValueKind.Array) return [];
        var result = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
            if (AsText(item) is { } text) result.Add(text);
        return result;
    }

    /// <summary>A nested span <c>{start, end}</c> or pair <c>[start, end]</c>; null when absent or malformed.</summary>
    public TextSpan? NestedSpan(string name) => Get(name) is { } value ? AsSpan(value) : null;

    /// <summary>A list of nested spans (objects or pairs), malformed items skipped.</summary>
    public IReadOnlyList<TextSpan> NestedSpans(string name)
    {
        if (Get(name) is not { ValueKind: JsonValueKind.Array } value) return [];
        var result = new List<TextSpan>();
        foreach (var item in value.EnumerateArray())
            if (AsSpan(item) is { } span) result.Add(span);
        return result;
    }

    internal static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    internal static TextSpan? AsSpan(JsonElement value)
    {
        long start, end;
        if (value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("start", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out start)
            && value.TryGetProperty("end", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out end))
            return Valid(start, end);
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2
            && value[0].ValueKind == JsonValueKind.Number && value[0].TryGetInt64(out start)
            && value[1].ValueKind == JsonValueKind.Number && value[1].TryGetInt64(out end))
            return Valid(start, end);
        return null;
    }

    private static TextSpan? Valid(long start, long end) =>
        start >= 0 && end >= start && end <= int.MaxValue ? new TextSpan((int)start, (int)end) : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Span} {Fields.GetRawText()}");
}
