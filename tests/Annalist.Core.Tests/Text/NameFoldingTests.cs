using Annalist.Core.Text;

namespace Annalist.Core.Tests.Text;

public sealed class NameFoldingTests
{
    [Theory]
    [InlineData("Ibáñez", "ibanez")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Çelebi", "celebi")]
    [InlineData("O’Neill", "oneill")]
    [InlineData("D'Arcy", "darcy")]
    [InlineData("Smith", "smith")]
    public void Folds_case_accents_and_apostrophes(string written, string folded) =>
        Assert.Equal(folded, NameFolding.Fold(written));

    [Fact]
    public void A_combining_accent_is_dropped_as_a_precomposed_one_is() =>
        Assert.Equal(NameFolding.Fold("Jos\u00E9"), NameFolding.Fold("Jose\u0301"));
}
