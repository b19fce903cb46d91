using Annalist.Core.Entities;

namespace Annalist.Core.Tests.Entities;

public sealed class TitleLexiconTests
{
    [Theory]
    [InlineData("minister")]
    [InlineData("Ambassador")]
    [InlineData("chairman")]
    [InlineData("adviser")]
    [InlineData("spokesman")]
    [InlineData("general")]
    public void Offices_can_head_a_lower_case_role(string word) => Assert.True(TitleLexicon.IsOffice(word));

    [Theory]
    [InlineData("Mr.")]
    [InlineData("father")]
    [InlineData("comrade")]
    [InlineData("foreign")]
    [InlineData("man")]
    [InlineData("Gen.")]
    public void Honorifics_modifiers_and_common_nouns_are_no_office(string word) => Assert.False(TitleLexicon.IsOffice(word));
}
