using Annalist.Core.Entities;
using Annalist.Core.Entities.Gazetteers;

namespace Annalist.Core.Tests.Entities.Gazetteers;

public sealed class GazetteerTests
{
    private static readonly GazetteerEntry Large = new("iso3166:AA", GazetteerKind.Country, "Greater Land", 1, 1, 9_000_000);
    private static readonly GazetteerEntry Small = new("iso3166:BB", GazetteerKind.Country, "Small Isles", 2, 2, 40_000);
    private static readonly GazetteerEntry Gone = new("iso3166-3:CCDD", GazetteerKind.FormerCountry, "Union of Northern Provinces", double.NaN, double.NaN, 0);

    private static Gazetteer Invented() => Gazetteer.Create(
        [(Large, ["Greater Land", "Republic of Greater Land"]), (Small, ["Small Isles"]), (Gone, ["Union of Northern Provinces", "Northern Union"])],
        [("Landish", Large), ("Landish", Small), ("Northern", Gone)],
        [("U.N.P.", Gone), ("UNP", Gone), ("G.L.", Large)]);

    [Fact]
    public void A_demonym_two_countries_share_is_the_more_populous_ones()
    {
        Assert.True(Invented().TryGetDemonym("Landish", out var country));
        Assert.Equal(Large.Id, country.Id);
    }

    [Fact]
    public void Abbreviations_find_their_country_but_are_no_place_names()
    {
        var gazetteer = Invented();
        Assert.True(gazetteer.TryGetCountry("U.N.P.", out var country));
        Assert.Equal(Gone.Id, country.Id);
        Assert.True(gazetteer.TryGetCountry("Northern Union", out country));
        Assert.Equal(Gone.Id, country.Id);
        Assert.False(gazetteer.TryGetPlace("UNP", out _));
        Assert.False(gazetteer.TryGetCountry("Nowhere", out _));
    }

    [Fact]
    public void A_countrys_names_list_its_names_and_abbreviations_own_name_first()
    {
        var gazetteer = Invented();
        Assert.True(gazetteer.TryGetDemonym("Northerns", out var country));
        Assert.Equal(["Union of Northern Provinces", "Northern Union", "U.N.P.", "UNP"], gazetteer.NamesOf(country));
        Assert.Empty(gazetteer.NamesOf(new GazetteerEntry("geonames:1", GazetteerKind.Place, "Hamlet", 0, 0, 600)));
    }

    [Fact]
    public void The_compact_form_keeps_abbreviations_and_populations()
    {
        using var stream = new MemoryStream();
        Gazetteer.Write(stream,
            [(Large, ["Greater Land"]), (Small, ["Small Isles"]), (Gone, ["Union of Northern Provinces", "Northern Union"])],
            [(Large.Id, ["Landish"]), (Small.Id, ["Landish"])],
            [(Gone.Id, ["U.N.P.", "UNP"])]);
        stream.Position = 0;
        var read = Gazetteer.Read(stream);
        Assert.True(read.TryGetCountry("UNP", out var country));
        Assert.Equal(Gone.Id, country.Id);
        Assert.True(read.TryGetDemonym("Landish", out country));
        Assert.Equal(Large.Id, country.Id);
    }

    [Theory]
    [InlineData("American", "iso3166:US")]
    [InlineData("Soviet", "iso3166-3:SUHH")]
    [InlineData("Soviets", "iso3166-3:SUHH")]
    [InlineData("Yugoslav", "iso3166-3:YUCS")]
    [InlineData("British", "iso3166:GB")]
    public void The_shipped_gazetteer_gives_former_states_demonyms_and_settles_shared_ones(string demonym, string id)
    {
        Assert.True(EntityModels.Gazetteer.TryGetDemonym(demonym, out var country));
        Assert.Equal(id, country.Id);
    }

    [Theory]
    [InlineData("U.S.S.R.", "iso3166-3:SUHH")]
    [InlineData("USSR", "iso3166-3:SUHH")]
    [InlineData("Soviet Union", "iso3166-3:SUHH")]
    [InlineData("U.S.", "iso3166:US")]
    [InlineData("USA", "iso3166:US")]
    [InlineData("U.K.", "iso3166:GB")]
    [InlineData("P.R.C.", "iso3166:CN")]
    [InlineData("GDR", "iso3166-3:DDDE")]
    public void The_shipped_gazetteer_knows_abbreviations_from_official_names(string name, string id)
    {
        Assert.True(EntityModels.Gazetteer.TryGetCountry(name, out var country));
        Assert.Equal(id, country.Id);
    }
}
