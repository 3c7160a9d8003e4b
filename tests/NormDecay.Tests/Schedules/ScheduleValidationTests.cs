using NormDecay.Schedules;

namespace NormDecay.Tests.Schedules;

/// <summary>Bad parameters throw, and the exception names the parameter (ParamName and the message).</summary>
public class ScheduleValidationTests
{
    public static TheoryData<string, Func<object>> BadParameters() => new()
    {
        { "stepSize", () => new StepLR(0.1, 0) },
        { "initialRate", () => new StepLR(-0.1, 10) },
        { "initialRate", () => new ExponentialLR(double.NaN, 0.9) },
        { "gamma", () => new ExponentialLR(0.1, 0) },
        { "milestones", () => new MultiStepLR(0.1, [5, 3]) },
        { "milestones", () => new MultiStepLR(0.1, []) },
        { "factor", () => new ConstantLR(0.1, factor: 1.5) },
        { "totalIters", () => new ConstantLR(0.1, totalIters: 0) },
        { "startFactor", () => new LinearLR(0.1, startFactor: 0) },
        { "totalIters", () => new PolynomialLR(0.1, totalIters: -2) },
        { "power", () => new PolynomialLR(0.1, power: -1) },
        { "tMax", () => new CosineAnnealingLR(0.1, 0) },
        { "etaMin", () => new CosineAnnealingLR(0.1, 10, etaMin: 0.2) },
        { "tMax", () => new ClampedCosineAnnealing(0.1, 0) },
        { "t0", () => new CosineAnnealingWarmRestarts(0.1, 0) },
        { "tMult", () => new CosineAnnealingWarmRestarts(0.1, 5, tMult: 0) },
        { "stepSizeUp", () => new CyclicLR(0.01, 0.1, stepSizeUp: 0) },
        { "stepSizeDown", () => new CyclicLR(0.01, 0.1, stepSizeUp: 5, stepSizeDown: 0) },
        { "maxLr", () => new CyclicLR(0.1, 0.01) },
        { "gamma", () => new CyclicLR(0.01, 0.1, mode: CyclicMode.ExpRange, gamma: 0) },
        { "totalSteps", () => new OneCycleLR(0.1, 0) },
        { "pctStart", () => new OneCycleLR(0.1, 100, pctStart: 1.0) },
        { "pctStart", () => new OneCycleLR(0.1, 10, pctStart: 0.05) },
        { "pctStart", () => new OneCycleLR(0.1, 100, pctStart: 0.6, threePhase: true) },
        { "divFactor", () => new OneCycleLR(0.1, 100, divFactor: 0) },
        { "factor", () => new LambdaLR(0.1, null!) },
        { "milestones", () => new SequentialLR([new ConstantRate(0.1), new ConstantRate(0.1)], []) },
        { "milestones", () => new SequentialLR([new ConstantRate(0.1), new ConstantRate(0.1), new ConstantRate(0.1)], [5, 5]) },
        { "schedules", () => new SequentialLR([new ConstantRate(0.1), new CyclicLR(0.01, 0.1)], [5]) },
        { "decaySteps", () => new ExponentialDecay(0.1, 0, 0.9) },
        { "decaySteps", () => new InverseTimeDecay(0.1, -1, 0.5) },
        { "decayRate", () => new InverseTimeDecay(0.1, 10, -0.5) },
        { "boundaries", () => new PiecewiseConstantDecay([10, 10], [0.1, 0.05, 0.01]) },
        { "values", () => new PiecewiseConstantDecay([10], [0.1]) },
        { "values", () => new PiecewiseConstantDecay([10], [0.1, -0.05]) },
        { "endRate", () => new PolynomialDecay(0.1, 10, endRate: 0.5) },
        { "alpha", () => new CosineDecay(0.1, 10, alpha: 1.5) },
        { "warmupSteps", () => new CosineDecay(0.0, 10, warmupTarget: 0.1, warmupSteps: 0) },
        { "firstDecaySteps", () => new CosineDecayRestarts(0.1, 0) },
        { "tMul", () => new CosineDecayRestarts(0.1, 10, tMul: 0.5) },
        { "decayRate", () => new NgInverseTimeDecay(0.1, -1) },
        { "decayBase", () => new NgExponentialDecay(0.1, 1.5) },
        { "k", () => new NgSqrtDecay(0.1, 0) },
        { "interval", () => new NgStaircaseDecay(0.1, 0) },
        { "timeInterval", () => new NgFixedIntervalDecay(0.1, 1, 0) },
        { "rate", () => new ConstantRate(-1) },
        { "endRate", () => new LinearDecay(0.1, 0.2, 10) },
        { "totalSteps", () => new LinearDecay(0.1, 0.01, 0) },
        { "endRate", () => new LogarithmicDecay(0.1, 0, 10) },
        { "initialRate", () => new LogarithmicDecay(0, 0, 10) },
        { "warmupSteps", () => new Warmup(new ConstantRate(0.1), 0) },
        { "startFactor", () => new Warmup(new ConstantRate(0.1), 5, startFactor: 2) },
        { "factor", () => new ReduceLROnPlateau(0.1, factor: 1.0) },
        { "patience", () => new ReduceLROnPlateau(0.1, patience: -1) },
        { "minLr", () => new ReduceLROnPlateau(0.1, minLr: 0.5) },
        { "threshold", () => ReduceLROnPlateau.KerasStyle(0.1, minDelta: -1) },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public void Constructor_BadParameter_ThrowsNamingIt(string parameter, Func<object> create)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(create);
        Assert.Equal(parameter, ex.ParamName);
        if (ex is not ArgumentNullException)
        {
            Assert.Contains(parameter, ex.Message.Split('(')[0]);
        }
    }

    [Fact]
    public void Constructor_ZeroStepSize_MessageSaysPositiveAndGot()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new StepLR(0.1, 0));
        Assert.StartsWith("stepSize must be positive, got 0", ex.Message);
    }

    [Fact]
    public void LearningRate_LambdaReturnsNaN_ThrowsNamingTheStep()
    {
        var s = new LambdaLR(0.1, t => t == 3 ? double.NaN : 1.0);
        Assert.Equal(0.1, s.LearningRate(2));
        var ex = Assert.Throws<InvalidOperationException>(() => s.LearningRate(3));
        Assert.Contains("step 3", ex.Message);
        Assert.Contains("NaN", ex.Message);
    }

    [Fact]
    public void LearningRate_MultiplicativeFactorNegative_ThrowsNamingTheStep()
    {
        var s = new MultiplicativeLR(0.1, t => t == 4 ? -0.5 : 0.9);
        var ex = Assert.Throws<InvalidOperationException>(() => s.LearningRate(6));
        Assert.Contains("step 4", ex.Message);
    }
}
