using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using Annalist.Formats.Readers;

namespace Annalist.Formats.TimeMl;

/// <summary>
/// Reads TimeML <c>.tml</c> files (TIMEX3) and WikiWars inline SGML (<c>keyinline/*.key.xml</c>, TIMEX2)
/// with one tolerant tag scanner rather than an XML parser, because the SGML files need not be
/// well-formed. Only the content of <c>TEXT</c> becomes document text; offsets point into that text
/// after tags are stripped and character entities decoded. Thread-safe and stateless.
/// </summary>
public static class TimeMlReader
{
    /// <summary>Reads a file; missing or unreadable files and files without <c>TEXT</c> give coded exceptions.</summary>
    /// <exception cref="AnnalistException">ANL1001, ANL1005 or ANL1206.</exception>
    public static TimeMlDocument ReadFile(string path)
    {
        if (!File.Exists(path)) throw MissingFile.Error(path);
        string content;
        try
        {
            content = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AnnalistException(ErrorCatalogue.UnreadableFile, exception, path, exception.Message);
        }
        return Read(Path.GetFileName(path), content, path);
    }

    /// <summary>Reads markup already in memory; <paramref name="name"/> names the document.</summary>
    /// <exception cref="AnnalistException">ANL1206 when there is no <c>TEXT</c> element.</exception>
    public static TimeMlDocument Read(string name, string markup, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(markup);
        var scan = new Scanner(markup);
        scan.Run();
        if (!scan.SawText) throw new AnnalistException(ErrorCatalogue.TimeMlWithoutText, name);
        var metadata = new DocumentMetadata { Title = name, Source = source ?? name, Date = scan.CreationTime };
        var document = new SourceDocument(name, scan.Text.ToString(), metadata);
        var timexes = scan.Timexes
            .OrderBy(t => t.Span)
            .ToImmutableArray();
        return new TimeMlDocument(document, scan.CreationTime, timexes, scan.Diagnostics.ToImmutable());
    }

    /// <summary>The TIMEX3 type a TIMEX2 value implies: durations, sets, times of day, otherwise dates.</summary>
    public static string? TypeFromTimex2Value(string? value, bool isSet)
    {
        if (isSet) return "SET";
        if (string.IsNullOrEmpty(value)) return null;
        if (value[0] == 'P' && !value.EndsWith("_REF", StringComparison.Ordinal)) return "DURATION";
        int t = value.IndexOf('T');
        if (t >= 0 && t + 1 < value.Length && (char.IsAsciiDigit(value[t + 1]) || t == 0)) return "TIME";
        return "DATE";
    }

    private sealed class Scanner(string markup)
    {
        private readonly Stack<OpenTimex> _open = new();
        private int _textDepth;
        private int _creationDepth;

        public StringBuilder Text { get; } = new(markup.Length);
        public List<TimeMlTimex> Timexes { get; } = [];
        public ImmutableArray<Diagnostic>.Builder Diagnostics { get; } = ImmutableArray.CreateBuilder<Diagnostic>();
        public string? CreationTime { get; private set; }
        public bool SawText { get; private set; }

        public void Run()
        {
            int i = 0;
            while (i < markup.Length)
            {
                char c = markup[i];
                if (c == '<')
                {
                    int close = FindTagEnd(i);
                    if (close < 0)
                    {
                        Diagnostics.Add(Diagnostic.From(ErrorCatalogue.UnterminatedMarkup, null, "timeml-reader", i));
                        AppendText(markup.AsSpan(i));
                        return;
                    }
                    HandleTag(markup.AsSpan(i + 1, close - i - 1));
                    i = close + 1;
                }
                else
                {
                    int next = markup.IndexOf('<', i);
                    if (next < 0) next = markup.Length;
                    AppendText(markup.AsSpan(i, next - i));
                    i = next;
                }
            }
        }

        private int FindTagEnd(int start)
        {
            if (string.CompareOrdinal(markup, start, "<!--", 0, 4) == 0)
            {
                int end = markup.IndexOf("-->", start + 4, StringComparison.Ordinal);
                return end < 0 ? -1 : end + 2;
            }
            char quote = '\0';
            for (int i = start + 1; i < markup.Length; i++)
            {
                char c = markup[i];
                if (quote != '\0')
                {
                    if (c == quote) quote = '\0';
                }
                else if (c == '"' || c == '\'') quote = c;
                else if (c == '>') return i;
                else if (c == '<') return -1;
            }
            return -1;
        }

        private void HandleTag(ReadOnlySpan<char> tag)
        {
            if (tag.IsEmpty || tag[0] is '!' or '?') return;
            bool closing = tag[0] == '/';
            if (closing) tag = tag[1..];
            bool selfClosing = tag.Length > 0 && tag[^1] == '/';
            if (selfClosing) tag = tag[..^1];
            int nameEnd = 0;
            while (nameEnd < tag.Length && !char.IsWhiteSpace(tag[nameEnd])) nameEnd++;
            var name = tag[..nameEnd];

            if (name.Equals("TEXT", StringComparison.OrdinalIgnoreCase))
            {
                if (closing) _textDepth = Math.Max(0, _textDepth - 1);
                else if (!selfClosing) { _textDepth++; SawText = true; }
                return;
            }
            if (name.Equals("DCT", StringComparison.OrdinalIgnoreCase) || name.Equals("DATETIME", StringComparison.OrdinalIgnoreCase))
            {
                if (closing) _creationDepth = Math.Max(0, _creationDepth - 1);
                else if (!selfClosing) _creationDepth++;
                return;
            }
            bool isTimex3 = name.Equals("TIMEX3", StringComparison.OrdinalIgnoreCase);
            bool isTimex2 = name.Equals("TIMEX2", StringComparison.OrdinalIgnoreCase);
            if (!isTimex3 && !isTimex2) return;

            if (closing)
            {
                if (_open.Count > 0) Close(_open.Pop());
                return;
            }
            var attributes = ParseAttributes(tag[nameEnd..]);
            string? value = Attribute(attributes, isTimex3 ? "value" : "val");
            if (_creationDepth > 0 && _textDepth == 0)
            {
                CreationTime ??= value;
                if (!selfClosing) _open.Push(new OpenTimex(-1, null, null, null, isTimex3 ? TimexScheme.Timex3 : TimexScheme.Timex2));
                return;
            }
            if (_textDepth == 0)
            {
                if (!selfClosing) _open.Push(new OpenTimex(-1, null, null, null, TimexScheme.Timex3));
                return;
            }
            string? type = isTimex3
                ? Attribute(attributes, "type")
                : TypeFromTimex2Value(value, string.Equals(Attribute(attributes, "set"), "YES", StringComparison.OrdinalIgnoreCase));
            var open = new OpenTimex(Text.Length, type, value, Attribute(attributes, "mod"), isTimex3 ? TimexScheme.Timex3 : TimexScheme.Timex2);
            if (selfClosing) Close(open);
            else _open.Push(open);
        }

        private void Close(OpenTimex open)
        {
            if (open.Start < 0) return;
            var span = new TextSpan(open.Start, Text.Length);
            Timexes.Add(new TimeMlTimex(span, Text.ToString(span.Start, span.Length), open.Type, open.Value, open.Modifier, open.Scheme));
        }

        private void AppendText(ReadOnlySpan<char> raw)
        {
            if (_textDepth == 0) return;
            int i = 0;
            while (i < raw.Length)
            {
                int amp = raw[i..].IndexOf('&');
                if (amp < 0) { Text.Append(raw[i..]); return; }
                Text.Append(raw.Slice(i, amp));
                i += amp;
                int semicolon = raw[i..].IndexOf(';');
                if (semicolon > 1 && semicolon <= 10 && TryDecodeEntity(raw.Slice(i + 1, semicolon - 1), out string decoded))
                {
                    Text.Append(decoded);
                    i += semicolon + 1;
                }
                else
                {
                    Text.Append('&');
                    i++;
                }
            }
        }

        private static bool TryDecodeEntity(ReadOnlySpan<char> entity, out string decoded)
        {
            decoded = entity switch
            {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                "nbsp" => "\u00A0",
                _ => "",
            };
            if (decoded.Length > 0) return true;
            if (entity.Length > 1 && entity[0] == '#')
            {
                bool hex = entity[1] is 'x' or 'X';
                var digits = hex ? entity[2..] : entity[1..];
                if (int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out int code)
                    && code is > 0 and <= 0x10FFFF && code is < 0xD800 or > 0xDFFF)
                {
                    decoded = char.ConvertFromUtf32(code);
                    return true;
                }
            }
            return false;
        }

        private static List<KeyValuePair<string, string>> ParseAttributes(ReadOnlySpan<char> rest)
        {
            var result = new List<KeyValuePair<string, string>>();
            int i = 0;
            while (i < rest.Length)
            {
                while (i < rest.Length && char.IsWhiteSpace(rest[i])) i++;
                int nameStart = i;
                while (i < rest.Length && rest[i] != '=' && !char.IsWhiteSpace(rest[i])) i++;
                if (i == nameStart) { i++; continue; }
                string attributeName = rest[nameStart..i].ToString();
                while (i < rest.Length && char.IsWhiteSpace(rest[i])) i++;
                if (i >= rest.Length || rest[i] != '=') { result.Add(new(attributeName, "")); continue; }
                i++;
                while (i < rest.Length && char.IsWhiteSpace(rest[i])) i++;
                string value;
                if (i < rest.Length && rest[i] is '"' or '\'')
                {
                    char quote = rest[i++];
                    int valueEnd = rest[i..].IndexOf(quote);
                    if (valueEnd < 0) valueEnd = rest.Length - i;
                    value = rest.Slice(i, valueEnd).ToString();
                    i += valueEnd + 1;
                }
                else
                {
                    int valueStart = i;
                    while (i < rest.Length && !char.IsWhiteSpace(rest[i])) i++;
                    value = rest[valueStart..i].ToString();
                }
                result.Add(new(attributeName, value));
            }
            return result;
        }

        private static string? Attribute(List<KeyValuePair<string, string>> attributes, string name)
        {
            foreach (var pair in attributes)
            {
                if (pair.Key.Equals(name, StringComparison.OrdinalIgnoreCase)) return pair.Value.Length == 0 ? null : pair.Value;
            }
            return null;
        }

        private readonly record struct OpenTimex(int Start, string? Type, string? Value, string? Modifier, TimexScheme Scheme);
    }
}
