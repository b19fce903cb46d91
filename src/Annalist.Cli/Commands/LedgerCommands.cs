using System.ComponentModel;
using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Ledger;
using Annalist.Core.Text;
using Annalist.Formats.Ledger;
using Annalist.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>The arguments of <c>annalist ledger</c> and <c>annalist timeline</c>: files to analyze, or a store to read.</summary>
public sealed class LedgerSettings : CommandSettings
{
    [CommandArgument(0, "[FILE]")]
    [Description("Records to analyze (.txt, .md, .docx, .pdf …; a folder stands for its records). Leave out with --db.")]
    public string[] Files { get; init; } = [];

    [CommandOption("-f|--format <FORMAT>")]
    [Description("text (a table, the default), json or csv.")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    [CommandOption("--db <DB>")]
    [Description("Read the stored events of a corpus instead: an SQLite file or postgres://user:password@host:port/database.")]
    public string? Database { get; init; }

    [CommandOption("--document <KEY>")]
    [Description("With --db: only this document (its key or name).")]
    public string? Document { get; init; }

    [CommandOption("--indent")]
    [Description("Indent JSON for reading.")]
    public bool Indent { get; init; }

    public LedgerFormat ParsedFormat => Format.ToLowerInvariant() switch
    {
        "json" => LedgerFormat.Json,
        "csv" => LedgerFormat.Csv,
        _ => LedgerFormat.Text,
    };

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Format) || Format.ToLowerInvariant() is not ("text" or "json" or "csv"))
            return ValidationResult.Error($"Unknown format '{Format}' for --format: use text, json or csv.");
        if (Database is null && Files.Length == 0) return ValidationResult.Error("Name at least one file, or a store with --db.");
        if (Database is not null && Files.Length > 0) return ValidationResult.Error("Give files or --db, not both.");
        if (Database is not null && string.IsNullOrWhiteSpace(Database)) return ValidationResult.Error("--db needs a file name or a postgres:// address.");
        if (Document is not null && Database is null) return ValidationResult.Error("--document needs --db.");
        return ValidationResult.Success();
    }
}

/// <summary>Where the ledger's documents come from: a fresh analysis of files, or the stored annotations of a corpus.</summary>
internal static class LedgerSources
{
    public static IReadOnlyList<LedgerDocument> Load(AnnalistServices services, LedgerSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Database is { } location) return FromStore(services, location, settings.Document);
        var extensions = InputFiles.Extensions(services.Readers, services.CollectionReaders);
        // A TEI volume holds many documents, each named PATH#ID as ingest and export name them.
        var read = new List<(string Name, SourceDocument Document)>();
        foreach (var input in InputFiles.ExpandCollections(InputFiles.Expand(settings.Files, extensions), services.CollectionReaders))
        {
            if (input.Error is { } error) throw error;
            if (input.Document is { } member) read.Add(($"{input.Path}#{input.Member}", member));
            else
            {
                var document = services.Readers.Read(input.Path).Document;
                read.Add((document.Name, document));
            }
        }
        var names = new Dictionary<SourceDocument, string>(ReferenceEqualityComparer.Instance);
        foreach (var (name, document) in read) names[document] = name;
        return services.Pipeline.AnalyzeMany(read.Select(r => r.Document), cancellationToken: cancellationToken)
            .Select(analyzed => LedgerDocument.FromAnalysis(analyzed, names[analyzed.Source]))
            .ToList();
    }

    private static IReadOnlyList<LedgerDocument> FromStore(AnnalistServices services, string location, string? only)
    {
        using var store = StoreSettings.OpenExisting(location, named: true);
        var stored = new List<StoredDocument>();
        if (only is not null) stored.Add(store.FindDocument(only) ?? throw new AnnalistException(ErrorCatalogue.DocumentNotInStore, only));
        else
        {
            foreach (string key in store.GetFingerprints().Keys.Order(StringComparer.Ordinal))
            {
                if (store.FindDocument(key) is { } document) stored.Add(document);
            }
        }
        var documents = new List<LedgerDocument>();
        foreach (var document in stored)
        {
            var events = store.GetAnnotations(document.Id, LayerNames.Events);
            if (events.Count == 0 && !store.GetLayers(document.Id).Any(l => l.Name == LayerNames.Events))
                services.Streams.WriteErrorLine(ErrorCatalogue.StoredDocumentWithoutEvents.Format(document.Name));
            var fields = events.Concat(store.GetAnnotations(document.Id, LayerNames.Entities)).Select(a => new StoredFields(a.Layer, a.Span, a.Fields));
            documents.Add(StoredLedgerReader.Read(document.Name, document.Text, fields));
        }
        return documents;
    }

    public static void Write(AnnalistServices services, LedgerSettings settings, Action<IAnsiConsole> text, Action<TextWriter> csv, Action<Stream> json)
    {
        switch (settings.ParsedFormat)
        {
            case LedgerFormat.Json:
                json(services.Streams.OutputStream);
                services.Streams.OutputStream.WriteByte((byte)'\n');
                services.Streams.OutputStream.Flush();
                break;
            case LedgerFormat.Csv:
                using (var writer = new StreamWriter(services.Streams.OutputStream, new System.Text.UTF8Encoding(false), leaveOpen: true))
                {
                    csv(writer);
                }
                break;
            default:
                text(services.Streams.Output);
                break;
        }
    }
}

/// <summary>
/// <c>annalist ledger FILE... | --db STORE [--document KEY] [--format text|json|csv]</c>: the commitments
/// table — who asked for, promised, ordered, granted or delivered what, to or for whom, how many, when,
/// what became of it, with the words of the record. Exit code 0, or 1 when no line was found.
/// </summary>
public sealed class LedgerCommand : Command<LedgerSettings>
{
    private readonly AnnalistServices _services;

    public LedgerCommand(AnnalistServices services)
    {
        _services = services;
    }

    public override int Execute(CommandContext context, LedgerSettings settings, CancellationToken cancellationToken)
    {
        var rows = LedgerBuilder.Commitments(LedgerSources.Load(_services, settings, cancellationToken));
        LedgerSources.Write(_services, settings, console => LedgerWriters.WriteText(console, rows), writer => LedgerWriters.WriteCsv(writer, rows),
            stream => LedgerWriters.WriteJson(stream, rows, settings.Indent));
        return rows.Count > 0 ? 0 : 1;
    }
}

/// <summary>
/// <c>annalist timeline FILE... | --db STORE [--document KEY] [--format text|json|csv]</c>: the dated events
/// in time order with their participants; an uncertain date shows its earliest and latest minute.
/// Exit code 0, or 1 when no dated event was found.
/// </summary>
public sealed class TimelineCommand : Command<LedgerSettings>
{
    private readonly AnnalistServices _services;

    public TimelineCommand(AnnalistServices services)
    {
        _services = services;
    }

    public override int Execute(CommandContext context, LedgerSettings settings, CancellationToken cancellationToken)
    {
        var rows = LedgerBuilder.Timeline(LedgerSources.Load(_services, settings, cancellationToken));
        LedgerSources.Write(_services, settings, console => LedgerWriters.WriteText(console, rows), writer => LedgerWriters.WriteCsv(writer, rows),
            stream => LedgerWriters.WriteJson(stream, rows, settings.Indent));
        return rows.Count > 0 ? 0 : 1;
    }
}
