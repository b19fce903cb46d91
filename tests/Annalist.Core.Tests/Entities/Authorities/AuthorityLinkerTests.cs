using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Entities;
using Annalist.Core.Entities.Authorities;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Entities.Authorities;

public sealed class AuthorityLinkerTests
{
    private static readonly AuthorityList Namesakes = new("people.csv",
    [
        new AuthorityEntry("ved-1", "Vedder, Tomas Arne", ["T. A. Vedder"], "Minister of Shipping and harbour works", Birth: 1890, Death: 1961, ActiveFrom: 1938, ActiveTo: 1950),
        new AuthorityEntry("ved-2", "Vedder, Lise", [], "head of the federation of weavers", Birth: 1921, Death: 1999, ActiveFrom: 1951, ActiveTo: 1975),
        new AuthorityEntry("qu", "Quennell, Harriet", ["Harriet Quenell"], "novelist"),
        new AuthorityEntry("du", "Dupré-Ibáñez, José", [], null, Birth: 1930),
    ]);

    /// <summary>An entity of one name mentioned at each occurrence of <paramref name="alias"/> in <paramref name="text"/>.</summary>
    private static Entity PersonIn(string text, string alias, EntityType type = EntityType.Person, params string[] roles)
    {
        var spans = new List<TextSpan>();
        for (int at = text.IndexOf(alias, StringComparison.Ordinal); at >= 0; at = text.IndexOf(alias, at + alias.Length, StringComparison.Ordinal))
            spans.Add(new TextSpan(at, at + alias.Length));
        Assert.NotEmpty(spans);
        return new Entity(spans[0], alias.ToLowerInvariant().Replace(' ', '-'), type, alias, [alias], [.. roles], [.. spans], null);
    }

    private static (AuthorityLink? Link, List<Diagnostic> Diagnostics) Link(string text, Entity entity, int? year, AuthorityList? list = null)
    {
        var diagnostics = new List<Diagnostic>();
        var linked = new AuthorityLinker(list ?? Namesakes).Link([entity], text, year, diagnostics);
        return (Assert.Single(linked).Authority, diagnostics);
    }

    [Fact]
    public void A_surname_with_one_bearer_links_to_them()
    {
        const string text = "We spoke with Quennell about the book.";
        var (link, _) = Link(text, PersonIn(text, "Quennell"), year: null);
        Assert.Equal("qu", link?.Id);
        Assert.Contains(link!.Evidence, e => e.Contains("surname", StringComparison.Ordinal));
    }

    [Fact]
    public void The_context_chooses_between_namesakes()
    {
        const string text = "Vedder said the harbour works would be finished before the shipping season.";
        var (link, _) = Link(text, PersonIn(text, "Vedder"), year: null);
        Assert.Equal("ved-1", link?.Id);
        Assert.Contains(link!.Evidence, e => e.StartsWith("context:", StringComparison.Ordinal) && e.Contains("harbour", StringComparison.Ordinal));
        Assert.Contains(link.Evidence, e => e.StartsWith("preferred to \"Vedder, Lise\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_year_chooses_between_namesakes()
    {
        const string text = "Vedder telephoned at noon.";
        Assert.Equal("ved-1", Link(text, PersonIn(text, "Vedder"), year: 1946).Link?.Id);
        Assert.Equal("ved-2", Link(text, PersonIn(text, "Vedder"), year: 1960).Link?.Id);
    }

    [Fact]
    public void Namesakes_nothing_tells_apart_stay_unlinked_with_a_diagnostic()
    {
        const string text = "Vedder telephoned at noon.";
        var (link, diagnostics) = Link(text, PersonIn(text, "Vedder"), year: null);
        Assert.Null(link);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("ANL2302", diagnostic.Code);
        Assert.Contains("ved-1", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("ved-2", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_names_that_contradict_the_entry_rule_it_out()
    {
        const string text = "Harold Quennell arrived late.";
        Assert.Null(Link(text, PersonIn(text, "Harold Quennell"), year: null).Link);
    }

    [Fact]
    public void Initials_fit_given_names_and_full_names_beat_surnames()
    {
        const string text = "A note from T. A. Vedder on the weavers.";
        var (link, _) = Link(text, PersonIn(text, "T. A. Vedder"), year: null);
        Assert.Equal("ved-1", link?.Id);
        const string other = "Lise Vedder wrote on harbour works.";
        Assert.Equal("ved-2", Link(other, PersonIn(other, "Lise Vedder"), year: null).Link?.Id);
    }

    [Fact]
    public void Someone_not_yet_born_is_not_meant()
    {
        const string text = "Dupré-Ibáñez was mentioned.";
        Assert.Null(Link(text, PersonIn(text, "Dupré-Ibáñez"), year: 1920).Link);
        Assert.Equal("du", Link(text, PersonIn(text, "Dupré-Ibáñez"), year: 1960).Link?.Id);
    }

    [Fact]
    public void Accents_case_and_variants_do_not_stop_a_match()
    {
        const string text = "DUPRE-IBANEZ and Harriet Quenell met.";
        Assert.Equal("du", Link(text, PersonIn(text, "DUPRE-IBANEZ"), year: null).Link?.Id);
        Assert.Equal("qu", Link(text, PersonIn(text, "Harriet Quenell"), year: null).Link?.Id);
    }

    [Fact]
    public void Only_people_are_linked()
    {
        const string text = "The Quennell Trust sold the house.";
        Assert.Null(Link(text, PersonIn(text, "Quennell", EntityType.Organization), year: null).Link);
    }

    [Theory]
    [InlineData("1955-03-02", 1955)]
    [InlineData("March 2, 1955", 1955)]
    [InlineData("no date", null)]
    [InlineData("12345", null)]
    public void The_year_of_a_document_date(string date, int? year) => Assert.Equal(year, AuthorityLinker.YearOf(date));

    [Fact]
    public void The_annotator_links_people_and_writes_the_link_on_the_entity()
    {
        var list = new AuthorityList("people.csv",
        [
            new AuthorityEntry("h1", "Halvorsen, Ingrid", [], "Norwegian Foreign Minister", ActiveFrom: 1950, ActiveTo: 1960),
            new AuthorityEntry("h2", "Halvorsen, Per", [], "painter", ActiveFrom: 1900, ActiveTo: 1930),
        ]);
        var pipeline = new PipelineBuilder().AddRange(DefaultPipeline.Components().Select(c => c is EntityAnnotator e ? e.WithAuthority(list) : c)).Build();
        const string text = "Oslo, May 4, 1956\n\nMrs. Ingrid Halvorsen met the Ambassador. Halvorsen said she would write.";
        var analyzed = pipeline.Analyze(new SourceDocument("memo", text));
        var person = Assert.Single(analyzed.GetLayer<Entity>(LayerNames.Entities).Items, e => e.Aliases.Contains("Halvorsen"));
        Assert.Equal("h1", person.Authority?.Id);
        var fields = new RecordingWriter();
        person.WriteFields(fields);
        Assert.Contains("authority.id=h1", fields.Lines);

        var plain = DefaultPipeline.Create().Analyze(new SourceDocument("memo", text));
        Assert.All(plain.GetLayer<Entity>(LayerNames.Entities).Items, e => Assert.Null(e.Authority));
    }

    [Theory]
    [InlineData("Dr. Quennell gave a reading.", "Dr. Quennell", "qu")]
    [InlineData("Messrs. Quennell and Ruiz came.", "Messrs. Quennell", "qu")]
    [InlineData("Sir Odo spoke first.", "Odo", "ma")]
    [InlineData("Konstantin Varga replied.", "Konstantin Varga", "va")]
    [InlineData("Premier Wu Li-ping left.", "Wu Li-ping", "wu")]
    [InlineData("Mr. Wu answered.", "Wu", "wu")]
    public void Honorifics_titled_given_names_transliterations_and_surnames_written_first_link(string text, string alias, string id)
    {
        var list = new AuthorityList("volume (persons)",
        [
            new AuthorityEntry("qu", "Quennell, Harriet", [], "novelist"),
            new AuthorityEntry("ma", "Marlowe, Sir Odo B.", [], "Ambassador of the kingdom"),
            new AuthorityEntry("va", "Varga, Konstantine", [], null),
            new AuthorityEntry("wu", "Wu Li-ping", ["Wu, Li-ping"], "Premier"),
        ]);
        var entity = alias == "Odo" ? PersonIn(text, alias, EntityType.Person, "Sir") : PersonIn(text, alias);
        Assert.Equal(id, Link(text, entity, null, list).Link?.Id);
    }

    [Fact]
    public void A_given_name_under_a_title_not_used_with_given_names_is_no_match()
    {
        var list = new AuthorityList("volume (persons)", [new AuthorityEntry("ma", "Marlowe, Odo B.", [], null)]);
        const string text = "General Odo arrived.";
        Assert.Null(Link(text, PersonIn(text, "Odo", EntityType.Person, "General"), null, list).Link);
    }

    [Fact]
    public void Namesakes_go_to_the_one_the_collection_names_by_office_far_more_often()
    {
        const string text = "Then Vedder spoke.";
        var list = new AuthorityList("volume (persons)",
        [
            new AuthorityEntry("v1", "Vedder, Tomas", [], "Secretary of the Treasury", Prominence: 40),
            new AuthorityEntry("v2", "Vedder, Lise", [], "Director of the Archive", Prominence: 3),
        ]);
        var (link, _) = Link(text, PersonIn(text, "Vedder"), null, list);
        Assert.Equal("v1", link?.Id);
        Assert.Contains(link!.Evidence, e => e.StartsWith("prominence:", StringComparison.Ordinal));

        var close = new AuthorityList("volume (persons)",
        [
            new AuthorityEntry("v1", "Vedder, Tomas", [], "Secretary of the Treasury", Prominence: 5),
            new AuthorityEntry("v2", "Vedder, Lise", [], "Director of the Archive", Prominence: 4),
        ]);
        Assert.Null(Link(text, PersonIn(text, "Vedder"), null, close).Link);
    }

    [Fact]
    public void A_list_the_document_comes_with_is_used_when_the_pipeline_has_none_and_its_own_list_wins()
    {
        var carried = new AuthorityList("volume (persons)", [new AuthorityEntry("p_HI1", "Halvorsen, Ingrid", [], "Foreign Minister")]);
        var own = new AuthorityList("people.csv", [new AuthorityEntry("mine", "Halvorsen, Ingrid", [], null)]);
        const string text = "Oslo, May 4, 1956\n\nMrs. Ingrid Halvorsen met the Ambassador. Halvorsen said she would write.";
        var document = new SourceDocument("memo", text, new DocumentMetadata { Authority = carried });
        Entity Halvorsen(AnalysisPipeline pipeline) =>
            Assert.Single(pipeline.Analyze(document).GetLayer<Entity>(LayerNames.Entities).Items, e => e.Aliases.Contains("Halvorsen"));

        var plain = DefaultPipeline.Create();
        Assert.Equal("p_HI1", Halvorsen(plain).Authority?.Id);
        var withOwn = new PipelineBuilder().AddRange(DefaultPipeline.Components().Select(c => c is EntityAnnotator e ? e.WithAuthority(own) : c)).Build();
        Assert.Equal("mine", Halvorsen(withOwn).Authority?.Id);
        Assert.Equal(plain.Version + "+authority." + carried.Fingerprint, AuthorityVersion.Of(plain, document));
        Assert.Equal(plain.Version, AuthorityVersion.Of(plain, new SourceDocument("memo", text)));
    }

    [Fact]
    public void An_entity_named_only_by_an_office_links_to_the_one_entry_whose_description_opens_with_it()
    {
        var list = new AuthorityList("volume (persons)",
        [
            new AuthorityEntry("h1", "Harrow, Ivo", [], "Grand Vizier; head of the council"),
            new AuthorityEntry("h2", "Tessel, Mara", [], "Ambassador to the court"),
            new AuthorityEntry("h3", "Quill, Otto", [], "Ambassador at large"),
        ]);
        const string text = "The Grand Vizier left. Then the Vizier returned, and the Ambassador spoke.";
        var vizier = new Entity(new TextSpan(27, 33), "vizier", EntityType.Person, "Vizier", ["Vizier"], [], [new TextSpan(27, 33)], null);
        var (link, _) = Link(text, vizier, null, list);
        Assert.Equal("h1", link?.Id);
        Assert.StartsWith("office:", Assert.Single(link!.Evidence), StringComparison.Ordinal);
        // Two entries open with “Ambassador”: the office alone tells nothing.
        var ambassador = new Entity(new TextSpan(58, 68), "ambassador", EntityType.Person, "Ambassador", ["Ambassador"], [], [new TextSpan(58, 68)], null);
        Assert.Null(Link(text, ambassador, null, list).Link);
    }

    [Fact]
    public void The_fingerprint_follows_the_entries_not_the_source_or_the_object()
    {
        AuthorityList Make(string source, string description) => new(source, [new AuthorityEntry("a", "Marsh, Odile", ["O. Marsh"], description, ActiveFrom: 1902)]);
        Assert.Equal(Make("one.csv", "envoy").Fingerprint, Make("two.csv", "envoy").Fingerprint);
        Assert.NotEqual(Make("one.csv", "envoy").Fingerprint, Make("one.csv", "envoy to the court").Fingerprint);
        Assert.Matches("^[0-9a-f]{16}$", Make("one.csv", "envoy").Fingerprint);
    }

    private sealed class RecordingWriter(string prefix = "") : IFieldWriter
    {
        public List<string> Lines { get; } = [];

        public void String(string name, string? value) => Lines.Add($"{prefix}{name}={value}");

        public void Number(string name, long value) => Lines.Add($"{prefix}{name}={value}");

        public void Number(string name, double value) => Lines.Add($"{prefix}{name}={value}");

        public void Boolean(string name, bool value) => Lines.Add($"{prefix}{name}={value}");

        public void Null(string name) => Lines.Add($"{prefix}{name}=null");

        public void Span(string name, TextSpan? span) => Lines.Add($"{prefix}{name}={span}");

        public void StringList(string name, IReadOnlyList<string> values) => Lines.Add($"{prefix}{name}=[{string.Join("|", values)}]");

        public void Object(string name, Action<IFieldWriter> write)
        {
            var inner = new RecordingWriter($"{prefix}{name}.");
            write(inner);
            Lines.AddRange(inner.Lines);
        }

        public void ObjectList<T>(string name, IReadOnlyList<T> items, Action<IFieldWriter, T> write)
        {
            foreach (var item in items)
            {
                var inner = new RecordingWriter($"{prefix}{name}[].");
                write(inner, item);
                Lines.AddRange(inner.Lines);
            }
        }
    }
}
