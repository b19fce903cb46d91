using System.ComponentModel;
using Annalist.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>What every corpus command takes: where the store is.</summary>
public abstract class StoreSettings : CommandSettings
{
    [CommandOption("--db <DB>")]
    [Description("The store: an SQLite file (default annalist.db in the current folder) or postgres://user:password@host:port/database.")]
    public string? Database { get; init; }

    /// <summary>The store location, the default file when none was given.</summary>
    public string StoreLocation => string.IsNullOrWhiteSpace(Database) ? CorpusStores.DefaultFile : Database;

    /// <summary>Opens the store this command names, which must exist (<see cref="OpenExisting(string, bool)"/>).</summary>
    public ICorpusStore OpenExistingStore() => OpenExisting(StoreLocation, named: !string.IsNullOrWhiteSpace(Database));

    /// <summary>
    /// Opens the store at <paramref name="location"/> for a command that reads a corpus: a mistyped SQLite path is
    /// refused with ANL1011 instead of silently creating an empty store that answers nothing.
    /// </summary>
    public static ICorpusStore OpenExisting(string location, bool named)
    {
        if (!Annalist.Store.Postgres.PostgresLocation.IsPostgres(location) && !File.Exists(location))
            throw NoStore(location, named);
        return CorpusStores.Open(location);
    }

    /// <summary>
    /// ANL1011 for <paramref name="location"/>: the full path looked for, whether it was the default (no --db given),
    /// and the ingest command that creates it.
    /// </summary>
    public static Annalist.Core.Errors.AnnalistException NoStore(string location, bool named)
    {
        string path = Path.GetFullPath(location);
        string quoted = location.Any(char.IsWhiteSpace) ? $"\"{location}\"" : location;
        return named
            ? new Annalist.Core.Errors.AnnalistException(Annalist.Core.Errors.ErrorCatalogue.NoStoreAtPath, path, " (--db)", $" --db {quoted}")
            : new Annalist.Core.Errors.AnnalistException(Annalist.Core.Errors.ErrorCatalogue.NoStoreAtPath, path, " (the default when no --db is given)", "");
    }

    public override ValidationResult Validate() =>
        Database is not null && string.IsNullOrWhiteSpace(Database) ? ValidationResult.Error("--db needs a file name or a postgres:// address.") : ValidationResult.Success();
}
