using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Formats.Json;
using Annalist.Formats.Readers;
using Annalist.Tests;

namespace Annalist.Formats.Tests.Json;

public class AnalysisJsonWriterTests
{
    private static JsonDocument Parse(AnalyzedDocument document, AnalysisJsonOptions? options = null) =>
        JsonDocument.Parse(AnalysisJsonWriter.ToJson(document, options));

    [Fact]
    public void The_document_pipeline_layers_and_diagnostics_are_written()
    {
        var analysis = TestAnalyses.Sample();
        using var json = Parse(analysis);
        var root = json.RootElement;
        Assert.Equal(["document", "pipeline", "layers", "diagnostics"], root.EnumerateObject().Select(p => p.Name));
        var document = root.GetProperty("document");
        Assert.Equal("sample.txt", document.GetProperty("name").GetString());
        Assert.Equal(analysis.Source.Sha256, document.GetProperty("sha256").GetString());
        Assert.Equal(analysis.Source.Length, document.GetProperty("length").GetInt32());
        Assert.Equal("utf-8", document.GetProperty("encoding").GetString());
        Assert.Equal("A [test] record", document.GetProperty("title").GetString());
        Assert.False(document.TryGetProperty("source", out _));
        Assert.Equal("abc123", root.GetProperty("pipeline").GetString());
    }

    [Fact]
    public void Every_span_text_is_the_substring_at_its_offsets()
    {
        var analysis = TestAnalyses.Sample();
        using var json = Parse(analysis);
        int checkedSpans = CheckSpanTexts(json.RootElement.GetProperty("layers"), analysis.Source.Text);
        checkedSpans += CheckSpanTexts(json.RootElement.GetProperty("diagnostics"), analysis.Source.Text);
        int expected = analysis.Layers.Values.Where(l => l.AlignedTo is null).Sum(l => l.Count)
            + analysis.Layers[LayerNames.Editorial].Count + analysis.Layers[LayerNames.Quotations].Count // nested content spans
            + analysis.Diagnostics.Count(d => d.Span is not null);
        Assert.Equal(expected, checkedSpans);
    }

    [Fact]
    public void Layers_come_in_pipeline_order_then_by_name()
    {
        using var json = Parse(TestAnalyses.Sample());
        var names = json.RootElement.GetProperty("layers").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal([LayerNames.Paragraphs, LayerNames.Sentences, LayerNames.Tokens, LayerNames.Editorial, LayerNames.Quotations], names);
    }

    [Fact]
    public void An_aligned_layer_is_folded_into_its_target()
    {
        var analysis = TestAnalyses.Sample();
        using var json = Parse(analysis);
        var layers = json.RootElement.GetProperty("layers");
        Assert.False(layers.TryGetProperty("tags", out _));
        var tokens = layers.GetProperty(LayerNames.Tokens);
        Assert.Equal(TestAnalyses.Segmenter.ToString(), tokens.GetProperty("producer").GetString());
        var aligned = Assert.Single(tokens.GetProperty("aligned").EnumerateArray());
        Assert.Equal("tags", aligned.GetProperty("layer").GetString());
        Assert.Equal(TestAnalyses.Tagger.ToString(), aligned.GetProperty("producer").GetString());
        var spans = tokens.GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal(analysis.Layers[LayerNames.Tokens].Count, spans.Count);
        Assert.All(spans, span =>
        {
            Assert.Equal("word", span.GetProperty("kind").GetString());
            Assert.Equal("X", span.GetProperty("pos").GetString());
        });
    }

    [Fact]
    public void An_aligned_layer_whose_target_is_absent_is_written_on_its_own()
    {
        var sample = TestAnalyses.Sample();
        var analysis = new AnalyzedDocument(sample.Source, sample.Layers.Remove(LayerNames.Tokens), sample.Diagnostics, sample.Timings, sample.PipelineVersion);
        using var json = Parse(analysis);
        var tags = json.RootElement.GetProperty("layers").GetProperty("tags");
        Assert.Equal("X", tags.GetProperty("spans")[0].GetProperty("pos").GetString());
    }

    [Fact]
    public void Every_kind_of_field_is_written_as_json()
    {
        var source = new SourceDocument("f.txt", "abcdef");
        var layer = new Layer<TestAnalyses.Everything>("everything", TestAnalyses.Marks, [new TestAnalyses.Everything(new TextSpan(1, 4))]);
        var analysis = new AnalyzedDocument(source, ImmutableDictionary<string, Layer>.Empty.Add(layer.Name, layer), [], [], "v");
        using var json = Parse(analysis);
        var span = json.RootElement.GetProperty("layers").GetProperty("everything").GetProperty("spans")[0];
        Assert.Equal("bcd", span.GetProperty("text").GetString());
        Assert.Equal("a [b] “c”", span.GetProperty("string").GetString());
        Assert.Equal(JsonValueKind.Null, span.GetProperty("missing").ValueKind);
        Assert.Equal(42, span.GetProperty("count").GetInt64());
        Assert.Equal(0.5, span.GetProperty("ratio").GetDouble());
        Assert.Equal(JsonValueKind.Null, span.GetProperty("infinite").ValueKind);
        Assert.True(span.GetProperty("flag").GetBoolean());
        Assert.Equal(JsonValueKind.Null, span.GetProperty("nothing").ValueKind);
        Assert.Equal("ab", span.GetProperty("cue").GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, span.GetProperty("nocue").ValueKind);
        Assert.Equal(["e1", "e2"], span.GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("1950-03-01", span.GetProperty("time").GetProperty("start").GetString());
        var items = span.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["rifles", "trucks"], items.Select(i => i.GetProperty("item").GetString()));
        Assert.Equal([200L, 30L], items.Select(i => i.GetProperty("quantity").GetInt64()));
    }

    [Fact]
    public void Diagnostics_carry_code_severity_message_and_their_span_when_they_have_one()
    {
        using var json = Parse(TestAnalyses.Sample());
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal("ANL2002", diagnostics[0].GetProperty("code").GetString());
        Assert.Equal("info", diagnostics[0].GetProperty("severity").GetString());
        Assert.Equal(0, diagnostics[0].GetProperty("start").GetInt32());
        Assert.Equal("He", diagnostics[0].GetProperty("text").GetString());
        Assert.Equal(TestAnalyses.Marks.ToString(), diagnostics[0].GetProperty("producer").GetString());
        Assert.Equal("error", diagnostics[1].GetProperty("severity").GetString());
        Assert.False(diagnostics[1].TryGetProperty("start", out _));
        Assert.False(diagnostics[1].TryGetProperty("producer", out _));
    }

    [Fact]
    public void Unpaired_surrogates_do_not_break_the_output()
    {
        string text = "odd \uD800 text \uDC00 and a pair \uD835\uDD04 [x]";
        var analysis = TestAnalyses.Sample(text);
        using var json = Parse(analysis);
        var tokens = json.RootElement.GetProperty("layers").GetProperty(LayerNames.Tokens).GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal("\uFFFD", tokens[1].GetProperty("text").GetString());
        Assert.Equal("\uD835\uDD04", tokens[7].GetProperty("text").GetString());
        Assert.Equal(text.Length, json.RootElement.GetProperty("document").GetProperty("length").GetInt32());
    }

    [Fact]
    public void A_span_past_the_text_gets_a_null_text_instead_of_an_exception()
    {
        var source = new SourceDocument("s.txt", "short");
        var layer = new Layer<Core.Segmentation.Sentence>(LayerNames.Sentences, TestAnalyses.Segmenter, [new Core.Segmentation.Sentence(new TextSpan(2, 50))]);
        var analysis = new AnalyzedDocument(source, ImmutableDictionary<string, Layer>.Empty.Add(layer.Name, layer), [], [], "v");
        using var json = Parse(analysis);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("layers").GetProperty(LayerNames.Sentences).GetProperty("spans")[0].GetProperty("text").ValueKind);
    }

    [Fact]
    public void Indented_and_compact_output_hold_the_same_values()
    {
        var analysis = TestAnalyses.Sample();
        string compact = AnalysisJsonWriter.ToJson(analysis);
        string indented = AnalysisJsonWriter.ToJson(analysis, new AnalysisJsonOptions { Indented = true });
        Assert.DoesNotContain('\n', compact);
        Assert.Contains('\n', indented);
        using var a = JsonDocument.Parse(compact);
        using var b = JsonDocument.Parse(indented);
        Assert.True(JsonElement.DeepEquals(a.RootElement, b.RootElement));
    }

    [Fact]
    public void One_writer_writes_several_documents_as_json_lines()
    {
        using var buffer = new MemoryStream();
        using (var writer = new AnalysisJsonWriter(buffer))
        {
            foreach (string text in new[] { "first [one]", "second “two”" })
            {
                writer.Write(TestAnalyses.Sample(text));
                writer.Flush();
                buffer.WriteByte((byte)'\n');
            }
        }
        var lines = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("second “two”".Length, second.RootElement.GetProperty("document").GetProperty("length").GetInt32());
    }

    [Fact]
    public void The_output_conforms_to_the_published_schema()
    {
        var checker = LoadSchema();
        using var json = Parse(TestAnalyses.Sample());
        Assert.Empty(checker.Check(json.RootElement));
    }

    [Fact]
    public void The_schema_checker_finds_a_missing_required_field()
    {
        var checker = LoadSchema();
        string broken = AnalysisJsonWriter.ToJson(TestAnalyses.Sample()).Replace("\"kind\":\"supplied\",", "");
        using var json = JsonDocument.Parse(broken);
        var errors = checker.Check(json.RootElement);
        Assert.Contains(errors, e => e.Contains("editorial") && e.Contains("\"kind\""));
    }

    [Fact]
    public void The_default_pipeline_output_for_each_example_conforms_to_the_schema()
    {
        var checker = LoadSchema();
        var pipeline = DefaultPipeline.Create();
        var examples = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "examples"))
            .Where(path => path.EndsWith(".txt", StringComparison.Ordinal) || (path.EndsWith(".md", StringComparison.Ordinal) && !path.EndsWith("README.md", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(examples);
        foreach (string path in examples)
        {
            var analysis = pipeline.Analyze(DocumentReaders.Default.Read(path).Document);
            using var json = Parse(analysis);
            Assert.Empty(checker.Check(json.RootElement));
            CheckSpanTexts(json.RootElement, analysis.Source.Text);
            foreach (string layer in pipeline.ProducedLayers.Where(RequiredFields.ContainsKey))
            {
                var written = json.RootElement.GetProperty("layers");
                if (!written.TryGetProperty(layer, out var found)) continue; // aligned layers are folded into their target
                foreach (var span in found.GetProperty("spans").EnumerateArray())
                {
                    foreach (string field in RequiredFields[layer])
                        Assert.True(span.TryGetProperty(field, out _), $"{Path.GetFileName(path)}: a span of '{layer}' lacks '{field}'");
                }
            }
        }
    }

    /// <summary>The fields <c>json-layers.md</c> promises on every span of each layer (alternatives left to the schema).</summary>
    private static readonly Dictionary<string, string[]> RequiredFields = new()
    {
        [LayerNames.Tokens] = ["start", "end", "text"],
        [LayerNames.Sentences] = ["start", "end", "text"],
        [LayerNames.Paragraphs] = ["start", "end", "text"],
        [LayerNames.Editorial] = ["start", "end", "text", "kind"],
        [LayerNames.Quotations] = ["start", "end", "text", "closed"],
        [LayerNames.Mentions] = ["start", "end", "text", "type", "entity"],
        [LayerNames.Entities] = ["id", "type", "name", "aliases", "roles", "mentions"],
        [LayerNames.Timexes] = ["start", "end", "text", "type", "value", "edtf", "anchor"],
        [LayerNames.Turns] = ["start", "end", "text", "speakers", "mode", "cue"],
        [LayerNames.Quantities] = ["start", "end", "text", "unit", "qualifier"],
        [LayerNames.Events] = ["start", "end", "text", "type", "polarity", "roles", "items", "time"],
        [LayerNames.Attributions] = ["start", "end", "text", "evidentiality", "source_holder"],
    };

    [SharedFact]
    public void The_schema_names_every_layer_of_the_shared_layer_spec()
    {
        string spec = File.ReadAllText(SharedData.PathTo("spec", "json-layers.md"));
        var named = spec.Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => line.Split('|')[1].Split(','))
            .Select(cell => cell.Trim().Trim('`'))
            .ToList();
        Assert.NotEmpty(named);
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var layers = schema.RootElement.GetProperty("properties").GetProperty("layers").GetProperty("properties");
        foreach (string layer in named)
        {
            Assert.True(layers.TryGetProperty(layer, out _), $"the schema does not describe layer '{layer}'");
            Assert.True(RequiredFields.ContainsKey(layer), $"the test's table lacks layer '{layer}'");
        }
    }

    private static string SchemaPath => Path.Combine(SharedData.RepositoryRoot, "docs", "schema", "analysis.schema.json");

    private static MiniSchemaChecker LoadSchema() => new(JsonDocument.Parse(File.ReadAllText(SchemaPath)).RootElement);

    /// <summary>Checks every object with integer start and end and a text: the text is the document's substring. Returns how many.</summary>
    private static int CheckSpanTexts(JsonElement element, string text)
    {
        int count = 0;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("start", out var start) && start.ValueKind == JsonValueKind.Number
                    && element.TryGetProperty("end", out var end) && end.ValueKind == JsonValueKind.Number
                    && element.TryGetProperty("text", out var spanText))
                {
                    int s = start.GetInt32(), e = end.GetInt32();
                    Assert.InRange(s, 0, text.Length);
                    Assert.InRange(e, s, text.Length);
                    Assert.Equal(text[s..e], spanText.GetString());
                    count++;
                }
                foreach (var property in element.EnumerateObject()) count += CheckSpanTexts(property.Value, text);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) count += CheckSpanTexts(item, text);
                break;
        }
        return count;
    }
}

public class JsonFormatDocumentationTests
{
    [Fact]
    public void The_example_in_the_documentation_is_consistent_with_its_input_and_the_schema()
    {
        string markdown = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "json-format.md"));
        int example = markdown.IndexOf("## Example", StringComparison.Ordinal);
        Assert.True(example >= 0);
        string FencedBlock(string opening, int from, out int after)
        {
            int start = markdown.IndexOf(opening, from, StringComparison.Ordinal) + opening.Length;
            int end = markdown.IndexOf("\n```", start, StringComparison.Ordinal);
            after = end + 4;
            return markdown[start..(end + 1)];
        }
        string input = FencedBlock("```\n", example, out int next);
        string json = FencedBlock("```json\n", next, out _);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(input.Length, root.GetProperty("document").GetProperty("length").GetInt32());
        Assert.Equal(new Core.Text.SourceDocument("x", input).Sha256, root.GetProperty("document").GetProperty("sha256").GetString());
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "schema", "analysis.schema.json")));
        Assert.Empty(new MiniSchemaChecker(schema.RootElement).Check(root));
        foreach (var layer in root.GetProperty("layers").EnumerateObject())
        {
            foreach (var span in layer.Value.GetProperty("spans").EnumerateArray())
            {
                int s = span.GetProperty("start").GetInt32(), e = span.GetProperty("end").GetInt32();
                Assert.Equal(input[s..e], span.GetProperty("text").GetString());
            }
        }
    }
}
