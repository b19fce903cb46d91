using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Evaluation.SystemOutput;

/// <summary>A nested span field (<c>{start, end, text}</c>).</summary>
public sealed record SpanField(TextSpan Span, string Text);

/// <summary>
/// The fields of one annotation as written through <see cref="IFieldWriter"/>: strings, numbers
/// (as doubles), booleans, nulls, spans, string lists, nested bags and lists of bags. Scorers read
/// layers through this neutral form, by the field names of <c>json-layers.md</c>, so a new layer
/// type is scored without any change here. Immutable once built.
/// </summary>
public sealed class FieldBag
{
    public static FieldBag Empty { get; } = new(ImmutableDictionary<string, object?>.Empty);

    private readonly ImmutableDictionary<string, object?> _fields;

    public FieldBag(ImmutableDictionary<string, object?> fields) => _fields = fields;

    public IEnumerable<string> Names => _fields.Keys;

    public bool Has(string name) => _fields.ContainsKey(name);

    /// <summary>A string field; numbers and booleans are rendered invariantly, anything else is null.</summary>
    public string? String(string name) => _fields.GetValueOrDefault(name) switch
    {
        string text => text,
        double number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => null,
    };

    public double? Number(string name) => _fields.GetValueOrDefault(name) switch
    {
        double number => number,
        string text when double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double parsed) => parsed,
        _ => null,
    };

    public bool? Boolean(string name) => _fields.GetValueOrDefault(name) as bool?;

    public SpanField? Span(string name) => _fields.GetValueOrDefault(name) as SpanField;

    /// <summary>A string list; a single string reads as a list of one, anything else as empty.</summary>
    public IReadOnlyList<string> Strings(string name) => _fields.GetValueOrDefault(name) switch
    {
        IReadOnlyList<string> list => list,
        string one => [one],
        _ => [],
    };

    public FieldBag? Bag(string name) => _fields.GetValueOrDefault(name) as FieldBag;

    public IReadOnlyList<FieldBag> Bags(string name) => _fields.GetValueOrDefault(name) as IReadOnlyList<FieldBag> ?? [];

    /// <summary>A copy with field <paramref name="name"/> set to <paramref name="value"/> (a string, number, bool, null, <see cref="SpanField"/>, string list, bag or list of bags).</summary>
    public FieldBag With(string name, object? value) => new(_fields.SetItem(name, value is int whole ? (double)whole : value is long big ? (double)big : value));

    /// <summary>Reads every field <paramref name="annotation"/> writes.</summary>
    public static FieldBag From(IAnnotation annotation, string text)
    {
        var writer = new FieldBagWriter(text);
        annotation.WriteFields(writer);
        return writer.Build();
    }

    /// <summary>Builds a bag by hand (gold-as-system, tests).</summary>
    public static FieldBag Of(params (string Name, object? Value)[] fields)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in fields) builder[name] = value is int whole ? (double)whole : value is long big ? (double)big : value;
        return new FieldBag(builder.ToImmutable());
    }

    private sealed class FieldBagWriter(string text) : IFieldWriter
    {
        private readonly ImmutableDictionary<string, object?>.Builder _fields = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);

        public FieldBag Build() => new(_fields.ToImmutable());

        public void String(string name, string? value) => _fields[name] = value;

        public void Number(string name, long value) => _fields[name] = (double)value;

        public void Number(string name, double value) => _fields[name] = value;

        public void Boolean(string name, bool value) => _fields[name] = value;

        public void Null(string name) => _fields[name] = null;

        public void Span(string name, TextSpan? span) =>
            _fields[name] = span is { } s && s.End <= text.Length ? new SpanField(s, text.Substring(s.Start, s.Length)) : null;

        public void StringList(string name, IReadOnlyList<string> values) => _fields[name] = values.ToImmutableArray();

        public void Object(string name, Action<IFieldWriter> write)
        {
            var nested = new FieldBagWriter(text);
            write(nested);
            _fields[name] = nested.Build();
        }

        public void ObjectList<T>(string name, IReadOnlyList<T> items, Action<IFieldWriter, T> write)
        {
            var list = ImmutableArray.CreateBuilder<FieldBag>(items.Count);
            foreach (var item in items)
            {
                var nested = new FieldBagWriter(text);
                write(nested, item);
                list.Add(nested.Build());
            }
            _fields[name] = list.MoveToImmutable();
        }
    }
}
