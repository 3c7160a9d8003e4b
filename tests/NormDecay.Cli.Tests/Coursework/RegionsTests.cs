using NormDecay.Cli.Coursework;

namespace NormDecay.Cli.Tests.Coursework;

public class RegionsTests
{
    private const string Code = "int F(int x)\n{\n    // ### BEGIN SOLUTION\n    return x * 2;\n    // ### END SOLUTION\n}\nvar y = F(1);\n// ### BEGIN HIDDEN TESTS\nif (F(3) != 6) throw new Exception(\"F(3)\");\n// ### END HIDDEN TESTS\nConsole.WriteLine(y);";

    [Fact]
    public void StubSolutions_Region_ReplacedByIndentedNotImplementedStub()
    {
        string s = Regions.StubSolutions(Code, "f-cell");
        Assert.Contains("{\n    throw new NotImplementedException(\"Write your code for 'f-cell' here.\");\n}", s, StringComparison.Ordinal);
        Assert.DoesNotContain("x * 2", s, StringComparison.Ordinal);
        Assert.DoesNotContain("SOLUTION", s, StringComparison.Ordinal);
        Assert.Contains("F(3)", s, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveHiddenTests_Region_RemovedWithMarkers()
    {
        string s = Regions.RemoveHiddenTests(Code, "t");
        Assert.DoesNotContain("F(3)", s, StringComparison.Ordinal);
        Assert.DoesNotContain("HIDDEN", s, StringComparison.Ordinal);
        Assert.EndsWith("var y = F(1);\nConsole.WriteLine(y);", s, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("// ### BEGIN SOLUTION\nx", "never closed")]
    [InlineData("x\n// ### END SOLUTION", "without an opening")]
    [InlineData("// ### BEGIN SOLUTION\n// ### BEGIN SOLUTION\n// ### END SOLUTION", "inside the region")]
    public void StubSolutions_UnbalancedMarkers_ThrowNamingCellAndLine(string source, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Regions.StubSolutions(source, "cell-7"));
        Assert.Contains("cell-7", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("line", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HasSolution_MarkerWithoutSlashesOrOtherCase_Recognized()
    {
        Assert.True(Regions.HasSolution("  ### begin solution\nx\n### END SOLUTION"));
        Assert.False(Regions.HasSolution("// BEGIN SOLUTION"));
    }
}
