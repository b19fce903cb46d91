using Annalist.Store.Entities;

namespace Annalist.Store.Tests.Entities;

public sealed class EntityNameTests
{
    [Fact]
    public void An_accented_and_a_plain_spelling_of_a_name_are_the_same_words()
    {
        var accented = EntityName.Parse("Mr. José Ibáñez", person: true);
        var plain = EntityName.Parse("Jose Ibanez", person: true);
        Assert.Equal("ibanez", accented.Surname);
        Assert.Equal(plain.Folded, accented.Folded);
    }
}
