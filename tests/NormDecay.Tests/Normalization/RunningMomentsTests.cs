using MathNet.Numerics.LinearAlgebra;
using NormDecay.Normalization;

namespace NormDecay.Tests.Normalization;

public class RunningMomentsTests
{
    [Fact]
    public void Update_PyTorchRule_MatchesHandComputedValues()
    {
        var running = new RunningMoments(2, BatchNormOptions.PyTorch);
        running.Update(Vector<double>.Build.Dense([1.0, -2.0]), Vector<double>.Build.Dense([4.0, 0.5]), batchSize: 5);

        // r_μ = 0.9 · 0 + 0.1 μ; r_σ² = 0.9 · 1 + 0.1 · σ² · 5/4 (unbiased)
        Assert.Equal([0.1, -0.2], running.Mean.ToArray(), (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal([0.9 + 0.1 * 4.0 * 1.25, 0.9 + 0.1 * 0.5 * 1.25], running.Variance.ToArray(), (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal(1, running.NumBatchesTracked);
    }

    [Fact]
    public void Update_WrongLength_ThrowsNamingTheArgument()
    {
        var running = new RunningMoments(3, BatchNormOptions.PyTorch);
        var ex = Assert.Throws<ArgumentException>(() =>
            running.Update(Vector<double>.Build.Dense(2), Vector<double>.Build.Dense(3), batchSize: 4));
        Assert.Equal("batchMean", ex.ParamName);
        Assert.Contains("must have length 3, got 2", ex.Message);
        Assert.Equal(0, running.NumBatchesTracked);
    }
}
