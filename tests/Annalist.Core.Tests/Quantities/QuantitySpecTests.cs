using Annalist.Core.Tests.Specs;

namespace Annalist.Core.Tests.Quantities;

public sealed class QuantitySpecTests
{
    public static TheoryData<string> Files => SpecRunner.Files("Quantities/Specs");

    [Theory]
    [MemberData(nameof(Files))]
    public void Spec(string file) => SpecRunner.Check(file);
}
