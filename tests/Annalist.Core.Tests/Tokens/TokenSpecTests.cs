using Annalist.Core.Tests.Specs;

namespace Annalist.Core.Tests.Tokens;

public sealed class TokenSpecTests
{
    public static TheoryData<string> Files => SpecRunner.Files("Tokens/Specs");

    [Theory]
    [MemberData(nameof(Files))]
    public void Examples_match(string file) => SpecRunner.Check(file);
}
