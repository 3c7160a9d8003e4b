namespace NormDecay.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Mode_HasTrainAndEval() => Assert.Equal(2, Enum.GetValues<Mode>().Length);
}
