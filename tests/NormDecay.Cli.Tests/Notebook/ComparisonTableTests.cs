using MathNet.Numerics.LinearAlgebra;
using NormDecay.Notebook;

namespace NormDecay.Cli.Tests.Notebook;

public class ComparisonTableTests
{
    [Fact]
    public void Add_EqualVectors_AreExact()
    {
        ComparisonRow row = Assert.Single(new ComparisonTable().Add("x", [1.0, 2.0], [1.0, 2.0]).Rows);
        Assert.True(row.Exact);
        Assert.True(row.Approximate);
        Assert.Equal(0, row.MaxDifference);
        Assert.Equal(-1, row.WorstIndex);
    }

    [Fact]
    public void Add_SmallDifference_IsApproxWithMaxDiffAndPosition()
    {
        var t = new ComparisonTable(1e-6).Add("x", [1.0, 2.0, 3.0], [1.0, 2.0 + 1e-9, 3.0 - 1e-7]);
        ComparisonRow row = t.Rows[0];
        Assert.False(row.Exact);
        Assert.True(row.Approximate);
        Assert.Equal(1e-7, row.MaxDifference, 1e-12);
        Assert.Equal(2, row.WorstIndex);
        Assert.True(t.AllClose);
    }

    [Fact]
    public void Add_Matrices_ReportsRowMajorWorstIndexAndShape()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
        var b = a.Clone();
        b[1, 0] = 3.5;
        ComparisonRow row = new ComparisonTable().Add("m", a, b).Rows[0];
        Assert.Equal("2x2", row.Shape);
        Assert.Equal(2, row.WorstIndex);
        Assert.False(row.Approximate);
    }

    [Fact]
    public void Add_NaNAgainstNumber_IsInfiniteDifference()
    {
        ComparisonRow row = new ComparisonTable().Add("x", [double.NaN, 1.0], [0.0, 1.0]).Rows[0];
        Assert.Equal(double.PositiveInfinity, row.MaxDifference);
        Assert.Equal(0, row.WorstIndex);
        Assert.False(row.Approximate);
    }

    [Fact]
    public void Add_ShapeMismatch_NamesBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => new ComparisonTable().Add("xHat", Matrix<double>.Build.Dense(2, 3), Matrix<double>.Build.Dense(3, 2)));
        Assert.Contains("'xHat': actual is 2x3 but expected is 3x2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Persian_IsRightToLeftWithPersianHeaders()
    {
        var t = new ComparisonTable().Add("x<y", 1.0, 1.0);
        string fa = t.ToHtml("fa");
        Assert.Contains("dir=\"rtl\"", fa, StringComparison.Ordinal);
        Assert.Contains("بیشترین اختلاف", fa, StringComparison.Ordinal);
        Assert.Contains("x&lt;y", fa, StringComparison.Ordinal);
        Assert.Contains("max |diff|", t.ToHtml("en"), StringComparison.Ordinal);
        Assert.Contains("x<y", t.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativeTolerance_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComparisonTable(-1));
}
