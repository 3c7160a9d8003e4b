using NormDecay.Data;
using NormDecay.Schedules;
using NormDecay.Surfaces;

namespace NormDecay.Tests.Surfaces;

public class GradientDescentTests
{
    private static readonly QuadraticSurface Bowl = QuadraticSurface.FromConditionNumber(20, angleDegrees: 30);

    [Fact]
    public void Run_PlainStep_MatchesHandComputedUpdate()
    {
        Trajectory t = GradientDescent.Run(Bowl, new ConstantRate(0.1), 2, start: (1.0, -1.0));
        var (gx, gy) = Bowl.Gradient(1, -1);
        double x1 = 1 - 0.1 * gx, y1 = -1 - 0.1 * gy;
        Assert.Equal(x1, t.Xs[1], 1e-15);
        Assert.Equal(y1, t.Ys[1], 1e-15);
        var (hx, hy) = Bowl.Gradient(x1, y1);
        Assert.Equal(x1 - 0.1 * hx, t.Xs[2], 1e-15);
        Assert.Equal(3, t.Values.Length);
        Assert.Equal(new[] { 0.1, 0.1 }, t.Rates);
        Assert.Equal(Bowl.Value(t.Xs[2], t.Ys[2]), t.FinalValue);
    }

    [Fact]
    public void Run_Schedule_UsesRateOfEachStep()
    {
        var schedule = new StepLR(1.0, stepSize: 2, gamma: 0.5);
        Trajectory t = GradientDescent.Run(Bowl, schedule, 6);
        Assert.Equal(new[] { 1.0, 1.0, 0.5, 0.5, 0.25, 0.25 }, t.Rates);
        Assert.Equal(schedule.Name, t.Label);
    }

    [Fact]
    public void Run_Momentum_FollowsPyTorchHeavyBall()
    {
        var opts = new TrajectoryOptions { Momentum = 0.9 };
        Trajectory t = GradientDescent.Run(Bowl, new ConstantRate(0.05), 2, start: (1.0, 1.0), options: opts);
        var g0 = Bowl.Gradient(1, 1);
        double x1 = 1 - 0.05 * g0.Dx, y1 = 1 - 0.05 * g0.Dy;
        var g1 = Bowl.Gradient(x1, y1);
        double vx = 0.9 * g0.Dx + g1.Dx;
        Assert.Equal(x1 - 0.05 * vx, t.Xs[2], 1e-15);
    }

    [Fact]
    public void Run_GradientNoise_IsSeededAndKeepsBouncingNearTheMinimum()
    {
        var opts = new TrajectoryOptions { GradientNoise = 0.5, Random = new Random(4) };
        Trajectory a = GradientDescent.Run(Bowl, new ConstantRate(0.5), 1000, options: opts);
        Trajectory b = GradientDescent.Run(Bowl, new ConstantRate(0.5), 1000, options: opts with { Random = new Random(4) });
        Assert.Equal(a.Xs, b.Xs);
        Trajectory clean = GradientDescent.Run(Bowl, new ConstantRate(0.5), 1000);
        // Noise floor: clean descent reaches ~0, the noisy one stays away from it.
        Assert.True(clean.FinalValue < 1e-12);
        double noisyTail = a.Values.Skip(500).Average();
        // Stationary excess loss per direction: eta sigma^2 / (2 (2 - eta lambda)), 0.031 to 0.042 here.
        Assert.InRange(noisyTail, 0.03, 0.12);
    }

    [Fact]
    public void Run_MiniBatches_OnLogisticSurface_NoisyButNearMinimum()
    {
        LogisticSurface s = LogisticSurface.FromDataset(Datasets.Wine(), "alcohol", "malic_acid", 0, standardize: true);
        var opts = new TrajectoryOptions { BatchSize = 8, Random = new Random(1) };
        Trajectory sgd = GradientDescent.Run(s, new ConstantRate(0.5), 300, options: opts);
        Trajectory full = GradientDescent.Run(s, new ConstantRate(0.5), 300);
        Assert.False(sgd.Diverged);
        Assert.True(sgd.FinalValue < s.Value(0, 0));
        Assert.True(full.FinalValue - s.MinimumValue < 1e-8);
        Assert.True(sgd.FinalValue - s.MinimumValue > full.FinalValue - s.MinimumValue);
    }

    [Fact]
    public void Run_BatchesOnQuadratic_ThrowsSuggestingNoise()
    {
        var opts = new TrajectoryOptions { BatchSize = 8, Random = new Random(1) };
        var e = Assert.Throws<ArgumentException>(() => GradientDescent.Run(Bowl, new ConstantRate(0.1), 10, options: opts));
        Assert.Contains("GradientNoise", e.Message);
    }

    [Fact]
    public void Run_NoiseWithoutRandom_Throws()
    {
        Assert.Throws<ArgumentException>(() => GradientDescent.Run(Bowl, new ConstantRate(0.1), 10, options: new TrajectoryOptions { GradientNoise = 1 }));
    }
}
