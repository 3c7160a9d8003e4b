using NormDecay.Data;

namespace NormDecay.Tests.Data;

// Expected values: scikit-learn 1.2's bundled copies (sklearn.datasets.load_digits / load_wine / load_iris),
// written by data/make_data.py.
public class DatasetsTests
{
    [Fact]
    public void Digits_Loaded_Has1797RowsOf64PixelsAndTenClasses()
    {
        Dataset d = Datasets.Digits();
        Assert.Equal(1797, d.Count);
        Assert.Equal(64, d.FeatureCount);
        Assert.Equal(10, d.ClassCount);
        Assert.Equal("p0", d.FeatureNames[0]);
        Assert.Equal("p63", d.FeatureNames[63]);
        double[] firstRow = [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0];
        for (int j = 0; j < firstRow.Length; j++)
        {
            Assert.Equal(firstRow[j], d.X[0, j]);
        }

        Assert.Equal(0, d.Labels[0]);
        Assert.Equal(8, d.Labels[^1]);
        Assert.All(d.X.Enumerate(), v => Assert.InRange(v, 0, 16));
        // sklearn: class counts 178,182,177,183,181,182,181,179,174,180
        Assert.Equal(new[] { 178, 182, 177, 183, 181, 182, 181, 179, 174, 180 }, d.ClassCounts());
    }

    [Fact]
    public void Wine_Loaded_Has178RowsWithRealFeatureNamesAndWildScales()
    {
        Dataset d = Datasets.Wine();
        Assert.Equal(178, d.Count);
        Assert.Equal(13, d.FeatureCount);
        Assert.Equal(3, d.ClassCount);
        Assert.Equal("alcohol", d.FeatureNames[0]);
        Assert.Equal("proline", d.FeatureNames[12]);
        Assert.Equal(14.23, d.X[0, 0]);
        Assert.Equal(1.71, d.X[0, 1]);
        Assert.Equal(1065.0, d.X[0, 12]);
        Assert.Equal(new[] { 59, 71, 48 }, d.ClassCounts());
        double prolineMean = d.X.Column(12).Average();
        double hueMean = d.X.Column(10).Average();
        Assert.True(prolineMean / hueMean > 500, $"proline mean {prolineMean} vs hue mean {hueMean}");
    }

    [Fact]
    public void Iris_Loaded_Has150RowsFiftyPerClass()
    {
        Dataset d = Datasets.Iris();
        Assert.Equal(150, d.Count);
        Assert.Equal(4, d.FeatureCount);
        Assert.Equal(new[] { "setosa", "versicolor", "virginica" }, d.ClassNames);
        Assert.Equal(new[] { 5.1, 3.5, 1.4, 0.2 }, d.X.Row(0).ToArray());
        Assert.Equal(new[] { 50, 50, 50 }, d.ClassCounts());
    }

    [Fact]
    public void Digits_CalledTwice_ReturnsIndependentCopies()
    {
        Dataset a = Datasets.Digits();
        Dataset b = Datasets.Digits();
        a.X[0, 2] = -1;
        Assert.Equal(5, b.X[0, 2]);
    }
}
