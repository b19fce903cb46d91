using System.Collections.Immutable;
using System.Text.Json;
using Annalist.Core.Errors;
using Annalist.Formats.Readers;

namespace Annalist.Evaluation.Gold;

/// <summary>
/// Reads <c>annalist-gold/1</c> files. Every problem (missing file, invalid JSON, another format
/// version, a missing or mistyped field) is an <see cref="AnnalistException"/> with a one-line message
/// naming the file and the field. Unknown keys such as <c>note</c> are ignored.
/// </summary>
public static class GoldFileReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <exception cref="AnnalistException">ANL1001, ANL1005, ANL1101, ANL1102 or ANL1103.</exception>
    public static GoldFile ReadFile(string path)
    {
        if (!File.Exists(path)) throw MissingFile.Error(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AnnalistException(ErrorCatalogue.UnreadableFile, exception, path, exception.Message);
        }
        return Parse(json, path);
    }

    /// <summary>Parses gold JSON; <paramref name="path"/> names it in messages and anchors its <c>document</c>.</summary>
    /// <exception cref="AnnalistException">ANL1101, ANL1102 or ANL1103.</exception>
    public static GoldFile Parse(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException exception)
        {
            throw new AnnalistException(ErrorCatalogue.MalformedGoldFile, exception, path, (exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1, FirstSentence(exception.Message));
        }
        using (document)
        {
            var root = document.RootElement;
            var context = new Context(path);
            if (root.ValueKind != JsonValueKind.Object) throw context.Invalid("the top level must be a JSON object");
            string? format = OptionalString(root, "format", context);
            if (format != GoldFile.FormatVersion) throw new AnnalistException(ErrorCatalogue.UnsupportedGoldFormat, path, format ?? "(none)");
            var file = new GoldFile
            {
                Path = path,
                Document = RequiredString(root, "document", context),
                ReferenceTime = OptionalString(root, "reference_time", context),
                TurnModes = root.TryGetProperty("turn_modes", out var modes) && modes.ValueKind != JsonValueKind.Null
                    ? StringArray(modes, context.At("turn_modes"))
                    : ["direct", "reported"],
                Entities = Layer(root, "entities", context, ReadEntity),
                Timexes = Layer(root, "timexes", context, (e, c) => new GoldTimex(
                    RequiredString(e, "text", c), RequiredString(e, "type", c), RequiredString(e, "value", c), Occurrence(e, c), OptionalBoolean(e, "editorial", c))),
                Turns = Layer(root, "turns", context, ReadTurn),
                Events = Layer(root, "events", context, ReadEvent),
                Quantities = Layer(root, "quantities", context, ReadQuantity),
                Editorial = Layer(root, "editorial", context, (e, c) => new GoldEditorial(RequiredString(e, "kind", c), RequiredString(e, "text", c), Occurrence(e, c))),
                Attributions = Layer(root, "attributions", context, (e, c) => new GoldAttribution(
                    RequiredString(e, "text", c), RequiredString(e, "evidentiality", c), OptionalString(e, "source_holder", c), Occurrence(e, c))),
            };
            CheckEntityReferences(file, context);
            return file;
        }
    }

    /// <summary>Speakers, role fillers and source holders must name entities of the file, so a typing error cannot pass as a miss.</summary>
    private static void CheckEntityReferences(GoldFile file, Context context)
    {
        var known = (file.Entities ?? []).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var duplicate = (file.Entities ?? []).GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw context.At("entities").Invalid($"has two entities with id '{duplicate.Key}'");
        void Check(string where, string id)
        {
            if (!known.Contains(id)) throw context.At(where).Invalid($"names entity '{id}', which is not in 'entities'");
        }
        var turns = file.Turns ?? [];
        for (int i = 0; i < turns.Length; i++)
        {
            foreach (string speaker in turns[i].Speakers) Check($"turns[{i}].speakers", speaker);
        }
        var events = file.Events ?? [];
        for (int i = 0; i < events.Length; i++)
        {
            foreach (var (role, fillers) in events[i].Roles)
            {
                foreach (string filler in fillers) Check($"events[{i}].roles.{role}", filler);
            }
        }
        var attributions = file.Attributions ?? [];
        for (int i = 0; i < attributions.Length; i++)
        {
            if (attributions[i].SourceHolder is { } holder) Check($"attributions[{i}].source_holder", holder);
        }
    }

    private static GoldEntity ReadEntity(JsonElement element, Context context)
    {
        if (!element.TryGetProperty("mentions", out var mentions) || mentions.ValueKind != JsonValueKind.Array)
            throw context.Invalid("'mentions' is missing or not a list");
        var forms = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        int index = 0;
        foreach (var mention in mentions.EnumerateArray())
        {
            var at = context.At($"mentions[{index++}]");
            if (mention.ValueKind == JsonValueKind.String) forms.Add([mention.GetString()!]);
            else if (mention.ValueKind == JsonValueKind.Array && mention.GetArrayLength() > 0) forms.Add(StringArray(mention, at));
            else throw at.Invalid("a mention must be a string or a non-empty list of strings");
        }
        return new GoldEntity(
            RequiredString(element, "id", context),
            RequiredString(element, "type", context),
            OptionalString(element, "name", context) ?? RequiredString(element, "id", context),
            forms.ToImmutable(),
            element.TryGetProperty("also_types", out var also) ? StringArray(also, context.At("also_types")) : []);
    }

    private static GoldTurn ReadTurn(JsonElement element, Context context)
    {
        ImmutableArray<string> speakers;
        if (element.TryGetProperty("speakers", out var many)) speakers = StringArray(many, context.At("speakers"));
        else if (OptionalString(element, "speaker", context) is { } one) speakers = [one];
        else speakers = [];
        return new GoldTurn(speakers, OptionalString(element, "mode", context), RequiredString(element, "starts", context), OptionalString(element, "ends", context), Occurrence(element, context));
    }

    private static GoldEvent ReadEvent(JsonElement element, Context context)
    {
        var roles = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        if (element.TryGetProperty("roles", out var roleObject) && roleObject.ValueKind != JsonValueKind.Null)
        {
            if (roleObject.ValueKind != JsonValueKind.Object) throw context.At("roles").Invalid("must be an object of role to entity ids");
            foreach (var role in roleObject.EnumerateObject()) roles[role.Name] = StringArray(role.Value, context.At("roles." + role.Name));
        }
        var items = ImmutableArray.CreateBuilder<GoldEventItem>();
        if (element.TryGetProperty("items", out var itemList) && itemList.ValueKind != JsonValueKind.Null)
        {
            if (itemList.ValueKind != JsonValueKind.Array) throw context.At("items").Invalid("must be a list");
            int index = 0;
            foreach (var item in itemList.EnumerateArray())
            {
                var at = context.At($"items[{index++}]");
                if (item.ValueKind != JsonValueKind.Object) throw at.Invalid("must be an object with 'item'");
                items.Add(new GoldEventItem(RequiredString(item, "item", at), OptionalNumber(item, "quantity", at)));
            }
        }
        string? start = null, end = null;
        if (element.TryGetProperty("time", out var time) && time.ValueKind != JsonValueKind.Null)
        {
            if (time.ValueKind != JsonValueKind.Object) throw context.At("time").Invalid("must be an object with 'start' and optionally 'end'");
            start = OptionalString(time, "start", context.At("time"));
            end = OptionalString(time, "end", context.At("time"));
        }
        return new GoldEvent(
            RequiredString(element, "type", context),
            RequiredString(element, "evidence", context),
            roles.ToImmutable(),
            items.ToImmutable(),
            start,
            end,
            OptionalString(element, "polarity", context) ?? "positive",
            OptionalString(element, "source", context),
            Occurrence(element, context));
    }

    private static GoldQuantity ReadQuantity(JsonElement element, Context context)
    {
        double? value = OptionalNumber(element, "value", context);
        double? min = OptionalNumber(element, "min", context);
        double? max = OptionalNumber(element, "max", context);
        if (value is null && (min is null || max is null)) throw context.Invalid("a quantity needs 'value', or both 'min' and 'max'");
        return new GoldQuantity(RequiredString(element, "text", context), value, min, max, OptionalString(element, "unit", context), OptionalString(element, "qualifier", context), Occurrence(element, context));
    }

    private static ImmutableArray<T>? Layer<T>(JsonElement root, string name, Context context, Func<JsonElement, Context, T> read)
    {
        if (!root.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null) return null;
        if (list.ValueKind != JsonValueKind.Array) throw context.At(name).Invalid("must be a list");
        var builder = ImmutableArray.CreateBuilder<T>(list.GetArrayLength());
        int index = 0;
        foreach (var element in list.EnumerateArray())
        {
            var at = context.At($"{name}[{index++}]");
            if (element.ValueKind != JsonValueKind.Object) throw at.Invalid("must be an object");
            builder.Add(read(element, at));
        }
        return builder.MoveToImmutable();
    }

    private static int Occurrence(JsonElement element, Context context)
    {
        double? occurrence = OptionalNumber(element, "occurrence", context);
        if (occurrence is null) return 1;
        if (occurrence < 1 || occurrence != Math.Floor(occurrence.Value) || occurrence > int.MaxValue)
            throw context.At("occurrence").Invalid("must be a whole number from 1");
        return (int)occurrence.Value;
    }

    private static string RequiredString(JsonElement element, string name, Context context) =>
        OptionalString(element, name, context) ?? throw context.At(name).Invalid("is missing; a string is required");

    private static string? OptionalString(JsonElement element, string name, Context context)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw context.At(name).Invalid("must be a string");
        return value.GetString();
    }

    private static double? OptionalNumber(JsonElement element, string name, Context context)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number) throw context.At(name).Invalid("must be a number");
        return value.GetDouble();
    }

    private static bool OptionalBoolean(JsonElement element, string name, Context context)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return false;
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw context.At(name).Invalid("must be true or false");
        return value.GetBoolean();
    }

    private static ImmutableArray<string> StringArray(JsonElement element, Context context)
    {
        if (element.ValueKind != JsonValueKind.Array) throw context.Invalid("must be a list of strings");
        var builder = ImmutableArray.CreateBuilder<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw context.Invalid("must be a list of strings");
            builder.Add(item.GetString()!);
        }
        return builder.MoveToImmutable();
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private sealed record Context(string Path, string Where = "")
    {
        public Context At(string field) => this with { Where = Where.Length == 0 ? field : field.StartsWith('[') ? Where + field : $"{Where}.{field}" };

        public AnnalistException Invalid(string problem) =>
            new(ErrorCatalogue.InvalidGoldField, Path, Where.Length == 0 ? problem : $"{Where} {problem}");
    }
}
