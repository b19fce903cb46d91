using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Entities.Clustering;

/// <summary>Reads one string field of any annotation through <see cref="IFieldWriter"/>, so optional layers need no compile-time type.</summary>
internal sealed class FieldCapture(string field) : IFieldWriter
{
    public string? Value { get; private set; }

    public static string? Read(IAnnotation annotation, string field)
    {
        var capture = new FieldCapture(field);
        annotation.WriteFields(capture);
        return capture.Value;
    }

    public void String(string name, string? value)
    {
        if (name == field) Value = value;
    }

    public void Number(string name, long value) { }

    public void Number(string name, double value) { }

    public void Boolean(string name, bool value) { }

    public void Null(string name) { }

    public void Span(string name, TextSpan? span) { }

    public void StringList(string name, IReadOnlyList<string> values) { }

    public void Object(string name, Action<IFieldWriter> write) { }

    public void ObjectList<T>(string name, IReadOnlyList<T> items, Action<IFieldWriter, T> write) { }
}
