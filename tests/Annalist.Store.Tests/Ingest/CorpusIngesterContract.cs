using Annalist.Core.Entities.Authorities;
using Annalist.Core.Errors;
using Annalist.Store.Ingest;
using Annalist.Store.Search;
using Annalist.Store.Tests.Support;

namespace Annalist.Store.Tests.Ingest;

/// <summary>Ingest behaviour every store must support; subclasses pick the database.</summary>
public abstract class CorpusIngesterContract : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "annalist-ingest-tests", Guid.NewGuid().ToString("N"));

    protected CorpusIngesterContract()
    {
        Directory.CreateDirectory(_folder);
    }

    protected abstract ITestStore Store { get; }

    public virtual void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleaning.
        }
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public void Files_in_folders_and_subfolders_are_stored_and_bad_ones_reported_with_codes()
    {
        WriteRecords(4);
        Directory.CreateDirectory(Path.Combine(_folder, "more"));
        File.WriteAllText(Path.Combine(_folder, "more", "notes.md"), "# Notes\n\nThe Governor arrived by boat.\n");
        File.WriteAllBytes(Path.Combine(_folder, "scan.txt"), [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x00, 0x01]);
        File.WriteAllBytes(Path.Combine(_folder, "latin1.txt"), [0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x6E, 0x65]);
        File.WriteAllText(Path.Combine(_folder, "picture.png"), "ignored: not a kind ingest looks for");

        using var store = Store.Open();
        var summary = Ingester(store).Ingest([_folder, Path.Combine(_folder, "absent.txt")]);

        Assert.Equal(5, summary.Stored);
        Assert.Equal(5, store.CountDocuments());
        Assert.Equal(
            [ErrorCatalogue.FileNotFound.Code, ErrorCatalogue.BinaryInput.Code, ErrorCatalogue.InvalidEncoding.Code],
            summary.Skipped.OrderBy(s => s.Code).Select(s => s.Code));
        Assert.Equal("notes.md", store.FindDocument(Path.Combine(_folder, "more", "notes.md"))?.Name);
        Assert.False(summary.Cancelled);
    }

    [SkippableFact]
    public void Unchanged_documents_are_skipped_and_a_new_pipeline_version_analyzes_them_again()
    {
        WriteRecords(6);
        using var store = Store.Open();
        Assert.Equal(6, Ingester(store).Ingest([_folder]).Stored);

        var second = Ingester(store).Ingest([_folder]);
        Assert.Equal((0, 6), (second.Stored, second.Unchanged));

        File.AppendAllText(RecordPath(2), "A postscript names Lieutenant Oduya.\n");
        var third = Ingester(store).Ingest([_folder]);
        Assert.Equal((1, 5), (third.Stored, third.Unchanged));
        Assert.Single(store.Search(SearchQuery.Parse("postscript"), 10));

        var upgraded = Ingester(store, version: 2).Ingest([_folder]);
        Assert.Equal((6, 0), (upgraded.Stored, upgraded.Unchanged));
        Assert.All(store.GetFingerprints().Values, f => Assert.Equal(TestPipelines.Create(2).Version, f.PipelineVersion));
        Assert.Equal(6, store.CountDocuments());
    }

    [SkippableFact]
    public void An_ingest_stopped_midway_resumes_without_losing_or_duplicating_anything()
    {
        const int Count = 30;
        WriteRecords(Count);
        using var store = Store.Open();
        using var stop = new CancellationTokenSource();
        var first = Ingester(store).Ingest([_folder], progress =>
        {
            if (progress.Stored == 11) stop.Cancel();
        }, stop.Token);

        Assert.True(first.Cancelled);
        Assert.InRange(first.Stored, 11, Count - 1);
        Assert.Equal(first.Stored, store.CountDocuments());

        var resumed = Ingester(store).Ingest([_folder]);
        Assert.False(resumed.Cancelled);
        Assert.Equal(first.Stored, resumed.Unchanged);
        Assert.Equal(Count - first.Stored, resumed.Stored);
        Assert.Equal(Count, store.CountDocuments());

        // Every record once, with exactly the annotations a single uninterrupted analysis gives it.
        for (int i = 0; i < Count; i++)
        {
            var document = store.FindDocument(RecordPath(i));
            Assert.NotNull(document);
            int expected = TestPipelines.Analyze("x", File.ReadAllText(RecordPath(i))).Layers.Values.Sum(l => l.Count);
            Assert.Equal(expected, store.GetAnnotations(document.Id).Count);
            Assert.Single(store.Search(SearchQuery.Parse($"\"record {i:D3}\""), 5));
        }
    }

    [SkippableFact]
    public void A_document_that_cannot_be_stored_leaves_nothing_behind_and_the_rest_go_on()
    {
        WriteRecords(3);
        File.WriteAllText(Path.Combine(_folder, "broken.txt"), $"Report\n\nThe {CapitalizedWordsAnnotator.BrokenWord} clerk lost the Ledger.\n");
        using var store = Store.Open();
        var summary = Ingester(store).Ingest([_folder]);

        Assert.Equal(3, summary.Stored);
        var skipped = Assert.Single(summary.Skipped);
        Assert.Equal(ErrorCatalogue.DocumentNotSaved.Code, skipped.Code);
        Assert.Null(store.FindDocument(Path.Combine(_folder, "broken.txt")));
        Assert.Empty(store.Search(SearchQuery.Parse("clerk"), 5));
    }

    [SkippableFact]
    public void Progress_is_reported_for_every_file()
    {
        WriteRecords(5);
        File.WriteAllBytes(Path.Combine(_folder, "zzz.txt"), [0xFF, 0xFF, 0x00]);
        using var store = Store.Open();
        var reports = new List<IngestProgress>();
        Ingester(store).Ingest([_folder], reports.Add);

        Assert.Equal([1, 2, 3, 4, 5, 6], reports.Select(r => r.Done));
        Assert.All(reports, r => Assert.Equal(6, r.Total));
        Assert.Equal((5, 1), (reports[^1].Stored, reports[^1].Skipped));
    }

    [SkippableFact]
    public void Word_and_pdf_files_are_ingested_and_a_scan_is_refused_with_its_code()
    {
        using (var buffer = new MemoryStream())
        {
            using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
            {
                word.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                    new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("The Quartermaster counted the blankets.")))));
            }
            File.WriteAllBytes(Path.Combine(_folder, "inventory.docx"), buffer.ToArray());
        }
        var text = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = text.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        text.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText("The Harbourmaster logged two schooners.", 12, new UglyToad.PdfPig.Core.PdfPoint(40, 780), font);
        File.WriteAllBytes(Path.Combine(_folder, "log.pdf"), text.Build());
        var scan = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        scan.AddPage(UglyToad.PdfPig.Content.PageSize.A4).DrawRectangle(new UglyToad.PdfPig.Core.PdfPoint(10, 10), 100, 100);
        File.WriteAllBytes(Path.Combine(_folder, "scan.pdf"), scan.Build());

        using var store = Store.Open();
        var summary = Ingester(store).Ingest([_folder]);
        Assert.Equal(2, summary.Stored);
        Assert.Equal(ErrorCatalogue.PdfWithoutText.Code, Assert.Single(summary.Skipped).Code);
        Assert.Single(store.Search(SearchQuery.Parse("blankets"), 5));
        Assert.Single(store.Search(SearchQuery.Parse("schooners"), 5));
    }

    [SkippableFact]
    public void A_tei_volume_gives_one_document_per_record_and_hostile_xml_is_refused_with_its_code()
    {
        File.WriteAllText(Path.Combine(_folder, "volume.xml"), """
            <TEI xmlns="http://www.tei-c.org/ns/1.0">
              <teiHeader><fileDesc><titleStmt><title>A test volume</title></titleStmt></fileDesc></teiHeader>
              <text><body>
                <div type="document" xml:id="d1"><head>1. Memorandum</head><p>The Attaché reported a shortage of coal.</p></div>
                <div type="document" xml:id="d2"><head>2. Telegram</head><p>The Legation asked for instructions by cable.</p></div>
              </body></text>
            </TEI>
            """);
        File.WriteAllText(Path.Combine(_folder, "hostile.xml"),
            "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><div type=\"document\" xml:id=\"d1\"><p>&x;</p></div></body></text></TEI>");

        using var store = Store.Open();
        var summary = new CorpusIngester(store, TestPipelines.Create(), collections: [new TeiVolumeCollectionReader()]) { MaxDegreeOfParallelism = 2 }.Ingest([_folder]);

        Assert.Equal(2, summary.Stored);
        Assert.Equal(ErrorCatalogue.XmlDtdRefused.Code, Assert.Single(summary.Skipped).Code);
        string volume = Path.Combine(_folder, "volume.xml");
        Assert.Equal($"{volume}#d2", Assert.Single(store.Search(SearchQuery.Parse("cable"), 5)).DocumentKey);
        Assert.Empty(store.Search(SearchQuery.Parse("root"), 5));
    }

    [SkippableFact]
    public void Hostile_files_are_refused_with_their_codes_and_the_others_are_stored()
    {
        string Write(string name, string content)
        {
            string path = Path.Combine(_folder, name);
            File.WriteAllText(path, content);
            return path;
        }
        Write("external.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>&x;</p></body></text></TEI>");
        Write("laughs.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY a \"haha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<TEI><text><body><p>&c;&c;&c;</p></body></text></TEI>");
        Write("broken.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>The cable was cut</body></text>");
        Write("plain-tei.xml", """
            <TEI xmlns="http://www.tei-c.org/ns/1.0">
              <teiHeader><fileDesc><titleStmt><title>A letter</title></titleStmt></fileDesc></teiHeader>
              <text><body><p>The Envoy thanked the Governor for the ferry.</p></body></text>
            </TEI>
            """);
        using (var buffer = new MemoryStream())
        {
            using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            {
                using var part = archive.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
                byte[] spaces = new byte[1 << 20];
                Array.Fill(spaces, (byte)' ');
                for (int i = 0; i < 300; i++) part.Write(spaces);
            }
            File.WriteAllBytes(Path.Combine(_folder, "bomb.docx"), buffer.ToArray());
        }
        // A gigabyte that takes no disk: the reader must refuse it by its length, before reading a byte.
        using (var huge = new FileStream(Path.Combine(_folder, "huge.txt"), FileMode.CreateNew))
            huge.SetLength(1L << 30);
        string html = Write("page.txt", "<html><script>alert('x')</script><b>The Consul</b> wrote &amp; signed.</html>\n");
        Write("letter.txt", "The Consul sent word of the ferry.\n");

        using var store = Store.Open();
        var summary = new CorpusIngester(store, TestPipelines.Create(), collections: [new TeiVolumeCollectionReader()]) { MaxDegreeOfParallelism = 2 }.Ingest([_folder]);

        var codes = summary.Skipped.ToDictionary(s => Path.GetFileName(s.Path), s => s.Code);
        Assert.Equal(ErrorCatalogue.XmlDtdRefused.Code, codes["external.xml"]);
        Assert.Equal(ErrorCatalogue.XmlDtdRefused.Code, codes["laughs.xml"]);
        Assert.Equal(ErrorCatalogue.MalformedXml.Code, codes["broken.xml"]);
        Assert.Equal(ErrorCatalogue.ArchiveTooLarge.Code, codes["bomb.docx"]);
        Assert.Equal(ErrorCatalogue.InputTooLarge.Code, codes["huge.txt"]);
        Assert.Contains("1,073,741,824", summary.Skipped.Single(s => s.Path.EndsWith("huge.txt", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        Assert.Equal(5, codes.Count);
        Assert.Equal(3, summary.Stored);
        Assert.Equal(3, store.CountDocuments());
        // Markup in a text file is text: kept exactly, never interpreted.
        Assert.Equal(File.ReadAllText(html), store.FindDocument(html)!.Text);
        Assert.Single(store.Search(SearchQuery.Parse("Consul signed"), 5));
        var plain = Assert.Single(store.Search(SearchQuery.Parse("Envoy ferry"), 5));
        Assert.EndsWith("plain-tei.xml#plain-tei", plain.DocumentKey, StringComparison.Ordinal);
        Assert.Empty(store.Search(SearchQuery.Parse("root"), 5));
        Assert.Empty(store.Search(SearchQuery.Parse("haha"), 5));
    }

    [SkippableFact]
    public void A_moved_folder_is_found_by_content_and_keeps_its_corrections_without_analysis()
    {
        WriteRecords(3);
        using var store = Store.Open();
        Assert.Equal(3, Ingester(store).Ingest([_folder]).Stored);
        var first = store.FindDocument(RecordPath(0))!;
        var mention = store.GetAnnotations(first.Id, "mentions")[0];
        store.AddCorrection(new Annalist.Store.Corrections.Correction
        {
            DocumentKey = first.Key,
            Action = Annalist.Store.Corrections.CorrectionAction.Retype,
            Layer = "mentions",
            Anchor = Annalist.Store.Corrections.TextAnchor.At(first.Text, mention.Span),
            Fields = "{\"type\":\"PERSON\"}",
        });
        string moved = _folder + "-moved";
        Directory.Move(_folder, moved);
        try
        {
            // One record changed on the way: that one is analyzed, the others only take their new keys.
            File.AppendAllText(Path.Combine(moved, "record-002.txt"), "A line added later.\n");
            var summary = Ingester(store).Ingest([moved]);
            Assert.Equal((1, 2, 2), (summary.Stored, summary.Unchanged, summary.Moved));
            Assert.Equal(4, store.CountDocuments());
            string newKey = Path.Combine(moved, "record-000.txt");
            Assert.Null(store.FindDocument(first.Key));
            var document = store.FindDocument(newKey)!;
            Assert.Equal(first.Id, document.Id);
            Assert.Single(store.GetCorrections(newKey));
            Assert.Contains(store.GetAnnotations(document.Id, "mentions"), a => a.Span == mention.Span && a.Fields.Contains("PERSON", StringComparison.Ordinal));
            Assert.Equal((0, 3), (Ingester(store).Ingest([moved]).Stored, Ingester(store).Ingest([moved]).Unchanged));
        }
        finally
        {
            Directory.Move(moved, _folder);
        }
    }

    [SkippableFact]
    public void A_collection_file_is_split_into_documents_kept_under_their_ids()
    {
        string volume = Path.Combine(_folder, "volume.collection");
        File.WriteAllText(volume, "=== d1\nThe Consul wrote twice.\n=== d2\nThe Governor replied once.\n=== d3\nNobody answered the Mayor.\n");
        File.WriteAllText(Path.Combine(_folder, "other.collection"), "broken on purpose\n");
        WriteRecords(1);
        using var store = Store.Open();
        var reports = new List<IngestProgress>();
        var summary = CollectionIngester(store).Ingest([_folder], reports.Add);

        Assert.Equal(4, summary.Stored);
        Assert.Equal(ErrorCatalogue.UnreadableFile.Code, Assert.Single(summary.Skipped).Code);
        Assert.Equal(["d1", "d2", "d3"], new[] { "d1", "d2", "d3" }.Select(id => store.FindDocument($"{volume}#{id}")?.Name));
        Assert.Equal(5, reports[^1].Total);
        Assert.Equal(5, reports[^1].Done);

        File.WriteAllText(volume, "=== d1\nThe Consul wrote twice.\n=== d2\nThe Governor replied at last.\n=== d3\nNobody answered the Mayor.\n");
        var again = CollectionIngester(store).Ingest([_folder]);
        Assert.Equal((1, 3), (again.Stored, again.Unchanged));
        Assert.Equal($"{volume}#d2", Assert.Single(store.Search(SearchQuery.Parse("last"), 5)).DocumentKey);
    }

    [SkippableFact]
    public void A_new_or_changed_authority_list_relinks_and_an_unchanged_one_leaves_documents_alone()
    {
        WriteRecords(3);
        File.WriteAllText(Path.Combine(_folder, "volume.xml"), """
            <TEI xmlns="http://www.tei-c.org/ns/1.0">
              <text><front><div type="persons"><list>
                <item><persName xml:id="p_OK1">Okonkwo, Tamsin</persName>, Harbour Commissioner</item>
              </list></div></front>
              <body><div type="document" xml:id="d1"><head>1. Memorandum</head><p>Commissioner Okonkwo inspected the quay.</p></div></body></text>
            </TEI>
            """);
        AuthorityList List(string description) => new("people.csv", [new AuthorityEntry("ok", "Okonkwo, Tamsin", [], description)]);
        CorpusIngester With(ICorpusStore store, AuthorityList? list, bool volumeAuthority = true) =>
            new(store, EntityPipeline(list), collections: [new TeiVolumeCollectionReader(new Formats.Tei.TeiReaderOptions { PersonsAsAuthority = volumeAuthority })]) { MaxDegreeOfParallelism = 2 };

        using var store = Store.Open();
        Assert.Equal(4, With(store, null).Ingest([_folder]).Stored);
        string volumeKey = Path.Combine(_folder, "volume.xml") + "#d1";
        // Only the volume's document comes with a list (its persons), so only its version names one.
        Assert.Contains("+authority.", store.GetFingerprints()[volumeKey].PipelineVersion);
        Assert.DoesNotContain("+authority.", store.GetFingerprints()[RecordPath(0)].PipelineVersion);
        Assert.Equal((0, 4), (With(store, null).Ingest([_folder]) is var again ? (again.Stored, again.Unchanged) : default));

        // Without the volume's list the volume's document is analyzed again, and nothing else.
        var off = With(store, null, volumeAuthority: false).Ingest([_folder]);
        Assert.Equal((1, 3), (off.Stored, off.Unchanged));

        // A list of the user's applies to every document; the same content in a new object changes nothing; a changed entry relinks all.
        Assert.Equal(4, With(store, List("Harbour Commissioner")).Ingest([_folder]).Stored);
        Assert.Equal(4, With(store, List("Harbour Commissioner")).Ingest([_folder]).Unchanged);
        Assert.Equal(4, With(store, List("Harbour Commissioner of the port")).Ingest([_folder]).Stored);
    }

    private static Core.Pipeline.AnalysisPipeline EntityPipeline(AuthorityList? list) => new Core.Pipeline.PipelineBuilder()
        .Add(new Core.Tokens.TokenAnnotator()).Add(new Core.Segmentation.ParagraphAnnotator()).Add(new Core.Segmentation.SentenceAnnotator())
        .Add(new Core.Entities.EntityAnnotator(list)).Build();

    private static CorpusIngester CollectionIngester(ICorpusStore store) =>
        new(store, TestPipelines.Create(), collections: [new SeparatedCollectionReader()]) { MaxDegreeOfParallelism = 2 };

    private static CorpusIngester Ingester(ICorpusStore store, int version = 1) => new(store, TestPipelines.Create(version)) { MaxDegreeOfParallelism = 2 };

    private string RecordPath(int i) => Path.Combine(_folder, $"record-{i:D3}.txt");

    private void WriteRecords(int count)
    {
        for (int i = 0; i < count; i++)
        {
            File.WriteAllText(RecordPath(i),
                $"Record {i:D3}\n\nOn day {i} the Commissioner met Envoy Number{i} at the station.\n\n" +
                $"They spoke of supplies, of roads and of the weather, and agreed on {i + 2} points.\n");
        }
    }
}

public sealed class SqliteCorpusIngesterTests : CorpusIngesterContract
{
    protected override ITestStore Store { get; } = new SqliteTestStore();
}

public sealed class PostgresCorpusIngesterTests : CorpusIngesterContract
{
    protected override ITestStore Store { get; } = new PostgresTestStore();
}

/// <summary>A made-up collection format for tests: documents separated by lines <c>=== ID</c>.</summary>
internal sealed class SeparatedCollectionReader : ICollectionReader
{
    public IReadOnlyList<string> Extensions { get; } = [".collection"];

    public IEnumerable<CollectionDocument> Read(string path)
    {
        string text = File.ReadAllText(path);
        if (text.StartsWith("broken", StringComparison.Ordinal)) throw new AnnalistException(ErrorCatalogue.UnreadableFile, path, "it says it is broken");
        foreach (string part in text.Split("=== ", StringSplitOptions.RemoveEmptyEntries))
        {
            int newline = part.IndexOf('\n', StringComparison.Ordinal);
            string id = part[..newline].Trim();
            yield return new CollectionDocument(id, new Annalist.Core.Text.SourceDocument(id, part[(newline + 1)..]));
        }
    }
}
