using NormDecay.Data;

namespace NormDecay.Tests.Data;

public class DataSplitTests
{
    [Fact]
    public void Split_Stratified_KeepsClassProportionsAndSizes()
    {
        Dataset wine = Datasets.Wine(); // classes 59, 71, 48
        var (train, test) = DataSplit.Split(wine, 0.25, new Random(1));
        Assert.Equal(45, test.Count); // ceil(0.25 * 178), as scikit-learn
        Assert.Equal(133, train.Count);
        int[] t = test.ClassCounts();
        Assert.Equal(45, t.Sum());
        // exact shares 14.75, 17.75, 12.0
        Assert.InRange(t[0], 14, 15);
        Assert.InRange(t[1], 17, 18);
        Assert.Equal(12, t[2]);
        int[] tr = train.ClassCounts();
        Assert.Equal(new[] { 59, 71, 48 }, new[] { t[0] + tr[0], t[1] + tr[1], t[2] + tr[2] });
    }

    [Fact]
    public void Split_Partitions_EveryRowExactlyOnce()
    {
        // Tag each row with its index in feature 0 to trace it.
        Dataset blobs = Synthetic.Blobs(new Random(2), 30, [[0.0], [1.0], [2.0]], Gaussian.Covariance([1.0], 0));
        for (int i = 0; i < blobs.Count; i++)
        {
            blobs.X[i, 0] = i;
        }

        foreach (bool stratified in new[] { true, false })
        {
            var (train, test) = DataSplit.Split(blobs, 0.3, new Random(3), stratified);
            var seen = train.X.Column(0).Concat(test.X.Column(0)).Select(v => (int)v).OrderBy(v => v).ToArray();
            Assert.Equal(Enumerable.Range(0, 90), seen);
            foreach (var part in new[] { train, test })
            {
                for (int i = 0; i < part.Count; i++)
                {
                    Assert.Equal(blobs.Labels[(int)part.X[i, 0]], part.Labels[i]);
                }
            }
        }
    }

    [Fact]
    public void Split_SameSeed_SameSplit()
    {
        Dataset iris = Datasets.Iris();
        var a = DataSplit.Split(iris, 0.2, new Random(11));
        var b = DataSplit.Split(iris, 0.2, new Random(11));
        Assert.Equal(a.Test.X.ToArray(), b.Test.X.ToArray());
        Assert.Equal(new[] { 10, 10, 10 }, a.Test.ClassCounts());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Split_FractionOutOfRange_Throws(double fraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.Split(Datasets.Iris(), fraction, new Random(1)));
    }

    [Fact]
    public void TestCountsPerClass_LargestRemainder_SumsToTotal()
    {
        Assert.Equal(new[] { 1, 1, 1 }, DataSplit.TestCountsPerClass([3, 3, 3], 1.0 / 3, 3));
        // exact 2.0 and 1.2: floors 2 + 1 = 3, the fourth goes to the larger remainder (class 1)
        Assert.Equal(new[] { 2, 2 }, DataSplit.TestCountsPerClass([5, 3], 0.4, 4));
    }
}
