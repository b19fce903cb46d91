using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Annalist.Cli.Benchmarking;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>
/// <c>annalist bench PATH... [--repeat N] [--peers] [--json]</c>: analyzes a corpus with the full
/// pipeline on one core and on all cores, after an untimed warm-up, and reports words/s, words per
/// second of processor time, MB/s, each component's time and peak memory; with <c>--peers</c> runs the peer tools on the same text in the same run and compares.
/// </summary>
public sealed class BenchCommand(AnnalistServices services) : Command<BenchSettings>
{
    private CommandStreams Streams => services.Streams;

    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        var corpus = Load(settings, out bool anyFailed);
        if (corpus.Documents.Count == 0) throw new AnnalistException(ErrorCatalogue.NoInputFiles, string.Join(", ", settings.Paths), ".txt, .md");
        var pipeline = services.Pipeline;
        var warmUp = PipelineBenchmark.WarmUp(pipeline, corpus, TimeSpan.FromSeconds(settings.WarmUp), cancellationToken);
        Streams.WriteErrorLine(settings.WarmUp > 0
            ? $"Warmed up (untimed) on {warmUp.Documents:N0} documents in {warmUp.Elapsed.TotalSeconds:F1} s, until the JIT had compiled nothing new for {PipelineBenchmark.QuietTime.TotalSeconds:F0} s ({warmUp.CompiledMethods:N0} methods compiled)."
            : $"Warmed up (untimed) on one document only: the first timed run includes JIT compilation.");
        Streams.WriteErrorLine($"Benchmarking {corpus.Documents.Count:N0} documents, {corpus.Words:N0} words, {corpus.Megabytes:F1} MB …");
        var oneCore = PipelineBenchmark.Run(pipeline, corpus, 1, cancellationToken);
        var allCores = Environment.ProcessorCount > 1 ? PipelineBenchmark.Run(pipeline, corpus, Environment.ProcessorCount, cancellationToken) : oneCore;
        long peakMemory = Process.GetCurrentProcess().PeakWorkingSet64;

        IReadOnlyList<PeerRun> peers = [];
        if (settings.Peers)
        {
            string folder = settings.PeersDirectory ?? PeerRunner.Find(Directory.GetCurrentDirectory())
                ?? throw new AnnalistException(ErrorCatalogue.PeerFailed, "bench/peers", "folder not found above the current one; pass --peers-dir");
            peers = new PeerRunner(folder, Streams.WriteErrorLine).RunAll(corpus, cancellationToken);
        }

        if (settings.Json) WriteJson(corpus, oneCore, allCores, peakMemory, peers, pipeline.Version, warmUp);
        else WriteTables(corpus, oneCore, allCores, peakMemory, peers);
        return anyFailed ? AnnalistApp.InputErrorExitCode : 0;
    }

    private BenchmarkCorpus Load(BenchSettings settings, out bool anyFailed)
    {
        anyFailed = false;
        var read = new List<SourceDocument>();
        foreach (var input in InputFiles.Expand(settings.Paths, services.Readers.KnownExtensions.ToList()))
        {
            try
            {
                if (input.Error is { } error) throw error;
                read.Add(services.Readers.Read(input.Path).Document);
            }
            catch (AnnalistException exception)
            {
                Streams.WriteErrorLine(exception.ToOneLine());
                anyFailed = true;
            }
        }
        var documents = new List<SourceDocument>(read.Count * settings.Repeat);
        for (int round = 0; round < settings.Repeat; round++) documents.AddRange(read);
        return new BenchmarkCorpus(documents);
    }

    private void WriteTables(BenchmarkCorpus corpus, PipelineRun oneCore, PipelineRun allCores, long peakMemory, IReadOnlyList<PeerRun> peers)
    {
        var console = Streams.Output;
        console.Write(new Rule($"Annalist bench: {corpus.Documents.Count:N0} documents, {corpus.Words:N0} words, {corpus.Megabytes:F2} MB").LeftJustified());
        var speed = new Table().AddColumns("tool", "version", "work", "cores", "words/s", "MB/s", "Annalist (1 core) ÷ tool", "words per processor-s", "cores busy");
        speed.AddRow("annalist", Markup.Escape(typeof(BenchCommand).Assembly.GetName().Version?.ToString() ?? "?"), "full pipeline", "1",
            Number(oneCore.WordsPerSecond(corpus)), Fixed(oneCore.MegabytesPerSecond(corpus)), "1.00",
            Number(oneCore.WordsPerProcessorSecond(corpus)), Fixed(oneCore.CoresBusy));
        if (!ReferenceEquals(oneCore, allCores))
            speed.AddRow("annalist", "", "full pipeline", allCores.Cores.ToString(CultureInfo.InvariantCulture),
                Number(allCores.WordsPerSecond(corpus)), Fixed(allCores.MegabytesPerSecond(corpus)), "",
                Number(allCores.WordsPerProcessorSecond(corpus)), Fixed(allCores.CoresBusy));
        foreach (var peer in peers)
        {
            string work = PeerRunner.Peers.First(p => p.Name == peer.Peer).Work;
            speed.AddRow(Markup.Escape(peer.Package), Markup.Escape(peer.Version), Markup.Escape(work), "1",
                Number(peer.WordsPerSecond(corpus)), Fixed(corpus.Megabytes / peer.Elapsed.TotalSeconds),
                Fixed(oneCore.WordsPerSecond(corpus) / peer.WordsPerSecond(corpus)), "", "");
        }
        console.Write(speed);

        var components = new Table().AddColumns("component (1 core)", "time", "share", "MB/s");
        double total = oneCore.Components.Sum(c => c.Elapsed.TotalSeconds);
        foreach (var component in oneCore.Components)
        {
            double seconds = component.Elapsed.TotalSeconds;
            components.AddRow(Markup.Escape(component.Component), $"{seconds * 1000:F0} ms",
                total > 0 ? $"{seconds / total:P0}" : "–", seconds > 0 ? Fixed(corpus.Megabytes / seconds) : "–");
        }
        console.Write(components);
        console.WriteLine($"load average {LoadAverage()} (other processes share the cores: compare processor-second figures across runs)");
        console.WriteLine($"peak working set {peakMemory / 1_000_000.0:F0} MB; allocated {oneCore.AllocatedBytes / 1_000_000.0:F0} MB in the one-core run");
    }

    private void WriteJson(BenchmarkCorpus corpus, PipelineRun oneCore, PipelineRun allCores, long peakMemory, IReadOnlyList<PeerRun> peers, string pipelineVersion, WarmUpRun warmUp)
    {
        using var json = new Utf8JsonWriter(Streams.OutputStream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("pipeline", pipelineVersion);
        json.WriteNumber("documents", corpus.Documents.Count);
        json.WriteNumber("words", corpus.Words);
        json.WriteNumber("megabytes", Math.Round(corpus.Megabytes, 4));
        json.WriteNumber("peak_working_set_bytes", peakMemory);
        json.WriteString("load_average", LoadAverage());
        json.WriteStartObject("warm_up");
        json.WriteNumber("documents", warmUp.Documents);
        json.WriteNumber("seconds", warmUp.Elapsed.TotalSeconds);
        json.WriteNumber("compiled_methods", warmUp.CompiledMethods);
        json.WriteEndObject();
        json.WriteStartArray("runs");
        foreach (var run in ReferenceEquals(oneCore, allCores) ? [oneCore] : new[] { oneCore, allCores })
        {
            json.WriteStartObject();
            json.WriteNumber("cores", run.Cores);
            json.WriteNumber("seconds", run.Elapsed.TotalSeconds);
            json.WriteNumber("words_per_second", Math.Round(run.WordsPerSecond(corpus)));
            json.WriteNumber("processor_seconds", run.ProcessorTime.TotalSeconds);
            json.WriteNumber("words_per_processor_second", Math.Round(run.WordsPerProcessorSecond(corpus)));
            json.WriteNumber("megabytes_per_second", Math.Round(run.MegabytesPerSecond(corpus), 3));
            json.WriteNumber("allocated_bytes", run.AllocatedBytes);
            json.WriteStartObject("components");
            foreach (var component in run.Components) json.WriteNumber(component.Component, component.Elapsed.TotalSeconds);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("peers");
        foreach (var peer in peers)
        {
            json.WriteStartObject();
            json.WriteString("peer", peer.Peer);
            json.WriteString("package", peer.Package);
            json.WriteString("version", peer.Version);
            json.WriteNumber("seconds", peer.Elapsed.TotalSeconds);
            json.WriteNumber("words_per_second", Math.Round(peer.WordsPerSecond(corpus)));
            json.WriteNumber("annalist_one_core_ratio", Math.Round(oneCore.WordsPerSecond(corpus) / peer.WordsPerSecond(corpus), 3));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        Streams.OutputStream.WriteByte((byte)'\n');
        Streams.OutputStream.Flush();
    }

    /// <summary>The one-minute load average where the system tells it (Linux), else "?".</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Fixed(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
