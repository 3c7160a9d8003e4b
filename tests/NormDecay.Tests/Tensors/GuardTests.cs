using MathNet.Numerics.LinearAlgebra;
using NormDecay.Tensors;

namespace NormDecay.Tests.Tensors;

public class GuardTests
{
    private static double[] ColumnSums(Matrix<double> x) =>
        Enumerable.Range(0, x.ColumnCount).Select(j => x.Column(j).Sum()).ToArray();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 1)]
    [InlineData(299, 2)]
    public void FiniteWithColumnSums_NaN_NamesSamePositionAsFullScan(int row, int column)
    {
        var x = TestData.Normal(300, 3, seed: 1);
        x[299, 2] = double.PositiveInfinity;   // later in column-major order than (row, column), or that same cell
        x[row, column] = double.NaN;
        var full = Assert.Throws<ArgumentException>(() => Guard.Finite(x, "BN"));
        var fromSums = Assert.Throws<ArgumentException>(() => Guard.Finite(x, ColumnSums(x), "BN"));
        Assert.Equal(full.Message, fromSums.Message);
        Assert.Contains($"row {row}, column {column}", fromSums.Message);
    }

    [Fact]
    public void FiniteWithColumnSums_SumOverflowsOnFiniteEntries_DoesNotThrow()
    {
        var x = Matrix<double>.Build.Dense(4, 2, double.MaxValue);
        double[] sums = ColumnSums(x);
        Assert.True(double.IsPositiveInfinity(sums[0]));
        Guard.Finite(x, sums, "BN");
    }
}
