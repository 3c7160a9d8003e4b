using NormDecay.GradientChecking;

namespace NormDecay.Tests.GradientChecking;

public class GradientCheckTests
{
    [Fact]
    public void Compare_WrongGradient_IsReportedAsFailure()
    {
        double[] w = [1.0, -2.0, 0.5];
        double Loss() => w[0] * w[0] + 3 * w[1] + Math.Sin(w[2]);
        var good = GradientCheck.Compare("w", w, [2.0, 3.0, Math.Cos(0.5)], Loss);
        var bad = GradientCheck.Compare("w", w, [2.0, 3.0, 1.01 * Math.Cos(0.5)], Loss);
        Assert.True(good.Passed, good.ToString());
        Assert.True(good.MaxRelativeError < 1e-9);
        Assert.False(bad.Passed);
        Assert.Equal(1, bad.Failures);
        Assert.Equal([1.0, -2.0, 0.5], w); // restored
    }

    [Fact]
    public void RelativeError_Definition_AbsOverSumWithFloor()
    {
        Assert.Equal(1.0 / 5.0, GradientCheck.RelativeError(2, 3), 15);
        Assert.Equal(0, GradientCheck.RelativeError(0, 0));
    }
}
