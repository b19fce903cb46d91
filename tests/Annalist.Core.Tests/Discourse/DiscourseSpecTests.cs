using Annalist.Core.Tests.Specs;

namespace Annalist.Core.Tests.Discourse;

public sealed class DiscourseSpecTests
{
    public static TheoryData<string> Files => SpecRunner.Files("Discourse/Specs");

    [Theory]
    [MemberData(nameof(Files))]
    public void Spec(string file) => SpecRunner.Check(file);
}
