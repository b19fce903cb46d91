using Annalist.Core.Tests.Specs;

namespace Annalist.Core.Tests.Entities;

public sealed class EntitySpecTests
{
    public static TheoryData<string> Files => SpecRunner.Files("Entities/Specs");

    [Theory]
    [MemberData(nameof(Files))]
    public void Examples_match(string file) => SpecRunner.Check(file);
}
