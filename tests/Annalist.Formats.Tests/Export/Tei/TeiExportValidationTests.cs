using System.Diagnostics;
using System.Xml.Linq;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Formats.Export;
using Annalist.Formats.Export.Tei;
using Annalist.Formats.Tei;
using Annalist.Tests;
using Xunit.Abstractions;

namespace Annalist.Formats.Tests.Export.Tei;

/// <summary>TEI exports validated by jing against tei_all.rng: the seed, hand-made tricky records, every FRUS document.</summary>
public sealed class TeiExportValidationTests(ITestOutputHelper output)
{
    private static readonly Lazy<AnalysisPipeline> Pipeline = new(() => DefaultPipeline.Create());

    [JingFact]
    public void The_seed_record_exports_as_valid_TEI_holding_its_text()
    {
        string path = Directory.EnumerateFiles(SharedData.PathTo("seed"), "*.txt").Order(StringComparer.Ordinal).First();
        var document = ExportDocument.FromAnalysis(Pipeline.Value.Analyze(new SourceDocument(Path.GetFileName(path), File.ReadAllText(path))));
        string file = WriteTei(document, TempFolder("seed"), "seed");

        AssertValid([file]);
        Assert.Equal(document.Text, BodyText(file));
        var xml = XDocument.Load(file);
        Assert.Contains(xml.Descendants(Tei("persName")), name => name.Attribute("ref") is not null);
        Assert.Contains(xml.Descendants(Tei("said")), said => said.Attribute("who") is not null);
    }

    [JingFact]
    public void Tricky_records_export_as_valid_TEI_holding_their_text()
    {
        string folder = TempFolder("tricky");
        var files = new List<string>();
        foreach (var (name, text) in TrickyTexts.All)
        {
            var document = ExportDocument.FromAnalysis(Pipeline.Value.Analyze(new SourceDocument(name, text)));
            string file = WriteTei(document, folder, name);
            files.Add(file);
            Assert.Equal(XmlCharacters.Sanitize(text, out _), BodyText(file));
        }
        AssertValid(files);
    }

    [JingFact]
    public void Voices_no_person_holds_export_as_valid_TEI()
    {
        string file = WriteTei(TeiExportWriterTests.Voices(), TempFolder("voices"), "voices");

        AssertValid([file]);
        Assert.Equal(TeiExportWriterTests.VoicesText, BodyText(file));
    }

    [JingFact]
    public void Every_FRUS_document_exports_as_valid_TEI()
    {
        var clock = Stopwatch.StartNew();
        string folder = TempFolder("frus");
        var files = new List<string>();
        var writer = new TeiExportWriter();
        foreach (string volume in Directory.EnumerateFiles(SharedData.PathTo("corpora", "frus"), "*.xml").Order(StringComparer.Ordinal))
        {
            var sources = TeiReader.ReadVolume(volume).Documents.Select(document => document.Body);
            foreach (var analyzed in Pipeline.Value.AnalyzeMany(sources))
            {
                var document = ExportDocument.FromAnalysis(analyzed);
                string file = Path.Combine(folder, $"{files.Count:D5}.xml");
                using (var stream = File.Create(file)) writer.Write(document, stream);
                files.Add(file);
            }
        }
        var exported = clock.Elapsed;
        try
        {
            foreach (var batch in files.Chunk(400)) AssertValid(batch);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        output.WriteLine($"{files.Count} FRUS documents exported in {exported.TotalSeconds:F1} s, validated in {(clock.Elapsed - exported).TotalSeconds:F1} s");
        Assert.True(files.Count > 2000, $"only {files.Count} documents were read");
    }

    internal static XName Tei(string name) => XName.Get(name, TeiExportWriter.Namespace);

    internal static string BodyText(string file) =>
        string.Concat(XDocument.Load(file, LoadOptions.PreserveWhitespace).Descendants(Tei("div")).First().DescendantNodes().OfType<XText>().Select(node => node.Value));

    private static string WriteTei(ExportDocument document, string folder, string name)
    {
        string file = Path.Combine(folder, name + ".xml");
        using var stream = File.Create(file);
        new TeiExportWriter().Write(document, stream);
        return file;
    }

    private static string TempFolder(string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), "annalist-tei-tests", name + "-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void AssertValid(IReadOnlyList<string> files)
    {
        var (exitCode, report) = Jing.Validate(Jing.TeiSchema, files);
        Assert.True(exitCode == 0 && report.Trim().Length == 0, $"jing found errors:\n{string.Join('\n', report.Split('\n').Take(30))}");
    }
}
