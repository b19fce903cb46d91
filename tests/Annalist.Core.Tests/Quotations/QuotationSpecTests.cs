using Annalist.Core.Tests.Specs;

namespace Annalist.Core.Tests.Quotations;

public sealed class QuotationSpecTests
{
    public static TheoryData<string> Files => SpecRunner.Files("Quotations/Specs");

    [Theory]
    [MemberData(nameof(Files))]
    public void Spec(string file) => SpecRunner.Check(file);
}
