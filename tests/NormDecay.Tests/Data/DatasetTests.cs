using MathNet.Numerics.LinearAlgebra;
using NormDecay.Data;

namespace NormDecay.Tests.Data;

public class DatasetTests
{
    private static Matrix<double> M(int rows, int cols) => Matrix<double>.Build.Dense(rows, cols, (i, j) => i + 10 * j);

    [Fact]
    public void Constructor_RowsAndLabelsDiffer_ThrowsNamingBothCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset("t", M(3, 2), [0, 1], ["a", "b"], ["x", "y"]));
        Assert.Contains("3 rows", e.Message);
        Assert.Contains("2 entries", e.Message);
    }

    [Fact]
    public void Constructor_FeatureNamesDiffer_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset("t", M(2, 2), [0, 1], ["a"], ["x", "y"]));
        Assert.Contains("FeatureNames", e.Message);
    }

    [Fact]
    public void Constructor_LabelOutOfRange_ThrowsNamingPosition()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset("t", M(3, 1), [0, 2, 1], ["a"], ["x", "y"]));
        Assert.Contains("Labels[1] = 2", e.Message);
    }

    [Fact]
    public void Constructor_NaNInX_ThrowsNamingRowAndColumn()
    {
        var x = M(4, 3);
        x[2, 1] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => new Dataset("t", x, [0, 0, 1, 1], ["a", "b", "c"], ["x", "y"]));
        Assert.Contains("X[2, 1]", e.Message);
        Assert.Contains("'b'", e.Message);
    }

    [Fact]
    public void Validate_AfterWithThatBreaksShape_Throws()
    {
        var d = new Dataset("t", M(2, 1), [0, 1], ["a"], ["x", "y"]);
        var broken = d with { Labels = [0] };
        Assert.Throws<ArgumentException>(() => broken.Validate());
    }

    [Fact]
    public void Subset_PicksRowsInOrder()
    {
        var d = new Dataset("t", M(4, 2), [0, 1, 0, 1], ["a", "b"], ["x", "y"]);
        Dataset s = d.Subset([3, 0]);
        Assert.Equal(new[] { 1, 0 }, s.Labels);
        Assert.Equal(3, s.X[0, 0]);
        Assert.Equal(13, s.X[0, 1]);
        Assert.Equal(0, s.X[1, 0]);
    }

    [Fact]
    public void SelectFeatures_ByName_KeepsColumnsAndNames()
    {
        Dataset wine = Datasets.Wine();
        Dataset two = wine.SelectFeatures(wine.FeatureIndex("proline"), wine.FeatureIndex("hue"));
        Assert.Equal(new[] { "proline", "hue" }, two.FeatureNames);
        Assert.Equal(1065.0, two.X[0, 0]);
        Assert.Equal(1.04, two.X[0, 1]);
        Assert.Throws<ArgumentException>(() => wine.FeatureIndex("colour"));
    }
}
