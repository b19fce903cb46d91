using System.Globalization;
using System.Text;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Specs;

/// <summary>
/// A file of examples for one layer. Format:
/// <code>
/// layer: tokens
/// # a comment
/// === a name for the example
/// the input text, any number of lines
/// ---
/// word 0-3 "the"
/// ===
/// </code>
/// The input is every line between <c>===</c> and <c>---</c>, joined by <c>\n</c>, without a final newline
/// (write <c>\n</c>-escapes as they are: the input is literal). Expected lines are
/// <c>kind start-end "text" key=value…</c> as <see cref="SpanRenderer"/> writes them.
/// </summary>
public sealed record SpecFile(string Path, string Layer, IReadOnlyList<SpecExample> Examples)
{
    public static SpecFile Load(string path)
    {
        var lines = File.ReadAllLines(path);
        string? layer = null;
        var examples = new List<SpecExample>();
        int i = 0;
        while (i < lines.Length)
        {
            string line = lines[i];
            if (line.StartsWith("layer:", StringComparison.Ordinal))
            {
                layer = line["layer:".Length..].Trim();
                i++;
            }
            else if (line.StartsWith("===", StringComparison.Ordinal))
            {
                string name = line[3..].Trim();
                int inputStart = ++i;
                while (i < lines.Length && lines[i] != "---") i++;
                if (i >= lines.Length) throw new FormatException($"{path}: example '{name}' has no '---' line.");
                string input = string.Join("\n", lines[inputStart..i]);
                int expectedStart = ++i;
                while (i < lines.Length && !lines[i].StartsWith("===", StringComparison.Ordinal)) i++;
                if (i >= lines.Length) throw new FormatException($"{path}: example '{name}' is not closed by '==='.");
                var expected = lines[expectedStart..i].Where(l => l.Length > 0).ToList();
                examples.Add(new SpecExample(name, input, expected, expectedStart + 1));
                i++;
            }
            else
            {
                i++;
            }
        }
        return new SpecFile(path, layer ?? throw new FormatException($"{path}: no 'layer:' line."), examples);
    }

    /// <summary>Writes the file again with <paramref name="actual"/> (one list per example) as the expectations.</summary>
    public void Rewrite(IReadOnlyList<IReadOnlyList<string>> actual)
    {
        var source = File.ReadAllLines(Path);
        var output = new StringBuilder();
        int example = -1;
        bool skipping = false;
        foreach (string line in source)
        {
            if (skipping)
            {
                if (!line.StartsWith("===", StringComparison.Ordinal)) continue;
                skipping = false;
                foreach (string rendered in actual[example]) output.Append(rendered).Append('\n');
            }
            if (line.StartsWith("===", StringComparison.Ordinal) && line.Trim() != "===") example++;
            output.Append(line).Append('\n');
            if (line == "---") skipping = true;
        }
        File.WriteAllText(Path, output.ToString());
    }
}

public sealed record SpecExample(string Name, string Input, IReadOnlyList<string> Expected, int Line)
{
    public override string ToString() => Name;
}

/// <summary>Renders one annotation as a spec line; the inverse of nothing, compared as text.</summary>
public static class SpanRenderer
{
    public static string Render(string layerName, IAnnotation annotation, string text)
    {
        var fields = new FieldCollector();
        annotation.WriteFields(fields);
        var line = new StringBuilder();
        string kind = fields.Kind ?? Singular(layerName);
        line.Append(kind).Append(' ')
            .Append(annotation.Span.Start.ToString(CultureInfo.InvariantCulture)).Append('-')
            .Append(annotation.Span.End.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Quote(text.Substring(annotation.Span.Start, annotation.Span.Length)));
        foreach (var (key, value) in fields.Pairs) line.Append(' ').Append(key).Append('=').Append(value);
        return line.ToString();
    }

    internal static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t") + "\"";

    private static string Singular(string layer) => layer.EndsWith("xes", StringComparison.Ordinal) ? layer[..^2] : layer.EndsWith('s') ? layer[..^1] : layer;

    private sealed class FieldCollector : IFieldWriter
    {
        public string? Kind { get; private set; }

        public List<(string Key, string Value)> Pairs { get; } = [];

        public void String(string name, string? value)
        {
            if (name == "kind" && Kind is null && value is not null) Kind = value;
            else Pairs.Add((name, value is null ? "null" : Quote(value)));
        }

        public void Number(string name, long value) => Pairs.Add((name, value.ToString(CultureInfo.InvariantCulture)));

        public void Number(string name, double value) => Pairs.Add((name, value.ToString("R", CultureInfo.InvariantCulture)));

        public void Boolean(string name, bool value) => Pairs.Add((name, value ? "true" : "false"));

        public void Null(string name) => Pairs.Add((name, "null"));

        public void Span(string name, TextSpan? span) =>
            Pairs.Add((name, span is { } s ? $"{s.Start}-{s.End}" : "null"));

        public void StringList(string name, IReadOnlyList<string> values) =>
            Pairs.Add((name, "[" + string.Join(",", values.Select(Quote)) + "]"));

        public void Object(string name, Action<IFieldWriter> write)
        {
            var inner = new FieldCollector();
            write(inner);
            Pairs.Add((name, "{" + string.Join(",", inner.AllPairs()) + "}"));
        }

        public void ObjectList<T>(string name, IReadOnlyList<T> items, Action<IFieldWriter, T> write)
        {
            var rendered = items.Select(item =>
            {
                var inner = new FieldCollector();
                write(inner, item);
                return "{" + string.Join(",", inner.AllPairs()) + "}";
            });
            Pairs.Add((name, "[" + string.Join(",", rendered) + "]"));
        }

        private IEnumerable<string> AllPairs()
        {
            if (Kind is not null) yield return "kind=" + Quote(Kind);
            foreach (var (key, value) in Pairs) yield return key + "=" + value;
        }
    }
}
