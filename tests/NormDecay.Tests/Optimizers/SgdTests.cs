using NormDecay.Layers;
using NormDecay.Optimizers;
using NormDecay.Schedules;

namespace NormDecay.Tests.Optimizers;

public class SgdTests
{
    private static Parameter Param(double value, double gradient)
    {
        var p = new Parameter("p", 1, 1);
        p.Value[0] = value;
        p.Gradient[0] = gradient;
        return p;
    }

    [Fact]
    public void Step_Momentum_MatchesPyTorchSgdRecurrence()
    {
        // torch.optim.SGD([p], lr=0.1, momentum=0.9, weight_decay=0.01) with constant grad 1.0 from p=1:
        var p = Param(1.0, 1.0);
        var sgd = new Sgd([p], 0.1, momentum: 0.9, weightDecay: 0.01);
        double v = 0, expected = 1.0;
        for (int t = 0; t < 5; t++)
        {
            double g = 1.0 + 0.01 * expected;
            v = 0.9 * v + g;
            expected -= 0.1 * v;
            sgd.Step();
            Assert.Equal(expected, p.Value[0], 14);
        }
    }

    [Fact]
    public void LearningRate_EpochSchedule_AdvancesOnEndEpochOnly()
    {
        var p = Param(0, 1);
        var sgd = new Sgd([p], new StepLR(1.0, stepSize: 1, gamma: 0.5));
        Assert.Equal(1.0, sgd.Step());
        Assert.Equal(1.0, sgd.Step());
        sgd.EndEpoch();
        Assert.Equal(0.5, sgd.Step());
        Assert.Equal(-2.5, p.Value[0], 14);
    }

    [Fact]
    public void LearningRate_IterationSchedule_AdvancesEveryStep()
    {
        var sgd = new Sgd([Param(0, 1)], new ExponentialDecay(1.0, decaySteps: 1, decayRate: 0.5));
        Assert.Equal(StepUnit.Iteration, sgd.Schedule!.Unit);
        Assert.Equal(1.0, sgd.Step());
        Assert.Equal(0.5, sgd.Step(), 14);
    }

    [Fact]
    public void Constructor_NegativeMomentum_NamesParameter()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([Param(0, 0)], 0.1, momentum: -0.5));
        Assert.Equal("momentum", ex.ParamName);
    }
}
