using Annalist.Core.Coreference;

namespace Annalist.Core.Tests.Coreference;

public sealed class ReferringWordsTests
{
    [Theory]
    [InlineData("He", ReferentGender.Masculine, ReferentNumber.Singular, PronounCase.Subject)]
    [InlineData("herself", ReferentGender.Feminine, ReferentNumber.Singular, PronounCase.Reflexive)]
    [InlineData("their", ReferentGender.Unknown, ReferentNumber.Plural, PronounCase.Possessive)]
    public void Third_person_pronouns_carry_gender_number_and_case(string word, ReferentGender gender, ReferentNumber number, PronounCase @case)
    {
        Assert.True(ReferringWords.TryPronoun(word, out int index, out var g, out var n, out var c));
        Assert.InRange(index, 0, ReferringWords.PronounCount - 1);
        Assert.Equal((gender, number, @case), (g, n, c));
    }

    [Theory]
    [InlineData("I")]
    [InlineData("you")]
    [InlineData("it")]
    [InlineData("hero")]
    public void Other_words_are_not_third_person_pronouns(string word) =>
        Assert.False(ReferringWords.TryPronoun(word, out _, out _, out _, out _));

    [Theory]
    [InlineData("mother", ReferentGender.Feminine, ReferentNumber.Singular)]
    [InlineData("Minister", ReferentGender.Unknown, ReferentNumber.Singular)]
    [InlineData("brothers", ReferentGender.Masculine, ReferentNumber.Plural)]
    [InlineData("widow", ReferentGender.Feminine, ReferentNumber.Singular)]
    [InlineData("children", ReferentGender.Unknown, ReferentNumber.Plural)]
    [InlineData("countess", ReferentGender.Feminine, ReferentNumber.Singular)]
    public void Person_nouns_carry_gender_and_number(string word, ReferentGender gender, ReferentNumber number)
    {
        Assert.True(ReferringWords.TryPersonNoun(word, out var g, out var n));
        Assert.Equal((gender, number), (g, n));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("old")]
    [InlineData("it")]
    public void Other_words_are_not_person_nouns(string word) => Assert.False(ReferringWords.TryPersonNoun(word, out _, out _));

    [Theory]
    [InlineData("Mrs.", ReferentGender.Feminine)]
    [InlineData("Sir", ReferentGender.Masculine)]
    [InlineData("General", ReferentGender.Unknown)]
    public void Titles_give_a_gender_only_when_they_mark_one(string title, ReferentGender gender) =>
        Assert.Equal(gender, ReferringWords.GenderOfTitle(title));
}
