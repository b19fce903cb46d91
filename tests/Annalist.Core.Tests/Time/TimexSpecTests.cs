using Annalist.Core.Tests.Specs;

namespace Annalist.Core.Tests.Time;

public sealed class TimexSpecTests
{
    public static TheoryData<string> SpecFiles => SpecRunner.Files("Time/Specs");

    [Theory]
    [MemberData(nameof(SpecFiles))]
    public void Spec_file_examples_hold(string path) => SpecRunner.Check(path);
}
