using Annalist.Core.Tests.Specs;

namespace Annalist.Core.Tests.Attributions;

public sealed class AttributionSpecTests
{
    public static TheoryData<string> Files => SpecRunner.Files("Attributions/Specs");

    [Theory]
    [MemberData(nameof(Files))]
    public void Spec(string file) => SpecRunner.Check(file);
}
