using NormDecay.Schedules;

namespace NormDecay.Tests.Schedules;

public class ExponentialSweepTests
{
    [Fact]
    public void LearningRate_EndsAndMiddle_AreGeometric()
    {
        var s = new ExponentialSweep(1e-4, 1.0, 5);
        Assert.Equal([1e-4, 1e-3, 1e-2, 1e-1, 1.0, 1.0], Enumerable.Range(0, 6).Select(t => Math.Round(s.LearningRate(t), 12)));
        Assert.Equal(StepUnit.Iteration, s.Unit);
    }

    [Fact]
    public void Constructor_BadRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialSweep(1.0, 0.1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialSweep(0, 1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialSweep(1e-3, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialSweep(1e-3, 1, 10).LearningRate(-1));
    }
}
