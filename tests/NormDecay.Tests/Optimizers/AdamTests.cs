using NormDecay.Layers;
using NormDecay.Optimizers;
using NormDecay.Schedules;
using static NormDecay.Tests.TorchReference;

namespace NormDecay.Tests.Optimizers;

/// <summary>Adam against PyTorch 1.13 torch.optim.Adam (Reference/adam, float64) replaying the same gradients.</summary>
public class AdamTests
{
    private static readonly TorchReference Reference = new("adam", "adam.json");

    [Theory]
    [InlineData("adam")]
    [InlineData("adam_wd_betas")]
    [InlineData("adam_steplr")]
    public void Step_ReferenceGradients_MatchesPyTorchAdam(string name)
    {
        var c = Reference.Case(name);
        var p = new Parameter("p", 5, 1);
        Vector(c.GetProperty("initial")).CopyTo(p.Value, 0);
        double lr = c.GetProperty("lr").GetDouble();
        ISchedule schedule = c.GetProperty("stepSize").ValueKind == System.Text.Json.JsonValueKind.Null
            ? new ConstantRate(lr)
            : new StepLR(lr, c.GetProperty("stepSize").GetInt32(), c.GetProperty("gamma").GetDouble());
        var adam = new Adam([p], schedule, c.GetProperty("beta1").GetDouble(), c.GetProperty("beta2").GetDouble(),
            c.GetProperty("eps").GetDouble(), c.GetProperty("weightDecay").GetDouble());
        double[] rates = Vector(c.GetProperty("rates"));
        var grads = c.GetProperty("grads").EnumerateArray().Select(Vector).ToArray();
        var values = c.GetProperty("values").EnumerateArray().Select(Vector).ToArray();
        for (int t = 0; t < grads.Length; t++)
        {
            grads[t].CopyTo(p.Gradient, 0);
            Assert.Equal(rates[t], adam.Step(), 15);
            adam.EndEpoch();   // PyTorch's StepLR was stepped after every update
            AssertClose(values[t], p.Value, $"{name} step {t + 1}");
        }
    }

    [Fact]
    public void Step_FirstUpdate_MovesEveryParameterByTheLearningRate()
    {
        // After bias correction m̂ = g and v̂ = g², so the first step is -η sign(g) (up to ε), whatever the gradient's size.
        var p = new Parameter("p", 3, 1);
        new double[] { 1e-3, -50, 2 }.CopyTo(p.Gradient, 0);
        new Adam([p], learningRate: 0.01).Step();
        Assert.Equal([-0.01, 0.01, -0.01], p.Value.Select(v => Math.Round(v, 6)));
    }

    [Theory]
    [InlineData(1.0, 0.999, 1e-8, 0.0)]
    [InlineData(0.9, -0.1, 1e-8, 0.0)]
    [InlineData(0.9, 0.999, 0.0, 0.0)]
    [InlineData(0.9, 0.999, 1e-8, -1.0)]
    public void Constructor_OutOfRange_Throws(double beta1, double beta2, double eps, double weightDecay) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([new Parameter("p", 1, 1)], 1e-3, beta1, beta2, eps, weightDecay));
}
