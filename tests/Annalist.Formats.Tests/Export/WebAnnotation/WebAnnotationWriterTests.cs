using System.Text;
using System.Text.Json;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Formats.Export;
using Annalist.Formats.Export.WebAnnotation;
using static Annalist.Formats.Tests.Export.ExportFixtures;

namespace Annalist.Formats.Tests.Export.WebAnnotation;

public class WebAnnotationWriterTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));

    private static readonly HashSet<string> Motivations = ["tagging", "identifying", "describing", "classifying"];
    private static readonly HashSet<string> Purposes = ["tagging", "identifying", "describing", "linking"];

    /// <summary>The terms of http://www.w3.org/ns/anno.jsonld the writer may use, and the three it declares itself.</summary>
    private static readonly HashSet<string> Terms =
    [
        "id", "type", "label", "total", "first", "startIndex", "items", "motivation", "created", "creator", "generator", "name",
        "body", "target", "purpose", "value", "source", "selector", "start", "end", "exact", "prefix", "suffix",
        "field", "role", "layer",
    ];

    private static void AssertOnlyDeclaredTerms(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray()) AssertOnlyDeclaredTerms(item);
        if (element.ValueKind != JsonValueKind.Object) return;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "@context") continue;
            Assert.True(Terms.Contains(property.Name), $"'{property.Name}' is neither a Web Annotation term nor declared in the extra context");
            AssertOnlyDeclaredTerms(property.Value);
        }
    }

    private static (JsonDocument Json, IReadOnlyList<Diagnostic> Diagnostics) Write(ExportDocument document)
    {
        using var buffer = new MemoryStream();
        var diagnostics = new WebAnnotationWriter(Created).Write(document, buffer);
        return (JsonDocument.Parse(buffer.ToArray()), diagnostics);
    }

    private static List<JsonElement> Items(JsonDocument json) => [.. json.RootElement.GetProperty("first").GetProperty("items").EnumerateArray()];

    private static IEnumerable<JsonElement> Targets(JsonElement annotation)
    {
        var target = annotation.GetProperty("target");
        return target.ValueKind == JsonValueKind.Array ? target.EnumerateArray().ToList() : [target];
    }

    /// <summary>The text between code-point indexes, counted independently of the writer (lone surrogates as U+FFFD).</summary>
    private static string ByCodePoints(string text, int start, int end)
    {
        var runes = text.EnumerateRunes().ToArray();
        return string.Concat(runes[start..end].Select(rune => rune.ToString()));
    }

    /// <summary>Checks what every annotation must have, and that both selectors of every target and body agree with the text.</summary>
    private static void AssertWellFormed(string text, string key, JsonDocument json)
    {
        var root = json.RootElement;
        var context = root.GetProperty("@context");
        Assert.Equal(WebAnnotationWriter.AnnotationContext, context[0].GetString());
        Assert.Equal(WebAnnotationWriter.Namespace, context[1].GetProperty("annalist").GetString());
        foreach (var term in context[1].EnumerateObject().Where(term => term.Name != "annalist"))
            Assert.Equal("annalist:" + term.Name, term.Value.GetString());
        AssertOnlyDeclaredTerms(root);
        Assert.Equal("AnnotationCollection", root.GetProperty("type").GetString());
        Assert.Equal("AnnotationPage", root.GetProperty("first").GetProperty("type").GetString());
        var items = Items(json);
        Assert.Equal(items.Count, root.GetProperty("total").GetInt32());
        Assert.Equal(items.Count, items.Select(item => item.GetProperty("id").GetString()).Distinct().Count());
        foreach (var item in items)
        {
            Assert.Equal("Annotation", item.GetProperty("type").GetString());
            Assert.Contains(item.GetProperty("motivation").GetString()!, Motivations);
            Assert.Equal("2026-03-04T03:06:07Z", item.GetProperty("created").GetString());
            Assert.Equal("Software", item.GetProperty("generator").GetProperty("type").GetString());
            Assert.StartsWith("Annalist ", item.GetProperty("creator").GetProperty("name").GetString(), StringComparison.Ordinal);
            foreach (var body in item.GetProperty("body").EnumerateArray())
            {
                Assert.Contains(body.GetProperty("purpose").GetString()!, Purposes);
                string type = body.GetProperty("type").GetString()!;
                Assert.True(type is "TextualBody" or "SpecificResource", type);
                if (type == "TextualBody") Assert.Equal(JsonValueKind.String, body.GetProperty("value").ValueKind);
                else if (body.TryGetProperty("selector", out _)) AssertSelectors(text, key, body);
                else Assert.StartsWith(WebAnnotationWriter.DocumentUri(key) + "#entity-", body.GetProperty("source").GetString(), StringComparison.Ordinal);
            }
            foreach (var target in Targets(item))
            {
                Assert.Equal("SpecificResource", target.GetProperty("type").GetString());
                AssertSelectors(text, key, target);
            }
        }
    }

    private static void AssertSelectors(string text, string key, JsonElement resource)
    {
        Assert.Equal(WebAnnotationWriter.DocumentUri(key), resource.GetProperty("source").GetString());
        var selectors = resource.GetProperty("selector").EnumerateArray().ToList();
        var position = Assert.Single(selectors, s => s.GetProperty("type").GetString() == "TextPositionSelector");
        var quote = Assert.Single(selectors, s => s.GetProperty("type").GetString() == "TextQuoteSelector");
        int start = position.GetProperty("start").GetInt32(), end = position.GetProperty("end").GetInt32();
        Assert.InRange(start, 0, end);
        string exact = quote.GetProperty("exact").GetString()!, prefix = quote.GetProperty("prefix").GetString()!, suffix = quote.GetProperty("suffix").GetString()!;
        Assert.Equal(ByCodePoints(text, start, end), exact);
        Assert.EndsWith(prefix, ByCodePoints(text, 0, start), StringComparison.Ordinal);
        Assert.StartsWith(suffix, ByCodePoints(text, end, text.EnumerateRunes().Count()), StringComparison.Ordinal);
        Assert.InRange(prefix.EnumerateRunes().Count(), Math.Min(start, WebAnnotationWriter.ContextLength), WebAnnotationWriter.ContextLength);
        Assert.InRange(suffix.EnumerateRunes().Count(), 0, WebAnnotationWriter.ContextLength);
    }

    [Fact]
    public void Every_layer_kind_becomes_annotations_with_bodies_and_both_selectors()
    {
        const string text = "On May 2, 1950 Ana Ruiz told Bo Lind: \"Send 40 trucks [sic].\" Lind said that Ana, reportedly, agreed.";
        var (ana, bo, ana2) = (Find(text, "Ana Ruiz"), Find(text, "Bo Lind"), Find(text, "Ana", 2));
        var document = Stored(text,
            ("mentions", ana.Start, ana.End, Fields(new { type = "person", entity = "ana" })),
            ("mentions", bo.Start, bo.End, Fields(new { type = "person", entity = "bo" })),
            ("mentions", ana2.Start, ana2.End, Fields(new { type = "person" })),
            ("entities", ana.Start, ana.End, Fields(new { id = "ana", type = "person", name = "Ana Ruiz", aliases = new[] { "Ana" }, mentions = new[] { new[] { ana.Start, ana.End }, new[] { ana2.Start, ana2.End } } })),
            ("timexes", Find(text, "May 2, 1950").Start, Find(text, "May 2, 1950").End, Fields(new { type = "date", value = "1950-05-02" })),
            ("turns", Find(text, "Send 40 trucks [sic].").Start, Find(text, "Send 40 trucks [sic].").End,
                Fields(new { mode = "direct", speakers = new[] { "ana" }, addressees = new[] { "bo" }, cue = new { start = Find(text, "told").Start, end = Find(text, "told").End } })),
            ("events", Find(text, "Send 40 trucks").Start, Find(text, "Send 40 trucks").End,
                Fields(new { id = "e1", type = "request", roles = new { requester = new[] { "ana" } }, time = new { start = "1950-05-02" }, items = new[] { new { item = new[] { 1, 2 } } } })),
            ("quantities", Find(text, "40 trucks").Start, Find(text, "40 trucks").End, Fields(new { kind = "count", value = 40, unit = "trucks" })),
            ("attributions", Find(text, "reportedly").Start, Find(text, "reportedly").End, Fields(new { evidentiality = "hearsay", source_holder = (string?)null })),
            ("editorial", Find(text, "[sic]").Start, Find(text, "[sic]").End, Fields(new { kind = "note", content = new { start = Find(text, "sic").Start, end = Find(text, "sic").End } })),
            ("tokens", 0, 2, "{}"));

        var (json, diagnostics) = Write(document);

        AssertWellFormed(text, document.Key, json);
        Assert.Empty(diagnostics);
        var items = Items(json);
        Assert.Equal(10, items.Count); // tokens are not exported
        Assert.Equal(["mentions", "entities", "timexes", "turns", "events", "quantities", "attributions", "editorial"],
            items.Select(item => item.GetProperty("layer").GetString()).Distinct());
        string entityAna = WebAnnotationWriter.EntityUri(WebAnnotationWriter.DocumentUri(document.Key), "ana");

        var mention = items[0];
        Assert.Equal("identifying", mention.GetProperty("motivation").GetString());
        Assert.Contains(mention.GetProperty("body").EnumerateArray(), body => body.GetProperty("purpose").GetString() == "tagging" && body.TryGetProperty("value", out var v) && v.GetString() == "person");
        Assert.Contains(mention.GetProperty("body").EnumerateArray(), body => body.TryGetProperty("source", out var s) && s.GetString() == entityAna
            && body.GetProperty("purpose").GetString() == "identifying");
        Assert.Equal("tagging", items[2].GetProperty("motivation").GetString()); // a mention linked to no entity

        var entity = items.Single(item => item.GetProperty("layer").GetString() == "entities");
        Assert.Equal(["Ana Ruiz", "Ana"], Targets(entity).Select(target => target.GetProperty("selector")[1].GetProperty("exact").GetString()));
        Assert.Contains(entity.GetProperty("body").EnumerateArray(), body => body.TryGetProperty("field", out var f) && f.GetString() == "name" && body.GetProperty("value").GetString() == "Ana Ruiz");
        Assert.Contains(entity.GetProperty("body").EnumerateArray(), body => body.TryGetProperty("source", out var s) && s.GetString() == entityAna);

        var timex = items.Single(item => item.GetProperty("layer").GetString() == "timexes");
        Assert.Contains(timex.GetProperty("body").EnumerateArray(), body => body.TryGetProperty("field", out var f) && f.GetString() == "value" && body.GetProperty("value").GetString() == "1950-05-02");

        var turn = items.Single(item => item.GetProperty("layer").GetString() == "turns");
        var speaker = Assert.Single(turn.GetProperty("body").EnumerateArray(), body => body.TryGetProperty("field", out var f) && f.GetString() == "speakers");
        Assert.Equal(entityAna, speaker.GetProperty("source").GetString());
        Assert.Equal("linking", speaker.GetProperty("purpose").GetString());
        var cue = Assert.Single(turn.GetProperty("body").EnumerateArray(), body => body.TryGetProperty("field", out var f) && f.GetString() == "cue");
        Assert.Equal("told", cue.GetProperty("selector")[1].GetProperty("exact").GetString());

        var request = items.Single(item => item.GetProperty("layer").GetString() == "events");
        var requester = Assert.Single(request.GetProperty("body").EnumerateArray(), body => body.TryGetProperty("role", out var r) && r.GetString() == "requester");
        Assert.Equal(entityAna, requester.GetProperty("source").GetString());
        Assert.Equal("roles", requester.GetProperty("field").GetString());
        Assert.DoesNotContain(request.GetProperty("body").EnumerateArray(), body => body.TryGetProperty("field", out var f) && f.GetString() == "items"); // lists of objects stay in the JSON export
        Assert.Contains(request.GetProperty("body").EnumerateArray(), body => body.TryGetProperty("field", out var f) && f.GetString() == "time.start" && body.GetProperty("value").GetString() == "1950-05-02");

        var quantity = items.Single(item => item.GetProperty("layer").GetString() == "quantities");
        Assert.Contains(quantity.GetProperty("body").EnumerateArray(), body => body.TryGetProperty("field", out var f) && f.GetString() == "value" && body.GetProperty("value").GetString() == "40");
        Assert.Equal("classifying", items[^1].GetProperty("motivation").GetString());
    }

    [Fact]
    public void A_turn_no_person_holds_carries_its_speaker_role_and_links_the_side_it_speaks_for()
    {
        var document = Tei.TeiExportWriterTests.Voices();
        var (json, _) = Write(document);

        var turns = Items(json).Where(item => item.GetProperty("layer").GetString() == "turns").ToList();
        Assert.Equal(3, turns.Count);
        static string? Field(JsonElement turn, string name) =>
            turn.GetProperty("body").EnumerateArray().Where(body => body.TryGetProperty("field", out var f) && f.GetString() == name && body.TryGetProperty("value", out _))
                .Select(body => body.GetProperty("value").GetString()).FirstOrDefault();
        Assert.Equal(["press", "group", "group"], turns.Select(turn => Field(turn, "speaker_role")));
        Assert.Equal("Q", Field(turns[0], "speaker_text"));
        Assert.DoesNotContain(turns[0].GetProperty("body").EnumerateArray(), body => body.TryGetProperty("field", out var f) && f.GetString() == "speakers");
        string side = WebAnnotationWriter.EntityUri(WebAnnotationWriter.DocumentUri(document.Key), "nordland");
        Assert.All(turns.Skip(1), turn => Assert.Contains(turn.GetProperty("body").EnumerateArray(),
            body => body.TryGetProperty("field", out var f) && f.GetString() == "speakers" && body.GetProperty("source").GetString() == side && body.GetProperty("purpose").GetString() == "linking"));
    }

    [Fact]
    public void Positions_count_code_points_so_astral_characters_count_once()
    {
        // Offsets (UTF-16): 🎉 0-2, space 2, "Ana" 3-6, … "𝔄rnold" starts at a pair.
        const string text = "🎉 Ana met 𝔄rnold 🎉🎉 today.";
        var arnold = Find(text, "𝔄rnold");
        var document = Stored(text,
            ("mentions", 3, 6, Fields(new { type = "person" })),
            ("mentions", arnold.Start, arnold.End, Fields(new { type = "person" })),
            ("timexes", Find(text, "today").Start, Find(text, "today").End, Fields(new { type = "date" })));

        var (json, _) = Write(document);

        AssertWellFormed(text, document.Key, json);
        var positions = Items(json).Select(item => item.GetProperty("target").GetProperty("selector")[0]).Select(p => (p.GetProperty("start").GetInt32(), p.GetProperty("end").GetInt32())).ToList();
        Assert.Equal((2, 5), positions[0]);
        Assert.Equal((arnold.Start - 1, arnold.End - 2), positions[1]); // one pair before it, one inside it
        Assert.Equal((Find(text, "today").Start - 4, Find(text, "today").End - 4), positions[2]);
        Assert.Equal("𝔄rnold", Items(json)[1].GetProperty("target").GetProperty("selector")[1].GetProperty("exact").GetString());
    }

    [Fact]
    public void A_span_splitting_a_pair_is_widened_and_lone_surrogates_are_replaced_with_a_warning()
    {
        string text = "Go 🎉 now \uD800 and then.";
        var document = Stored(text,
            ("mentions", 4, 9, Fields(new { type = "place" })),      // starts inside the emoji
            ("mentions", 10, 14, Fields(new { type = "place" })));    // starts with the lone surrogate

        var (json, diagnostics) = Write(document);

        AssertWellFormed(text, document.Key, json);
        var quotes = Items(json).Select(item => item.GetProperty("target").GetProperty("selector")[1].GetProperty("exact").GetString()).ToList();
        Assert.Equal("🎉 now", quotes[0]);
        Assert.Equal("\uFFFD an", quotes[1]);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(ErrorCatalogue.LoneSurrogatesReplaced.Code, warning.Code);
        Assert.Equal(10, warning.Span!.Value.Start);
    }

    [Theory]
    [InlineData("memo.txt", "urn:annalist:doc:memo.txt")]
    [InlineData("vol.xml#d12", "urn:annalist:doc:vol.xml%23d12")]
    [InlineData("/data/Über uns?.txt", "urn:annalist:doc:/data/%C3%9Cber%20uns%3F.txt")]
    [InlineData("50%", "urn:annalist:doc:50%25")]
    public void Document_keys_become_URNs_with_reserved_characters_percent_encoded(string key, string expected) =>
        Assert.Equal(expected, WebAnnotationWriter.DocumentUri(key));

    [Fact]
    public void Analyzed_records_export_with_every_quote_matching_the_text()
    {
        var pipeline = DefaultPipeline.Create();
        int annotations = 0;
        foreach (var (name, text) in TrickyTexts.All)
        {
            var document = ExportDocument.FromAnalysis(pipeline.Analyze(new SourceDocument(name + ".txt", text)));
            var (json, _) = Write(document);
            AssertWellFormed(text, document.Key, json);
            annotations += Items(json).Count;
        }
        Assert.True(annotations > 20, $"only {annotations} annotations over the tricky records");
    }
}
