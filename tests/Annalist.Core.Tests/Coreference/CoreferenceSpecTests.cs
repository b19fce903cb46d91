using Annalist.Core.Tests.Specs;

namespace Annalist.Core.Tests.Coreference;

public sealed class CoreferenceSpecTests
{
    public static TheoryData<string> Files => SpecRunner.Files("Coreference/Specs");

    [Theory]
    [MemberData(nameof(Files))]
    public void Spec(string file) => SpecRunner.Check(file);
}
