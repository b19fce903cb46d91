using Annalist.Core.Tests.Specs;

namespace Annalist.Core.Tests.Segmentation;

public sealed class SegmentationSpecTests
{
    public static TheoryData<string> Files => SpecRunner.Files("Segmentation/Specs");

    [Theory]
    [MemberData(nameof(Files))]
    public void Examples_match(string file) => SpecRunner.Check(file);
}
