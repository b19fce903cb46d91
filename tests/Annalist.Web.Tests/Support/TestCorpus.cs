using Annalist.Core.Pipeline;
using Annalist.Store;
using Annalist.Store.Ingest;
using Annalist.Store.Sqlite;

namespace Annalist.Web.Tests.Support;

/// <summary>
/// A small corpus written for these tests, ingested into an SQLite store in a temporary folder: a meeting
/// with several speakers, dates, a request and a grant; a diary of a journey; and a hostile record holding
/// markup and script that the pages must show as text.
/// </summary>
public sealed class TestCorpus : IDisposable
{
    public const string MeetingFile = "meeting-harbour-board.txt";
    public const string DiaryFile = "diary-river-journey.txt";
    public const string HostileFile = "hostile-markup.txt";
    public const string PressFile = "press-conference-fisheries.txt";

    public const string Meeting = """
        Memorandum of Conversation, Geneva, March 3, 1956

        Participants: Secretary Harold Whitcombe, Minister Arvid Lindqvist, Ambassador Teresa Okafor.

        On March 3, 1956 Secretary Whitcombe met with Minister Lindqvist and Ambassador Okafor at the Palais in Geneva.

        Lindqvist said: “Our harbour board asks your government for two dredgers before the spring floods. We request them by April 1956.”

        Whitcombe replied: “We will give you the two dredgers. They can leave Baltimore within a month.”

        Okafor asked: “Will the same terms apply to the port of Lagos next year?”

        Whitcombe: “I cannot promise that today. We shall decide in the autumn of 1956.”

        Lindqvist thanked the Secretary and said the board would send its engineers to Vienna on March 20, 1956.
        """;

    public const string Diary = """
        Diary of the River Commission, Vienna, April 2, 1957

        On April 2, 1957 the commission left Vienna by boat for Budapest. Commissioner Ilse Brandauer met the harbour master in Budapest on April 4.

        Brandauer said: “We need three more pilots before the summer.” The harbour master promised to send them in May 1957.
        """;

    public const string Hostile = """
        Record of a hostile paste, London, June 1, 1955

        The clerk copied this into the minutes: <script>alert(1)</script> and then <img src=x onerror="alert(2)"> and a link <a href="javascript:alert(3)">open</a>.

        Chairman Bell said: “Nobody should click javascript:alert(4) or <b onmouseover=alert(5)>this</b>.”
        """;

    // Questions from the press: voices no person holds (speaker_role press).
    public const string Press = """
        Transcript of a Press Conference, Tromsø, May 14, 1957

        Q: Will the fishing talks resume this month?
        A: They will resume on May 20.
        Q: Has the other side accepted the new quota?
        A: Not yet.
        """;

    private TestCorpus(string folder)
    {
        Folder = folder;
        StoreFile = Path.Combine(folder, "corpus.db");
    }

    public string Folder { get; }

    public string StoreFile { get; }

    public string PathOf(string file) => Path.Combine(Folder, "records", file);

    public static TestCorpus Create()
    {
        var corpus = new TestCorpus(Path.Combine(Path.GetTempPath(), "annalist-web-tests-" + Guid.NewGuid().ToString("N")));
        string records = Path.Combine(corpus.Folder, "records");
        Directory.CreateDirectory(records);
        File.WriteAllText(Path.Combine(records, MeetingFile), Meeting);
        File.WriteAllText(Path.Combine(records, DiaryFile), Diary);
        File.WriteAllText(Path.Combine(records, HostileFile), Hostile);
        File.WriteAllText(Path.Combine(records, PressFile), Press);
        using var store = SqliteCorpusStore.Open(corpus.StoreFile);
        var summary = new CorpusIngester(store, Pipeline.Value) { MaxDegreeOfParallelism = 1 }.Ingest([records]);
        if (store.CountDocuments() != 4) throw new InvalidOperationException($"The test corpus was not ingested: {summary}");
        return corpus;
    }

    /// <summary>Analyzes a record again and stores it, as an ingest with a new pipeline version does: corrections are replayed.</summary>
    public void Reanalyze(string file)
    {
        using var store = SqliteCorpusStore.Open(StoreFile);
        string path = PathOf(file);
        var document = new Core.Text.SourceDocument(file, File.ReadAllText(path), new Core.Text.DocumentMetadata { Source = path });
        store.Save(Pipeline.Value.Analyze(document), Path.GetFullPath(path));
    }

    public ICorpusStore OpenStore() => SqliteCorpusStore.Open(StoreFile);

    public static Lazy<AnalysisPipeline> Pipeline { get; } = new(DefaultPipeline.Create);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
