using System.Text.Json;
using NormDecay.Normalization;
using static NormDecay.Tests.Normalization.BatchNormVectors;

namespace NormDecay.Tests.Normalization;

/// <summary>BatchNorm against PyTorch 1.13 nn.BatchNorm1d (float64, autograd) and Keras's documented formulas.</summary>
public class BatchNormPyTorchTests
{
    private static BatchNorm Create(JsonElement c, BatchNormOptions options)
    {
        var bn = new BatchNorm(4, options);
        if (c.GetProperty("affine").GetBoolean())
        {
            Vector(c.GetProperty("gamma")).CopyTo(bn.Gamma.AsArray(), 0);
            Vector(c.GetProperty("beta")).CopyTo(bn.Beta.AsArray(), 0);
        }

        return bn;
    }

    private static void Replay(string name, BatchNormOptions options, bool checkBackward, bool checkRunning)
    {
        var c = Case(name);
        var bn = Create(c, options);
        int b = 0;
        foreach (var batch in c.GetProperty("batches").EnumerateArray())
        {
            var y = bn.Forward(Matrix(batch.GetProperty("x")), Mode.Train);
            AssertClose(Matrix(batch.GetProperty("y")), y, $"{name} batch {b} y");
            if (checkBackward)
            {
                var dX = bn.Backward(Matrix(batch.GetProperty("dOut")));
                AssertClose(Matrix(batch.GetProperty("dX")), dX, $"{name} batch {b} dX");
                if (options.Affine)
                {
                    AssertClose(Vector(batch.GetProperty("dGamma")), bn.GammaGradient, $"{name} batch {b} dGamma");
                    AssertClose(Vector(batch.GetProperty("dBeta")), bn.BetaGradient, $"{name} batch {b} dBeta");
                }
            }

            if (checkRunning)
            {
                AssertClose(Vector(batch.GetProperty("runningMean")), bn.RunningMean, $"{name} batch {b} running mean");
                AssertClose(Vector(batch.GetProperty("runningVar")), bn.RunningVariance, $"{name} batch {b} running var");
                Assert.Equal(batch.GetProperty("numBatchesTracked").GetInt32(), bn.NumBatchesTracked);
            }

            b++;
        }

        AssertClose(Matrix(c.GetProperty("evalY")), bn.Forward(Matrix(c.GetProperty("evalX")), Mode.Eval), $"{name} eval y");
    }

    [Fact]
    public void ForwardBackward_TrainAndEval_MatchesPyTorchBatchNorm1d() =>
        Replay("pytorch", BatchNormOptions.PyTorch, checkBackward: true, checkRunning: true);

    [Fact]
    public void RunningStatistics_MomentumNone_MatchesPyTorchCumulativeAverage() =>
        Replay("cumulative", BatchNormOptions.Cumulative, checkBackward: true, checkRunning: true);

    [Fact]
    public void Forward_EvalWithoutRunningStats_MatchesPyTorchTrackRunningStatsFalse() =>
        Replay("noRunningStats", BatchNormOptions.NoRunningStats, checkBackward: true, checkRunning: false);

    [Fact]
    public void ForwardBackward_AffineFalse_MatchesPyTorchBatchNorm1d() =>
        Replay("affineFalse", BatchNormOptions.PyTorch with { Affine = false }, checkBackward: true, checkRunning: true);

    [Fact]
    public void ForwardAndRunningStatistics_KerasPreset_MatchKerasFormulas() =>
        Replay("keras", BatchNormOptions.Keras, checkBackward: false, checkRunning: true);

    [Fact]
    public void RunningVariance_PyTorchPreset_IsUnbiasedNotBiased()
    {
        // Guards the N vs N-1 pitfall: the PyTorch vector must NOT match the biased estimator.
        var c = Case("pytorch");
        var bn = Create(c, BatchNormOptions.PyTorch with { UnbiasedRunningVariance = false });
        var batch = c.GetProperty("batches")[0];
        bn.Forward(Matrix(batch.GetProperty("x")), Mode.Train);
        double expected = Vector(batch.GetProperty("runningVar"))[0];
        Assert.True(Math.Abs(expected - bn.RunningVariance[0]) > 1e-3, "biased running variance unexpectedly matched PyTorch's unbiased one");
    }
}
