namespace Annalist.Core.Annotations;

/// <summary>
/// Receives the fields of one annotation, beyond its span. Writers at the edge (JSON, reports)
/// implement it, so that a new layer needs no change to any writer.
/// </summary>
public interface IFieldWriter
{
    void String(string name, string? value);

    void Number(string name, long value);

    void Number(string name, double value);

    void Boolean(string name, bool value);

    void Null(string name);

    /// <summary>A nested span, written as <c>{start, end, text}</c>; null writes a JSON null.</summary>
    void Span(string name, Text.TextSpan? span);

    void StringList(string name, IReadOnlyList<string> values);

    /// <summary>
    /// Spans written as <c>[start, end]</c> pairs (an entity's mentions). Writers without pairs get
    /// <c>{start, end}</c> objects.
    /// </summary>
    void SpanPairs(string name, IReadOnlyList<Text.TextSpan> spans) =>
        ObjectList(name, spans, static (writer, span) =>
        {
            writer.Number("start", span.Start);
            writer.Number("end", span.End);
        });

    /// <summary>A nested object whose fields <paramref name="write"/> supplies.</summary>
    void Object(string name, Action<IFieldWriter> write);

    /// <summary>A list of nested objects.</summary>
    void ObjectList<T>(string name, IReadOnlyList<T> items, Action<IFieldWriter, T> write);
}
