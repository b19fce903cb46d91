using System.Diagnostics;
using System.Globalization;
using Annalist.Store.Entities;
using Annalist.Store.Postgres;
using Annalist.Store.Sqlite;
using Xunit.Abstractions;

namespace Annalist.Store.Tests.Entities;

/// <summary>
/// Times <see cref="ICorpusStore.GetEntity"/> on a real corpus (the figures of docs/corpus.md): the store at
/// <c>ANNALIST_STORE_MEASURE_DB</c> (an SQLite file or a postgres:// address, e.g. the one .ci/web-corpus.sh
/// builds), its most documented entities, each looked up a few times. Opening the store migrates it.
/// Skipped when the variable is unset.
/// </summary>
public sealed class EntityLookupMeasurement(ITestOutputHelper output)
{
    public const string Variable = "ANNALIST_STORE_MEASURE_DB";

    [SkippableFact]
    public void Entity_lookups_on_a_stored_corpus_are_timed()
    {
        string? location = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrEmpty(location), Variable + " is not set: point it at a corpus store to time entity lookups.");
        using ICorpusStore store = location.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || location.Contains("Host=", StringComparison.Ordinal)
            ? PostgresCorpusStore.Open(location)
            : SqliteCorpusStore.Open(location);
        var entities = store.ListEntities(new EntityQuery(Limit: 100));
        Skip.If(entities.Count == 0, "the store holds no corpus entities");
        foreach (var entity in entities.Take(3)) Assert.NotNull(store.GetEntity(entity.Id));
        const int Rounds = 3;
        var times = new List<double>();
        int occurrences = 0;
        for (int round = 0; round < Rounds; round++)
        {
            foreach (var entity in entities)
            {
                var clock = Stopwatch.StartNew();
                var details = store.GetEntity(entity.Id);
                times.Add(clock.Elapsed.TotalMilliseconds);
                occurrences += details!.Mentions.Count + details.Turns.Count;
            }
        }
        times.Sort();
        double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"schema {store.SchemaVersion}, {entities.Count} entities x {Rounds}: mean {times.Average():0.0} ms, p50 {Percentile(0.5):0.0} ms, p95 {Percentile(0.95):0.0} ms, max {times[^1]:0.0} ms; {occurrences / Rounds} occurrences a round"));
        Assert.True(occurrences > 0, "the most documented entities have mentions or turns");
    }
}
