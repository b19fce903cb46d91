using Annalist.Core.Tests.Specs;

namespace Annalist.Core.Tests.Events;

public sealed class EventSpecTests
{
    public static TheoryData<string> Files => SpecRunner.Files("Events/Specs");

    [Theory]
    [MemberData(nameof(Files))]
    public void Spec(string file) => SpecRunner.Check(file);
}
