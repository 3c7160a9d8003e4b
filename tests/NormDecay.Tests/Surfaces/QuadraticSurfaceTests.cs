using NormDecay.Schedules;
using NormDecay.Surfaces;

namespace NormDecay.Tests.Surfaces;

public class QuadraticSurfaceTests
{
    [Theory]
    [InlineData(10, 0)]
    [InlineData(50, 30)]
    [InlineData(3, -75)]
    public void Gradient_AnyPoint_MatchesFiniteDifferences(double kappa, double angle)
    {
        var s = new QuadraticSurface(2.5, 2.5 / kappa, angle, 0.3, -1.2);
        foreach (var (x, y) in new[] { (1.0, 2.0), (-3.0, 0.5), (0.3, -1.2) })
        {
            var (dx, dy) = s.Gradient(x, y);
            var (fx, fy) = FiniteDifference.Gradient(s, x, y);
            Assert.Equal(fx, dx, 1e-6);
            Assert.Equal(fy, dy, 1e-6);
        }
    }

    [Fact]
    public void Hessian_RotatedBowl_HasRequestedEigenvaluesAndDirection()
    {
        var s = QuadraticSurface.FromConditionNumber(25, angleDegrees: 30, lambdaMax: 4);
        var (max, min) = s.Hessian(0, 0).Eigenvalues();
        Assert.Equal(4, max, 1e-12);
        Assert.Equal(0.16, min, 1e-12);
        Assert.Equal(25, s.ConditionNumber, 1e-9);
        // Along the steep direction (cos 30, sin 30) at distance 1, f = lambda_max / 2.
        double t = Math.PI / 6;
        Assert.Equal(2.0, s.Value(Math.Cos(t), Math.Sin(t)), 1e-12);
        Assert.Equal(0.08, s.Value(-Math.Sin(t), Math.Cos(t)), 1e-12);
        Assert.Equal(0.5, s.MaxStableLearningRate, 1e-15);
    }

    [Fact]
    public void Window_ContainsMinimumAndSuggestedStart()
    {
        foreach (double angle in new[] { 0.0, 45, 90, 135, -20 })
        {
            var s = new QuadraticSurface(1, 0.1, angle, 1, 2);
            Assert.True(s.Window.Contains(s.Minimum.X, s.Minimum.Y));
            Assert.True(s.Window.Contains(s.SuggestedStart.X, s.SuggestedStart.Y), $"angle {angle}");
        }
    }

    [Fact]
    public void GradientDescent_JustBelowTwoOverLambdaMax_Converges()
    {
        var s = QuadraticSurface.FromConditionNumber(10, angleDegrees: 20, lambdaMax: 2);
        Trajectory t = GradientDescent.Run(s, new ConstantRate(0.98 * s.MaxStableLearningRate), 3000);
        Assert.False(t.Diverged);
        Assert.True(t.FinalValue < 1e-12 * t.Values[0], $"final {t.FinalValue}");
    }

    [Fact]
    public void GradientDescent_JustAboveTwoOverLambdaMax_Diverges()
    {
        var s = QuadraticSurface.FromConditionNumber(10, angleDegrees: 20, lambdaMax: 2);
        Trajectory t = GradientDescent.Run(s, new ConstantRate(1.02 * s.MaxStableLearningRate), 3000);
        Assert.True(t.Diverged);
        Assert.True(t.Steps < 3000);
        Assert.All(t.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void Constructor_BadCurvature_Throws(double lambdaMin)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuadraticSurface(0.5, lambdaMin));
    }
}
