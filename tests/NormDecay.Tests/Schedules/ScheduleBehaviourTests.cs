using NormDecay.Schedules;

namespace NormDecay.Tests.Schedules;

/// <summary>The conventions the lessons teach, each checked by an independent recomputation or an identity.</summary>
public class ScheduleBehaviourTests
{
    [Fact]
    public void CosineAnnealingLR_PastTMax_RisesAgainWhileClampedStaysAtMinimum()
    {
        var periodic = new CosineAnnealingLR(0.1, tMax: 10, etaMin: 0.001);
        var clamped = new ClampedCosineAnnealing(0.1, tMax: 10, etaMin: 0.001);
        for (int t = 0; t <= 10; t++)
        {
            Assert.Equal(periodic.LearningRate(t), clamped.LearningRate(t), 15);
        }

        Assert.Equal(0.1, periodic.LearningRate(20), 15);
        Assert.Equal(0.001, clamped.LearningRate(20), 15);
        Assert.True(periodic.LearningRate(15) > periodic.LearningRate(10));
    }

    [Fact]
    public void OneCycleLR_PastTotalSteps_HoldsFinalRate()
    {
        var s = new OneCycleLR(0.1, totalSteps: 50);
        Assert.Equal(0.1 / 25, s.LearningRate(0), 15);
        Assert.Equal(s.MinLr, s.LearningRate(49), 15);
        Assert.Equal(s.MinLr, s.LearningRate(500), 15);
        Assert.True(ScheduleTolerances.Close(0.1 / 25 / 1e4, s.MinLr));
        Assert.Equal(0.95, s.Momentum(0), 15);
        Assert.Equal(0.95, s.Momentum(49), 15);
    }

    [Fact]
    public void OneCycleLR_PeakStep_HasMaxRateAndBaseMomentum()
    {
        var s = new OneCycleLR(0.1, totalSteps: 100, pctStart: 0.3);
        Assert.Equal(0.1, s.LearningRate(29), 15);
        Assert.Equal(0.85, s.Momentum(29), 15);
    }

    [Fact]
    public void Warmup_Shift_EqualsSequentialOfLinearLRAndInner()
    {
        var inner = new CosineAnnealingLR(0.1, tMax: 20, etaMin: 0.001);
        var warm = new Warmup(inner, warmupSteps: 5, startFactor: 0.1);
        var seq = new SequentialLR([new LinearLR(0.1, startFactor: 0.1, endFactor: 1.0, totalIters: 5), inner], [5]);
        for (int t = 0; t < 60; t++)
        {
            Assert.Equal(seq.LearningRate(t), warm.LearningRate(t), 15);
        }
    }

    [Fact]
    public void Warmup_Overlay_MultipliesInnerByRamp()
    {
        var inner = new ExponentialLR(0.1, 0.9);
        var warm = new Warmup(inner, warmupSteps: 4, startFactor: 0.0, mode: WarmupMode.Overlay);
        Assert.Equal(0.0, warm.LearningRate(0));
        Assert.Equal(0.5 * 0.1 * 0.81, warm.LearningRate(2), 15);
        Assert.Equal(inner.LearningRate(9), warm.LearningRate(9), 15);
        Assert.Equal(StepUnit.Epoch, warm.Unit);
    }

    [Fact]
    public void LogarithmicDecay_BeforeEnd_EqualsExponentialLRWithMatchingGamma()
    {
        var log = new LogarithmicDecay(0.1, 0.001, totalSteps: 40);
        var exp = new ExponentialLR(0.1, Math.Pow(0.01, 1.0 / 40));
        for (int t = 0; t <= 40; t++)
        {
            Assert.True(ScheduleTolerances.Close(exp.LearningRate(t), log.LearningRate(t)), $"step {t}");
        }

        Assert.Equal(0.001, log.LearningRate(40), 15);
        Assert.Equal(0.001, log.LearningRate(400), 15);
    }

    [Fact]
    public void LinearDecay_Midpoint_IsAverageOfEnds()
    {
        var s = new LinearDecay(0.1, 0.02, totalSteps: 10);
        Assert.Equal(0.06, s.LearningRate(5), 15);
        Assert.Equal(0.02, s.LearningRate(99), 15);
    }

    [Fact]
    public void PiecewiseConstantDecay_AtBoundary_ChangesOneStepLaterThanMultiStepLR()
    {
        var keras = new PiecewiseConstantDecay([10], [0.1, 0.01]);
        var torch = new MultiStepLR(0.1, [10], gamma: 0.1);
        Assert.Equal(0.1, keras.LearningRate(10));
        Assert.Equal(0.01, torch.LearningRate(10), 15);
        Assert.Equal(0.01, keras.LearningRate(11));
    }

    [Fact]
    public void NgForms_LectureValues_Match()
    {
        // Lecture: alpha0 = 0.2, decay_rate = 1 -> 0.1, 0.067, 0.05, 0.04 for epochs 1..4 (our steps 1..4).
        var inv = new NgInverseTimeDecay(0.2, 1.0);
        ScheduleReference.AssertSequence(inv.Name, [0.2, 0.1, 0.2 / 3, 0.05, 0.04], inv.LearningRate);
        Assert.Equal(0.1 * 0.5, new NgSqrtDecay(0.1, 1.0).LearningRate(3), 15);
        Assert.Equal(0.1, new NgSqrtDecay(0.1, 1.0).LearningRate(0), 15);
        Assert.Equal(0.05, new NgFixedIntervalDecay(0.1, 1.0, 1000).LearningRate(1000), 15);
        Assert.Equal(0.1, new NgFixedIntervalDecay(0.1, 1.0, 1000).LearningRate(999), 15);
    }

    [Fact]
    public void CosineAnnealingWarmRestarts_TMult2_RestartsAtGeometricEpochs()
    {
        var s = new CosineAnnealingWarmRestarts(0.1, t0: 3, tMult: 2);
        foreach (int restart in new[] { 0, 3, 9, 21, 45 })
        {
            Assert.Equal(0.1, s.LearningRate(restart), 15);
            Assert.Equal((0L, (long)(3 * Math.Pow(2, Array.IndexOf(new[] { 0, 3, 9, 21, 45 }, restart)))), s.Position(restart));
        }
    }

    [Fact]
    public void CyclicLR_Triangular_PeaksAtStepSizeUpAndRepeats()
    {
        var s = new CyclicLR(0.01, 0.1, stepSizeUp: 4, stepSizeDown: 6);
        Assert.Equal(0.1, s.LearningRate(4), 15);
        Assert.Equal(0.01, s.LearningRate(10), 15);
        Assert.Equal(s.LearningRate(3), s.LearningRate(13), 15);
        Assert.Equal(0.8, s.Momentum(4), 15);
        Assert.Equal(StepUnit.Iteration, s.Unit);
    }

    [Fact]
    public void SequentialLR_AtMilestone_RestartsNextScheduleAtItsStepZero()
    {
        var s = new SequentialLR([new ConstantRate(0.5), new StepLR(0.1, 2, 0.5)], [3]);
        Assert.Equal([0.5, 0.5, 0.5, 0.1, 0.1, 0.05], Enumerable.Range(0, 6).Select(s.LearningRate).ToArray());
    }
}
