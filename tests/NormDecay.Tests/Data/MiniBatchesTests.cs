using MathNet.Numerics.LinearAlgebra;
using NormDecay.Data;

namespace NormDecay.Tests.Data;

public class MiniBatchesTests
{
    [Theory]
    [InlineData(10, 3, false, 4)]
    [InlineData(10, 3, true, 3)]
    [InlineData(12, 4, false, 3)]
    [InlineData(5, 50, false, 1)]
    public void NextEpoch_Sizes_MatchDataLoader(int count, int batch, bool dropLast, int expectedBatches)
    {
        var mb = new MiniBatches(count, batch, new Random(1), dropLast: dropLast);
        var epoch = mb.NextEpoch();
        Assert.Equal(expectedBatches, mb.BatchesPerEpoch);
        Assert.Equal(expectedBatches, epoch.Count);
        Assert.All(epoch.Take(epoch.Count - 1), b => Assert.Equal(Math.Min(batch, count), b.Length));
    }

    [Fact]
    public void NextEpoch_EveryEpoch_CoversEveryIndexExactlyOnce()
    {
        var mb = new MiniBatches(103, 10, new Random(5));
        int[]? previous = null;
        for (int e = 0; e < 5; e++)
        {
            int[] all = mb.NextEpoch().SelectMany(b => b.ToArray()).ToArray();
            Assert.Equal(Enumerable.Range(0, 103), all.OrderBy(i => i));
            if (previous is not null)
            {
                Assert.NotEqual(previous, all); // reshuffled
            }

            previous = all;
        }
    }

    [Fact]
    public void NextEpoch_DropLast_DropsOnlyTheRemainder()
    {
        var mb = new MiniBatches(10, 3, new Random(5), dropLast: true);
        int[] all = mb.NextEpoch().SelectMany(b => b.ToArray()).ToArray();
        Assert.Equal(9, all.Length);
        Assert.Equal(9, all.Distinct().Count());
    }

    [Fact]
    public void NextEpoch_SameSeed_SameOrder_NoShuffle_Identity()
    {
        int[] Order(int seed) => new MiniBatches(20, 6, new Random(seed)).NextEpoch().SelectMany(b => b.ToArray()).ToArray();
        Assert.Equal(Order(9), Order(9));
        Assert.NotEqual(Order(9), Order(10));
        var plain = new MiniBatches(7, 3, new Random(1), shuffle: false).NextEpoch().SelectMany(b => b.ToArray());
        Assert.Equal(Enumerable.Range(0, 7), plain);
    }

    [Fact]
    public void ShuffleInPlace_ManyShuffles_EachPositionUniform()
    {
        // Fisher-Yates gives each element every position with probability 1/n.
        var r = new Random(17);
        var hits = new int[4, 4];
        for (int k = 0; k < 40000; k++)
        {
            int[] a = [0, 1, 2, 3];
            MiniBatches.ShuffleInPlace(a, r);
            for (int p = 0; p < 4; p++)
            {
                hits[a[p], p]++;
            }
        }

        foreach (int h in hits)
        {
            Assert.InRange(h, 9600, 10400); // 10000 +- 4 standard deviations (87)
        }
    }

    [Fact]
    public void Gather_IntoPreallocatedBuffers_CopiesRowsAndLabels()
    {
        var x = Matrix<double>.Build.Dense(5, 3, (i, j) => 100 * i + j);
        var d = new Dataset("t", x, [0, 1, 2, 0, 1], ["a", "b", "c"], ["p", "q", "r"]);
        var xb = Matrix<double>.Build.Dense(2, 3);
        var lb = new int[2];
        MiniBatches.Gather(d, [4, 1], xb, lb);
        Assert.Equal(new[] { 400.0, 401, 402 }, xb.Row(0).ToArray());
        Assert.Equal(new[] { 100.0, 101, 102 }, xb.Row(1).ToArray());
        Assert.Equal(new[] { 1, 1 }, lb);
        var e = Assert.Throws<ArgumentException>(() => MiniBatches.Gather(x, [0, 1, 2], xb));
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("(3, 3)", e.Message);
    }

    [Fact]
    public void BatchBuffer_SameSize_ReusesTheSameMatrix()
    {
        Dataset digits = Datasets.Digits();
        var buffer = new BatchBuffer(digits);
        var (x1, _) = buffer.Gather([0, 1, 2]);
        var (x2, l2) = buffer.Gather([5, 6, 7]);
        Assert.Same(x1, x2);
        Assert.Equal(digits.X.Row(5).ToArray(), x2.Row(0).ToArray());
        Assert.Equal(digits.Labels[7], l2[2]);
    }

    [Fact]
    public void NextEpoch_SteadyState_AllocatesNothingAndStillReshuffles()
    {
        var mb = new MiniBatches(1437, 64, new Random(3));
        int[] first = mb.NextEpoch().SelectMany(b => b.ToArray()).ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var epoch = mb.NextEpoch();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        int[] second = epoch.SelectMany(b => b.ToArray()).ToArray();

        Assert.Equal(0, allocated);
        Assert.Equal(23, epoch.Count);
        Assert.Equal(29, epoch[22].Length);
        Assert.Equal(Enumerable.Range(0, 1437), second.OrderBy(i => i));
        Assert.NotEqual(first, second);
    }
}
