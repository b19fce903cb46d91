using Annalist.Core.Tests.Specs;

namespace Annalist.Core.Tests.Text.Casing;

public sealed class CasingSpecTests
{
    public static TheoryData<string> Files => SpecRunner.Files("Text/Casing/Specs");

    [Theory]
    [MemberData(nameof(Files))]
    public void Spec(string file) => SpecRunner.Check(file);
}
