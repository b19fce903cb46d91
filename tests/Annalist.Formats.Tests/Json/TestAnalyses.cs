using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Editorial;
using Annalist.Core.Pipeline;
using Annalist.Core.Quotations;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Formats.Tests.Json;

/// <summary>Analyzed documents built by hand, so writer tests do not depend on any component's rules.</summary>
internal static class TestAnalyses
{
    public static readonly ComponentId Segmenter = new("test.segmenter", 1);
    public static readonly ComponentId Marks = new("test.marks", 2);
    public static readonly ComponentId Tagger = new("test.tagger", 1);

    /// <summary>A word, space-separated tokenization of <paramref name="text"/>.</summary>
    public static ImmutableArray<Token> Words(string text)
    {
        var tokens = ImmutableArray.CreateBuilder<Token>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i > start) tokens.Add(new Token(new TextSpan(start, i), TokenKind.Word));
        }
        return tokens.ToImmutable();
    }

    /// <summary>
    /// A document with tokens, a tag layer aligned to them, a sentence, an editorial mark, a quotation and
    /// a diagnostic; producers run in the order segmenter, marks, tagger (so not alphabetical by layer).
    /// </summary>
    public static AnalyzedDocument Sample(string? text = null)
    {
        text ??= "He said: “The [grain] will come.” Then [sic] silence…";
        var source = new SourceDocument("sample.txt", text, new DocumentMetadata { Encoding = "utf-8", Title = "A [test] record" });
        var tokens = Words(text);
        int open = text.IndexOf('“');
        int close = text.IndexOf('”');
        int bracket = text.IndexOf('[');
        var layers = new Dictionary<string, Layer>
        {
            [LayerNames.Tokens] = new Layer<Token>(LayerNames.Tokens, Segmenter, tokens),
            [LayerNames.Sentences] = new Layer<Sentence>(LayerNames.Sentences, Segmenter, [new Sentence(new TextSpan(0, text.Length))]),
            [LayerNames.Paragraphs] = new Layer<Paragraph>(LayerNames.Paragraphs, Segmenter, [new Paragraph(new TextSpan(0, text.Length))]),
            ["tags"] = new Layer<Tag>("tags", Tagger, tokens.Select(t => new Tag(t.Span, "X")), alignedTo: LayerNames.Tokens),
            [LayerNames.Editorial] = new Layer<EditorialMark>(LayerNames.Editorial, Marks,
                bracket < 0 ? [] : [new EditorialMark(new TextSpan(bracket, text.IndexOf(']') + 1), EditorialKind.Supplied, new TextSpan(bracket + 1, text.IndexOf(']')))]),
            [LayerNames.Quotations] = new Layer<Quotation>(LayerNames.Quotations, Marks,
                open < 0 || close < 0 ? [] : [new Quotation(new TextSpan(open, close + 1), new TextSpan(open + 1, close), true, 0, '“')]),
        };
        var diagnostics = ImmutableArray.Create(
            new Diagnostic("ANL2002", DiagnosticSeverity.Info, "A closing quotation mark here has no opening mark.", new TextSpan(0, Math.Min(2, text.Length)), Marks.ToString()),
            new Diagnostic("ANL9001", DiagnosticSeverity.Error, "Internal error: spanless"));
        var timings = ImmutableArray.Create(
            new ComponentTiming(Segmenter, TimeSpan.FromMilliseconds(1)),
            new ComponentTiming(Marks, TimeSpan.FromMilliseconds(1)),
            new ComponentTiming(Tagger, TimeSpan.FromMilliseconds(1)));
        return new AnalyzedDocument(source, layers.ToImmutableDictionary(StringComparer.Ordinal), diagnostics, timings, "abc123");
    }

    /// <summary>A tag on one token, aligned to the tokens layer.</summary>
    public readonly record struct Tag(TextSpan Span, string Pos) : IAnnotation
    {
        public void WriteFields(IFieldWriter writer) => writer.String("pos", Pos);
    }

    /// <summary>An annotation that writes one field of every kind <see cref="IFieldWriter"/> offers.</summary>
    public readonly record struct Everything(TextSpan Span) : IAnnotation
    {
        public void WriteFields(IFieldWriter writer)
        {
            writer.String("string", "a [b] “c”");
            writer.String("missing", null);
            writer.Number("count", 42L);
            writer.Number("ratio", 0.5);
            writer.Number("infinite", double.PositiveInfinity);
            writer.Boolean("flag", true);
            writer.Null("nothing");
            writer.Span("cue", new TextSpan(0, 2));
            writer.Span("nocue", null);
            writer.StringList("ids", ["e1", "e2"]);
            writer.Object("time", w => w.String("start", "1950-03-01"));
            writer.ObjectList("items", new[] { ("rifles", 200L), ("trucks", 30L) }, (w, item) =>
            {
                w.String("item", item.Item1);
                w.Number("quantity", item.Item2);
            });
        }
    }
}
