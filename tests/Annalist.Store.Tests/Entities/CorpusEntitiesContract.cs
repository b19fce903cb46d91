using Annalist.Core.Entities;
using Annalist.Core.Errors;
using Annalist.Store.Entities;
using Annalist.Store.Search;
using Annalist.Store.Tests.Support;
using static Annalist.Store.Tests.Support.CorpusPipelines;

namespace Annalist.Store.Tests.Entities;

/// <summary>
/// Corpus entities and search filters, as every store must keep them. Each subclass runs it against one
/// database kind; <see cref="OpenStore"/> opens the test's own, empty store (the same one on every call).
/// </summary>
public abstract class CorpusEntitiesContract : IDisposable
{
    protected abstract ICorpusStore OpenStore();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>Runs <paramref name="sql"/> on the test's store outside the store's code, as an older version of it would have left it.</summary>
    protected abstract void ExecuteRaw(string sql);

    /// <summary>Whether the test's store has an index of that name.</summary>
    protected abstract bool HasIndex(string name);

    [SkippableFact]
    public void A_version_2_store_is_migrated_in_place_and_keeps_what_it_holds()
    {
        using (var store = OpenStore())
        {
            SaveThreeRecordsOfOneMarshal(store);
            Assert.Equal(3, store.SchemaVersion);
        }
        // What a store made by schema version 2 looks like: the same tables without the occurrence index.
        ExecuteRaw("DROP INDEX facets_by_document_value");
        ExecuteRaw("DELETE FROM schema_version WHERE version = 3");
        Assert.False(HasIndex("facets_by_document_value"));

        using (var migrated = OpenStore())
        {
            Assert.Equal(3, migrated.SchemaVersion);
            Assert.True(HasIndex("facets_by_document_value"));
            Assert.Equal(3, migrated.CountDocuments());
            var entity = Assert.Single(migrated.FindEntities("Stalin"));
            var details = migrated.GetEntity(entity.Id)!;
            Assert.Equal(3, details.Mentions.Select(m => m.DocumentKey).Distinct().Count());
            Assert.Equal("/records/c.txt", Assert.Single(details.Turns).DocumentKey);
        }
        // Opening it again applies nothing twice.
        using var again = OpenStore();
        Assert.Equal(3, again.SchemaVersion);
    }

    private static void SaveThreeRecordsOfOneMarshal(ICorpusStore store, int version = 1)
    {
        store.Save(Analyze("a.txt", "Talk at the dacha.\n\nJ. Stalin received the delegation.\n", version, Person("j-stalin", "J. Stalin")), "/records/a.txt");
        store.Save(Analyze("b.txt", "Evening session.\n\nMarshal Stalin spoke of the harvest.\n", version,
            new ListedEntity("stalin", EntityType.Person, "Stalin", ["Marshal Stalin"], ["Marshal"])), "/records/b.txt");
        store.Save(Analyze("c.txt", "Notes.\n\nStalin: The trucks will come in spring.\n", version, Person("stalin", "Stalin")), "/records/c.txt");
    }

    [SkippableFact]
    public void Initials_titles_and_a_bare_surname_are_one_person_across_documents()
    {
        using var store = OpenStore();
        SaveThreeRecordsOfOneMarshal(store);

        var entity = Assert.Single(store.FindEntities("Stalin"));
        Assert.Equal(("person", "J. Stalin", 3), (entity.Type, entity.Name, entity.Documents));
        Assert.Contains("Marshal Stalin", entity.Names);
        Assert.Contains("Marshal", entity.Roles);
        var details = store.GetEntity(entity.Id)!;
        Assert.Equal(3, details.Members.Count);
        Assert.Equal(3, details.Mentions.Select(m => m.DocumentKey).Distinct().Count());
        var turn = Assert.Single(details.Turns);
        Assert.Equal("/records/c.txt", turn.DocumentKey);
        Assert.StartsWith(" The trucks", turn.Text, StringComparison.Ordinal);
        // Each member says by which rule it joined, and on which names.
        Assert.All(details.Members.Where(m => m.Rule != "first"), m => Assert.Contains("~", m.Evidence, StringComparison.Ordinal));
        Assert.Contains(details.Members, m => m.Rule == "surname");
    }

    [SkippableFact]
    public void Two_people_of_one_surname_with_different_given_names_stay_two()
    {
        using var store = OpenStore();
        store.Save(Analyze("a.txt", "John Foster Dulles saw the minister.\n", Person("john-foster-dulles", "John Foster Dulles")), "a");
        store.Save(Analyze("b.txt", "Allen W. Dulles wrote a report.\n", Person("allen-dulles", "Allen W. Dulles")), "b");
        store.Save(Analyze("c.txt", "J. F. Dulles and the Secretary agreed.\n", Person("jf-dulles", "J. F. Dulles")), "c");
        store.Save(Analyze("d.txt", "Foster Dulles flew home.\n", Person("foster-dulles", "Foster Dulles")), "d");

        var found = store.FindEntities("Dulles");
        Assert.Equal(2, found.Count);
        var john = Assert.Single(store.FindEntities("John Foster Dulles"));
        Assert.Equal(3, john.Documents);
        Assert.Contains("Foster Dulles", john.Names);
        Assert.Contains("J. F. Dulles", john.Names);
        var allen = Assert.Single(store.FindEntities("A. Dulles"));
        Assert.Equal("Allen W. Dulles", allen.Name);
        Assert.NotEqual(john.Id, allen.Id);
        Assert.Equal(2, store.ListEntities(new EntityQuery(Type: "person")).Count);
        Assert.Empty(store.ListEntities(new EntityQuery(Type: "place")));
    }

    [SkippableFact]
    public void Places_of_one_gazetteer_entry_are_one_whatever_their_names()
    {
        using var store = OpenStore();
        store.Save(Analyze("a.txt", "We flew to Moscow.\n", new ListedEntity("moscow", EntityType.Place, "Moscow", Gazetteer: "geonames:1")), "a");
        store.Save(Analyze("b.txt", "The train reached Moskva.\n", new ListedEntity("moskva", EntityType.Place, "Moskva", Gazetteer: "geonames:1")), "b");
        store.Save(Analyze("c.txt", "A letter from Moscow, Idaho.\n", new ListedEntity("moscow", EntityType.Place, "Moscow", Gazetteer: "geonames:2")), "c");

        var places = store.ListEntities(new EntityQuery(Type: "place"));
        Assert.Equal(2, places.Count);
        var first = places.Single(p => p.Gazetteers.Contains("geonames:1"));
        Assert.Equal(2, first.Documents);
        Assert.Contains("Moskva", first.Names);
        Assert.Equal(2, store.FindEntities("Moscow", "place").Count);
    }

    [SkippableFact]
    public void A_bare_surname_shared_by_two_equally_documented_people_stays_apart()
    {
        using var store = OpenStore();
        store.Save(Analyze("a.txt", "Svetlana Stalin visited.\n", Person("svetlana-stalin", "Svetlana Stalin")), "a");
        store.Save(Analyze("b.txt", "Vasily Stalin flew.\n", Person("vasily-stalin", "Vasily Stalin")), "b");
        store.Save(Analyze("c.txt", "Stalin was there.\n", Person("stalin", "Stalin")), "c");
        var found = store.FindEntities("Stalin");
        Assert.Equal(3, found.Count);
        var bare = found.Single(e => e.Name == "Stalin");
        Assert.Contains("ambiguous", Assert.Single(store.GetEntity(bare.Id)!.Members).Rule, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_title_alone_is_not_gathered_across_documents()
    {
        using var store = OpenStore();
        store.Save(Analyze("a.txt", "The Ambassador called.\n", Person("ambassador", "The Ambassador")), "a");
        store.Save(Analyze("b.txt", "The Ambassador left.\n", Person("ambassador", "The Ambassador")), "b");
        Assert.Equal(2, store.ListEntities(new EntityQuery(Type: "person")).Count);
    }

    [SkippableFact]
    public void Re_analysis_keeps_corpus_ids_and_replaces_the_documents_links()
    {
        using var store = OpenStore();
        SaveThreeRecordsOfOneMarshal(store);
        long id = Assert.Single(store.FindEntities("Stalin")).Id;

        SaveThreeRecordsOfOneMarshal(store, version: 2);
        Assert.Equal(id, Assert.Single(store.FindEntities("Stalin")).Id);

        store.Save(Analyze("c.txt", "Notes.\n\nNobody of note.\n", 2), "/records/c.txt");
        var entity = Assert.Single(store.FindEntities("Stalin"));
        Assert.Equal((id, 2), (entity.Id, entity.Documents));
        Assert.Empty(store.GetEntity(id)!.Turns);
    }

    [SkippableFact]
    public void A_merge_and_a_split_are_corrections_that_survive_re_ingest_with_a_new_pipeline()
    {
        using var store = OpenStore();
        store.Save(Analyze("a.txt", "Koba wrote from exile.\n", Person("koba", "Koba")), "a");
        SaveThreeRecordsOfOneMarshal(store);
        store.Save(Analyze("d.txt", "Svetlana Stalin visited.\n", Person("svetlana-stalin", "Svetlana Stalin")), "d");
        store.Save(Analyze("e.txt", "J. V. Stalin signed.\n", Person("stalin", "J. V. Stalin")), "e");
        long koba = Assert.Single(store.FindEntities("Koba")).Id;
        var stalins = store.FindEntities("Stalin");
        Assert.Equal(2, stalins.Count);
        long marshal = stalins.Single(e => e.Name == "J. V. Stalin").Id;
        Assert.Contains("Marshal Stalin", store.GetEntity(marshal)!.Entity.Names);

        var merged = store.MergeEntities(marshal, koba, "a party name");
        Assert.Equal(marshal, merged.Id);
        Assert.Contains("Koba", merged.Names);
        Assert.Equal(marshal, Assert.Single(store.FindEntities("Koba")).Id);

        var parts = store.SplitEntity(marshal, ["Marshal Stalin"]);
        Assert.Equal(2, parts.Count);
        long split = parts.Single(p => p.Id != marshal).Id;
        Assert.Contains("Marshal Stalin", parts.Single(p => p.Id == split).Names);
        Assert.DoesNotContain("Marshal Stalin", store.GetEntity(marshal)!.Entity.Names);

        // Everything analyzed again by a new pipeline version: the user's merge and split still hold.
        store.Save(Analyze("a.txt", "Koba wrote from exile.\n", 2, Person("koba", "Koba")), "a");
        SaveThreeRecordsOfOneMarshal(store, version: 2);
        store.Save(Analyze("d.txt", "Svetlana Stalin visited.\n", 2, Person("svetlana-stalin", "Svetlana Stalin")), "d");
        store.Save(Analyze("e.txt", "J. V. Stalin signed.\n", 2, Person("stalin", "J. V. Stalin")), "e");
        var after = store.GetEntity(marshal)!.Entity;
        Assert.Contains("Koba", after.Names);
        Assert.DoesNotContain("Marshal Stalin", after.Names);
        Assert.Contains(store.FindEntities("Marshal Stalin"), e => e.Id != marshal && e.Names.Contains("Marshal Stalin"));
        Assert.Equal(2, store.GetCorrections("").Count);

        // Splitting off what was merged in undoes the merge.
        store.SplitEntity(marshal, ["Koba"]);
        Assert.NotEqual(marshal, Assert.Single(store.FindEntities("Koba")).Id);
    }

    [SkippableFact]
    public void Merging_an_entity_with_itself_or_splitting_by_a_foreign_name_is_refused_with_a_code()
    {
        using var store = OpenStore();
        SaveThreeRecordsOfOneMarshal(store);
        long id = Assert.Single(store.FindEntities("Stalin")).Id;
        Assert.Equal(ErrorCatalogue.EntitiesAlreadyOne.Code, Assert.Throws<AnnalistException>(() => store.MergeEntities(id, id)).Code);
        Assert.Equal(ErrorCatalogue.SplitNamesNotFound.Code, Assert.Throws<AnnalistException>(() => store.SplitEntity(id, ["Molotov"])).Code);
        Assert.Equal(ErrorCatalogue.EntityNotInStore.Code, Assert.Throws<AnnalistException>(() => store.MergeEntities(id, 999_999)).Code);
    }

    private const string Talks =
        "Record of talks, 1946-03-02\n\n" +
        "Stalin: The cars will come by rail.\n\n" +
        "Byrnes: We need the cars before the thaw.\n\n" +
        "Later Stalin met the delegation and spoke of cars and trucks.\n\n" +
        "On 1946-05-10 the cars reached Odessa.\n";

    private static void SaveTalks(ICorpusStore store) =>
        store.Save(Analyze("talks.txt", Talks, Person("stalin", "Stalin"), Person("byrnes", "Byrnes"),
            new ListedEntity("odessa", EntityType.Place, "Odessa", Gazetteer: "geonames:9")), "talks");

    [SkippableFact]
    public void A_speaker_filter_keeps_the_paragraphs_of_that_speakers_turns()
    {
        using var store = OpenStore();
        SaveTalks(store);
        var all = store.Search(SearchQuery.Parse("cars"), 10);
        Assert.Equal(4, all.Count);
        var said = store.Search(SearchQuery.Parse("cars").WithFilters(new SearchFilters { Speakers = ["Stalin"] }), 10);
        var hit = Assert.Single(said);
        Assert.Contains("by rail", hit.After, StringComparison.Ordinal);
        long byrnes = Assert.Single(store.FindEntities("Byrnes")).Id;
        var byId = store.Search(SearchQuery.Parse("cars").WithFilters(new SearchFilters { Speakers = [byrnes.ToString(System.Globalization.CultureInfo.InvariantCulture)] }), 10);
        Assert.Contains("thaw", Assert.Single(byId).After, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Person_place_event_and_date_filters_combine()
    {
        using var store = OpenStore();
        SaveTalks(store);
        SearchFilters Filter(SearchFilters filters) => filters;
        int Count(SearchFilters filters) => store.Search(SearchQuery.Parse("cars").WithFilters(filters), 10).Count;

        Assert.Equal(2, Count(Filter(new() { Persons = ["Stalin"] })));
        Assert.Equal(1, Count(Filter(new() { Places = ["Odessa"] })));
        Assert.Equal(1, Count(Filter(new() { EventTypes = ["Meeting"] })));
        Assert.Equal(1, Count(Filter(new() { Persons = ["Stalin"], EventTypes = ["meeting"] })));
        Assert.Equal(0, Count(Filter(new() { Places = ["Odessa"], EventTypes = ["meeting"] })));
        // The paragraph dated 1946-05-10 by its own date; the others only by the document's date, which they do not hold.
        Assert.Equal(1, Count(Filter(new() { From = "1946-05", To = "1946-05" })));
        Assert.Equal(0, Count(Filter(new() { From = "1947" })));
        Assert.Equal(0, Count(Filter(new() { To = "1946-04" })));
        Assert.Equal(1, Count(Filter(new() { From = "1946", To = "1946", Places = ["Odessa"] })));
        Assert.Equal(ErrorCatalogue.FilterEntityNotFound.Code, Assert.Throws<AnnalistException>(() => Count(Filter(new() { Persons = ["Molotov"] }))).Code);
        Assert.Equal(ErrorCatalogue.InvalidFilterDate.Code, Assert.Throws<AnnalistException>(() => Count(Filter(new() { From = "spring" }))).Code);
    }

    [SkippableFact]
    public void A_corrected_speaker_moves_the_turn_to_the_new_speaker_in_search()
    {
        using var store = OpenStore();
        SaveTalks(store);
        var document = store.FindDocument("talks")!;
        var turn = store.GetAnnotations(document.Id, "turns").First(t => Talks[t.Span.Start..t.Span.End].Contains("rail", StringComparison.Ordinal));
        store.AddCorrection(new Annalist.Store.Corrections.Correction
        {
            DocumentKey = "talks",
            Action = Annalist.Store.Corrections.CorrectionAction.ChangeSpeaker,
            Layer = "turns",
            Anchor = Annalist.Store.Corrections.TextAnchor.At(Talks, turn.Span),
            Fields = "{\"speaker\":\"byrnes\"}",
        });
        Assert.Equal(2, store.Search(SearchQuery.Parse("cars").WithFilters(new SearchFilters { Speakers = ["Byrnes"] }), 10).Count);
        Assert.Empty(store.Search(SearchQuery.Parse("cars").WithFilters(new SearchFilters { Speakers = ["Stalin"] }), 10));
    }
}
