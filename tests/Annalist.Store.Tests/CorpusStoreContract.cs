using System.Text.Json.Nodes;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using Annalist.Store.Corrections;
using Annalist.Store.Search;
using Annalist.Store.Tests.Support;

namespace Annalist.Store.Tests;

/// <summary>
/// What every <see cref="ICorpusStore"/> must do. Each subclass runs all of it against one database kind;
/// <see cref="OpenStore"/> opens the test's own, empty store (the same one on every call).
/// </summary>
public abstract class CorpusStoreContract : IDisposable
{
    internal const string Memorandum =
        "Memorandum for the file\n\n" +
        "The Minister of Supply asked whether the Republic could send twelve trucks before winter.\n\n" +
        "The Ambassador replied that ten trucks could be sent by rail, and the rest in spring.\n";

    internal const string Diary =
        "Diary, third day\n\n" +
        "We reached the coast at noon. Later Colonel Varga met us at the harbour and spoke of the grain harvest.\n";

    protected abstract ICorpusStore OpenStore();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [SkippableFact]
    public void A_saved_document_reads_back_with_its_layers_annotations_and_diagnostics()
    {
        using var store = OpenStore();
        var analyzed = TestPipelines.Analyze("memo.txt", Memorandum);
        var result = store.Save(analyzed, "/corpus/memo.txt");

        var document = store.FindDocument("/corpus/memo.txt");
        Assert.NotNull(document);
        Assert.Equal(Memorandum, document.Text);
        Assert.Equal(analyzed.Source.Sha256, document.Sha256);
        Assert.Equal(analyzed.PipelineVersion, document.PipelineVersion);
        Assert.False(result.Replaced);

        var mentions = analyzed.GetLayer<NameMention>(LayerNames.Mentions);
        var layer = Assert.Single(store.GetLayers(document.Id));
        Assert.Equal((LayerNames.Mentions, "test.capitalized.v1", mentions.Count), (layer.Name, layer.Producer, layer.Count));

        var stored = store.GetAnnotations(document.Id, LayerNames.Mentions);
        Assert.Equal(mentions.Select(m => m.Span), stored.Select(a => a.Span));
        var first = JsonNode.Parse(stored[0].Fields)!;
        Assert.Equal("NAME", (string?)first["type"]);
        Assert.Equal(document.Text[stored[0].Span.Start..stored[0].Span.End], (string?)first["head"]!["text"]);

        Assert.Equal(new DocumentFingerprint(analyzed.Source.Sha256, analyzed.PipelineVersion), store.GetFingerprints()["/corpus/memo.txt"]);
    }

    [SkippableFact]
    public void Diagnostics_are_stored_with_their_codes()
    {
        using var store = OpenStore();
        var id = store.Save(TestPipelines.Analyze("plain.txt", "nothing capitalized here, only words.\n"), "plain").DocumentId;
        var diagnostic = Assert.Single(store.GetDiagnostics(id));
        Assert.Equal(("TEST001", DiagnosticSeverity.Info, "test.capitalized.v1"), (diagnostic.Code, diagnostic.Severity, diagnostic.Producer));
    }

    [SkippableFact]
    public void Saving_a_key_again_replaces_its_analysis_instead_of_adding_to_it()
    {
        using var store = OpenStore();
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");
        var again = store.Save(TestPipelines.Analyze("memo.txt", Memorandum, version: 2), "memo");

        Assert.True(again.Replaced);
        Assert.Equal(1, store.CountDocuments());
        var document = store.FindDocument("memo")!;
        Assert.Equal(again.DocumentId, document.Id);
        Assert.Equal("test.capitalized.v2", Assert.Single(store.GetLayers(document.Id)).Producer);
        Assert.Equal(again.Annotations, store.GetAnnotations(document.Id).Count);
        Assert.Single(store.Search(SearchQuery.Parse("winter"), 10));
    }

    [SkippableFact]
    public void A_document_is_found_by_its_name_when_the_name_is_unique()
    {
        using var store = OpenStore();
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "/a/memo.txt");
        store.Save(TestPipelines.Analyze("diary.txt", Diary), "/a/diary.txt");
        store.Save(TestPipelines.Analyze("diary.txt", Diary + "More.\n"), "/b/diary.txt");

        Assert.Equal("/a/memo.txt", store.FindDocument("memo.txt")?.Key);
        Assert.Null(store.FindDocument("diary.txt"));
        Assert.Null(store.FindDocument("absent.txt"));
    }

    [SkippableFact]
    public void Search_cites_the_paragraph_and_the_offsets_of_the_match()
    {
        using var store = OpenStore();
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");
        store.Save(TestPipelines.Analyze("diary.txt", Diary), "diary");

        var hit = Assert.Single(store.Search(SearchQuery.Parse("harbour"), 10));
        Assert.Equal(("diary", "diary.txt", 2), (hit.DocumentKey, hit.DocumentName, hit.Paragraph));
        Assert.Equal("harbour", Diary[hit.Match.Start..hit.Match.End]);
        Assert.Equal(Diary.IndexOf("We reached", StringComparison.Ordinal), hit.ParagraphSpan.Start);
        Assert.EndsWith("met us at the ", hit.Before, StringComparison.Ordinal);
        Assert.Equal("harbour", hit.Matched);
        Assert.StartsWith(" and spoke", hit.After, StringComparison.Ordinal);
        Assert.Contains("¶2", hit.Citation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Search_matches_other_forms_of_a_word_and_needs_every_word()
    {
        using var store = OpenStore();
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");
        store.Save(TestPipelines.Analyze("diary.txt", Diary), "diary");

        var trucks = store.Search(SearchQuery.Parse("truck"), 10);
        Assert.Equal([2, 3], trucks.Select(h => h.Paragraph).Order());
        Assert.All(trucks, hit => Assert.Equal("trucks", hit.Matched));

        var both = Assert.Single(store.Search(SearchQuery.Parse("trucks rail"), 10));
        Assert.Equal(3, both.Paragraph);
        Assert.Empty(store.Search(SearchQuery.Parse("trucks harbour"), 10));
    }

    [SkippableFact]
    public void A_quoted_phrase_must_occur_as_written()
    {
        using var store = OpenStore();
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");

        Assert.Equal(3, Assert.Single(store.Search(SearchQuery.Parse("\"ten trucks\""), 10)).Paragraph);
        Assert.Empty(store.Search(SearchQuery.Parse("\"trucks ten\""), 10));
    }

    [SkippableFact]
    public void Query_syntax_of_the_database_is_never_obeyed()
    {
        using var store = OpenStore();
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");

        foreach (string hostile in new[] { "trucks OR NEAR(", "trucks\" OR \"x", "-trucks", "trucks*", "'; DROP TABLE documents; --", "trucks & | ! :*" })
        {
            var hits = store.Search(SearchQuery.Parse(hostile), 10);
            Assert.All(hits, hit => Assert.Equal("memo", hit.DocumentKey));
        }
        Assert.Equal(1, store.CountDocuments());
        Assert.Equal(2, store.Search(SearchQuery.Parse("trucks"), 10).Count);
    }

    [SkippableFact]
    public void Search_honours_the_limit_and_forgets_replaced_text()
    {
        using var store = OpenStore();
        for (int i = 0; i < 5; i++) store.Save(TestPipelines.Analyze($"n{i}.txt", $"Note {i}\n\nThe convoy left at dawn.\n"), $"n{i}");
        Assert.Equal(3, store.Search(SearchQuery.Parse("convoy"), 3).Count);

        store.Save(TestPipelines.Analyze("n0.txt", "Note 0\n\nThe column left at dusk.\n"), "n0");
        Assert.Equal(4, store.Search(SearchQuery.Parse("convoy"), 10).Count);
        Assert.Equal("n0", Assert.Single(store.Search(SearchQuery.Parse("dusk"), 10)).DocumentKey);
    }

    [SkippableFact]
    public void A_retyped_mention_stays_retyped_after_a_new_pipeline_version()
    {
        using var store = OpenStore();
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");
        var outcome = store.AddCorrection(Correct(CorrectionAction.Retype, Memorandum, "Republic", """{"type":"COUNTRY"}"""));
        Assert.True(outcome.Anchored);
        Assert.Equal(1, outcome.Changed);
        Assert.Equal("COUNTRY", TypeAt(store, "memo", "Republic"));

        var result = store.Save(TestPipelines.Analyze("memo.txt", Memorandum, version: 2), "memo");
        Assert.Equal(1, result.CorrectionsApplied);
        Assert.Equal("COUNTRY", TypeAt(store, "memo", "Republic"));
        Assert.Equal("NAME", TypeAt(store, "memo", "Minister"));
        var retyped = store.GetAnnotations(store.FindDocument("memo")!.Id, LayerNames.Mentions).Single(a => Memorandum[a.Span.Start..a.Span.End] == "Republic");
        Assert.Equal(outcome.CorrectionId, retyped.CorrectionId);
    }

    [SkippableFact]
    public void A_removed_mention_stays_removed_and_an_added_one_stays_added()
    {
        using var store = OpenStore();
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");
        int before = store.GetAnnotations(store.FindDocument("memo")!.Id, LayerNames.Mentions).Count;
        store.AddCorrection(Correct(CorrectionAction.Remove, Memorandum, "Ambassador", "{}"));
        store.AddCorrection(Correct(CorrectionAction.Add, Memorandum, "twelve trucks", """{"type":"QUANTITY"}"""));

        store.Save(TestPipelines.Analyze("memo.txt", Memorandum, version: 3), "memo");
        var id = store.FindDocument("memo")!.Id;
        var mentions = store.GetAnnotations(id, LayerNames.Mentions);
        Assert.Equal(before, mentions.Count);
        Assert.Null(TypeAt(store, "memo", "Ambassador"));
        Assert.Equal("QUANTITY", TypeAt(store, "memo", "twelve trucks"));
        Assert.Equal(before, store.GetLayers(id).Single(l => l.Name == LayerNames.Mentions).Count);
    }

    [SkippableFact]
    public void A_correction_may_target_a_layer_no_component_makes()
    {
        using var store = OpenStore();
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");
        store.AddCorrection(Correct(CorrectionAction.Add, Memorandum, "The Ambassador replied", """{"speaker":"ambassador"}""", layer: LayerNames.Turns));
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum, version: 2), "memo");

        var id = store.FindDocument("memo")!.Id;
        var turn = Assert.Single(store.GetAnnotations(id, LayerNames.Turns));
        Assert.Equal("ambassador", (string?)JsonNode.Parse(turn.Fields)!["speaker"]);
        Assert.Equal(CorrectionApplier.Producer, store.GetLayers(id).Single(l => l.Name == LayerNames.Turns).Producer);
    }

    [SkippableFact]
    public void A_correction_follows_its_quote_when_the_text_moves()
    {
        using var store = OpenStore();
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");
        var made = store.AddCorrection(Correct(CorrectionAction.Retype, Memorandum, "Republic", """{"type":"COUNTRY"}"""));

        string revised = "Copy two. " + Memorandum.Replace("twelve", "fifteen", StringComparison.Ordinal);
        var result = store.Save(TestPipelines.Analyze("memo.txt", revised), "memo");
        Assert.Equal(1, result.CorrectionsApplied);
        Assert.Equal("COUNTRY", TypeAt(store, "memo", "Republic"));

        var id = store.FindDocument("memo")!.Id;
        var moved = Assert.Single(store.GetDiagnostics(id), d => d.Code == ErrorCatalogue.CorrectionReanchored.Code);
        Assert.Equal(revised.IndexOf("Republic", StringComparison.Ordinal), moved.Span!.Value.Start);
        Assert.Equal(made.Span, store.GetCorrections("memo").Single().Anchor.Span);
    }

    [SkippableFact]
    public void A_correction_whose_quote_is_gone_is_kept_but_not_applied_and_says_so()
    {
        using var store = OpenStore();
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");
        store.AddCorrection(Correct(CorrectionAction.Retype, Memorandum, "Republic", """{"type":"COUNTRY"}"""));

        string revised = Memorandum.Replace("the Republic", "they", StringComparison.Ordinal);
        var result = store.Save(TestPipelines.Analyze("memo.txt", revised), "memo");
        Assert.Equal((0, 1), (result.CorrectionsApplied, result.CorrectionsNotApplied));
        var id = store.FindDocument("memo")!.Id;
        Assert.Contains(store.GetDiagnostics(id), d => d.Code == ErrorCatalogue.CorrectionNotAnchored.Code);
        Assert.Single(store.GetCorrections("memo"));

        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");
        Assert.Equal("COUNTRY", TypeAt(store, "memo", "Republic"));
    }

    [SkippableFact]
    public void Speaker_date_and_entity_corrections_change_the_named_field_only()
    {
        using var store = OpenStore();
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");
        store.AddCorrection(Correct(CorrectionAction.MergeEntity, Memorandum, "Minister", """{"entity":"minister-of-supply"}"""));
        store.AddCorrection(Correct(CorrectionAction.MergeEntity, Memorandum, "Supply", """{"entity":"minister-of-supply"}"""));
        store.Save(TestPipelines.Analyze("memo.txt", Memorandum, version: 2), "memo");

        var id = store.FindDocument("memo")!.Id;
        var merged = store.GetAnnotations(id, LayerNames.Mentions)
            .Select(a => JsonNode.Parse(a.Fields)!)
            .Where(f => (string?)f["entity"] == "minister-of-supply")
            .ToList();
        Assert.Equal(2, merged.Count);
        Assert.All(merged, f => Assert.Equal("NAME", (string?)f["type"]));
    }

    [SkippableFact]
    public void Correcting_a_document_not_in_the_store_is_refused_with_a_code()
    {
        using var store = OpenStore();
        var error = Assert.Throws<AnnalistException>(() => store.AddCorrection(Correct(CorrectionAction.Remove, Memorandum, "Republic", "{}", key: "absent")));
        Assert.Equal(ErrorCatalogue.DocumentNotInStore.Code, error.Code);
        Assert.Empty(store.GetCorrections("absent"));
    }

    [SkippableFact]
    public void A_store_opened_again_keeps_everything_and_its_schema_version()
    {
        using (var store = OpenStore())
        {
            store.Save(TestPipelines.Analyze("memo.txt", Memorandum), "memo");
            Assert.Equal(3, store.SchemaVersion);
        }
        using var reopened = OpenStore();
        Assert.Equal(3, reopened.SchemaVersion);
        Assert.Equal(1, reopened.CountDocuments());
        Assert.NotEmpty(reopened.Search(SearchQuery.Parse("winter"), 5));
    }

    protected static Correction Correct(CorrectionAction action, string text, string quote, string fields, string key = "memo", string layer = LayerNames.Mentions)
    {
        int at = text.IndexOf(quote, StringComparison.Ordinal);
        return new Correction
        {
            DocumentKey = key,
            Action = action,
            Layer = layer,
            Anchor = TextAnchor.At(text, new TextSpan(at, at + quote.Length)),
            Fields = fields,
        };
    }

    private static string? TypeAt(ICorpusStore store, string key, string quote)
    {
        var document = store.FindDocument(key)!;
        var row = store.GetAnnotations(document.Id, LayerNames.Mentions).SingleOrDefault(a => document.Text[a.Span.Start..a.Span.End] == quote);
        return row is null ? null : (string?)JsonNode.Parse(row.Fields)!["type"];
    }
}
