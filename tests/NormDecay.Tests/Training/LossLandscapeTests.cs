using NormDecay.Layers;
using NormDecay.Networks;
using NormDecay.Training;

namespace NormDecay.Tests.Training;

public class LossLandscapeTests
{
    private static readonly int[] Labels = [0, 1, 2, 0, 1, 2, 2, 1];

    private static (double Loss, double[] Gradient) LossAndGradient(Mlp network, MathNet.Numerics.LinearAlgebra.Matrix<double> x)
    {
        var (loss, dLogits) = SoftmaxCrossEntropy.Compute(network.Forward(x, Mode.Train), Labels);
        network.Backward(dLogits);
        return (loss, [.. network.Parameters.SelectMany(p => p.Gradient)]);
    }

    [Theory]
    [InlineData(BnPlacement.None)]
    [InlineData(BnPlacement.BeforeActivation)]
    public void AlongGradient_MatchesAStepTakenByHand(BnPlacement placement)
    {
        var x = TestData.Normal(8, 5, seed: 2);
        var network = new Mlp([5, 6, 3], new Random(1), placement: placement);
        var sample = LossLandscape.AlongGradient(network, x, Labels, [0.1, 0.5]);

        // By hand, on an identical copy: the gradient here, then the weights moved by -eta g.
        var copy = new Mlp([5, 6, 3], new Random(1), placement: placement);
        var (loss0, g0) = LossAndGradient(copy, x);
        Assert.Equal(loss0, sample.Loss, Tolerances.Algebraic);
        Assert.Equal(Math.Sqrt(g0.Sum(v => v * v)), sample.GradientNorm, Tolerances.Algebraic);
        var theta = copy.Parameters.Select(p => (double[])p.Value.Clone()).ToArray();
        for (int s = 0; s < 2; s++)
        {
            double eta = sample.StepSizes[s];
            int offset = 0;
            for (int k = 0; k < copy.Parameters.Count; k++)
            {
                for (int i = 0; i < theta[k].Length; i++)
                {
                    copy.Parameters[k].Value[i] = theta[k][i] - eta * g0[offset + i];
                }

                offset += theta[k].Length;
            }

            var (loss, g) = LossAndGradient(copy, x);
            Assert.Equal(loss, sample.Losses[s], Tolerances.Algebraic);
            Assert.Equal(Math.Sqrt(g.Zip(g0).Sum(p => (p.First - p.Second) * (p.First - p.Second))), sample.GradientChanges[s], Tolerances.Algebraic);
        }

        double beta = Enumerable.Range(0, 2).Max(s => sample.GradientChanges[s] / (sample.StepSizes[s] * sample.GradientNorm));
        Assert.Equal(beta, sample.EffectiveSmoothness, Tolerances.Algebraic);
        Assert.Equal(Math.Max(sample.Loss, sample.Losses.Max()) - Math.Min(sample.Loss, sample.Losses.Min()), sample.LossRange, Tolerances.Algebraic);
    }

    [Fact]
    public void AlongGradient_RestoresWeightsGradientsAndRunningStatistics()
    {
        var x = TestData.Normal(8, 5, seed: 2);
        var network = new Mlp([5, 6, 3], new Random(1), placement: BnPlacement.BeforeActivation);
        LossAndGradient(network, x);
        var values = network.Parameters.Select(p => (double[])p.Value.Clone()).ToArray();
        var gradients = network.Parameters.Select(p => (double[])p.Gradient.Clone()).ToArray();
        var bn = network.HiddenBlocks[0].BatchNorm!;
        var (runningMean, runningVariance) = (bn.RunningMean.ToArray(), bn.RunningVariance.ToArray());

        LossLandscape.AlongGradient(network, x, Labels, [0.2, 1.0]);

        Assert.All(network.Parameters.Zip(values), p => Assert.Equal(p.Second, p.First.Value));
        Assert.All(network.Parameters.Zip(gradients), p => Assert.Equal(p.Second, p.First.Gradient));
        Assert.Equal(runningMean, bn.RunningMean.ToArray());
        Assert.Equal(runningVariance, bn.RunningVariance.ToArray());
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0.1, 0.0 })]
    [InlineData(new[] { double.NaN })]
    public void AlongGradient_BadStepSizes_Throw(double[] steps) =>
        Assert.Throws<ArgumentException>(() => LossLandscape.AlongGradient(new Mlp([5, 3], new Random(1)), TestData.Normal(8, 5, seed: 2), Labels, steps));
}
