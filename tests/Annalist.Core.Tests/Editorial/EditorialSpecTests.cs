using Annalist.Core.Tests.Specs;

namespace Annalist.Core.Tests.Editorial;

public sealed class EditorialSpecTests
{
    public static TheoryData<string> Files => SpecRunner.Files("Editorial/Specs");

    [Theory]
    [MemberData(nameof(Files))]
    public void Spec(string file) => SpecRunner.Check(file);
}
