using MathNet.Numerics.LinearAlgebra;
using NormDecay.Layers;
using NormDecay.Networks;
using NormDecay.Normalization;

namespace NormDecay.Training;

/// <summary>
/// How smooth the loss is where the optimizer stands, measured as Santurkar, Tsipras, Ilyas and Madry (2018, "How does
/// batch normalization help optimization?", section 3.1, figure 4) do: from the current weights θ, with the gradient g of
/// the loss on one mini-batch, move along -g by several step sizes η and record, at each θ - η g, the loss L(θ - η g)
/// ("loss landscape": how much it varies) and the change of the gradient ||∇L(θ - η g) - g|| ("gradient predictiveness":
/// how well the gradient here predicts the gradient a step away). Their "effective β-smoothness" is the largest
/// ||∇L(θ - η g) - g|| / ||η g||, a local Lipschitz constant of the gradient.
/// </summary>
/// <remarks>All passes are in training mode on the same batch (batch normalization uses that batch's statistics, as in
/// training). The weights, their gradients and the running statistics are restored afterwards, so probing does not change the
/// training run. Norms are Euclidean over all parameters of the network.</remarks>
public static class LossLandscape
{
    /// <summary>Probes the loss along the negative gradient; see the class summary.</summary>
    /// <param name="network">The network, at the weights to probe.</param>
    /// <param name="x">One mini-batch of inputs (at least 2 rows when the network has batch normalization).</param>
    /// <param name="labels">Its class labels.</param>
    /// <param name="stepSizes">The η to try, each finite and &gt; 0.</param>
    /// <returns>The losses and gradient changes at every step size.</returns>
    /// <exception cref="ArgumentException">No step size, or one that is not finite and positive; labels of the wrong length.</exception>
    public static LandscapeSample AlongGradient(Mlp network, Matrix<double> x, int[] labels, IReadOnlyList<double> stepSizes)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(stepSizes);
        if (stepSizes.Count == 0 || stepSizes.Any(s => !(s > 0) || double.IsInfinity(s)))
        {
            throw new ArgumentException($"stepSizes must be non-empty, finite and > 0; got [{string.Join(", ", stepSizes)}].", nameof(stepSizes));
        }

        if (labels.Length != x.RowCount)
        {
            throw new ArgumentException($"labels has {labels.Length} entries for a batch of {x.RowCount} rows.", nameof(labels));
        }

        IReadOnlyList<Parameter> parameters = network.Parameters;
        var bns = network.HiddenBlocks.Select(b => b.BatchNorm).OfType<BatchNorm>().ToArray();
        var savedRunning = bns.Select(b => (b.RunningMean.Clone(), b.RunningVariance.Clone())).ToArray();
        double[][] theta = [.. parameters.Select(p => (double[])p.Value.Clone())];

        double loss0 = LossAndGradient(network, x, labels);
        double[][] g0 = [.. parameters.Select(p => (double[])p.Gradient.Clone())];
        double gradientNorm = Math.Sqrt(g0.Sum(g => g.Sum(v => v * v)));

        var losses = new double[stepSizes.Count];
        var changes = new double[stepSizes.Count];
        try
        {
            for (int s = 0; s < stepSizes.Count; s++)
            {
                for (int k = 0; k < parameters.Count; k++)
                {
                    double[] value = parameters[k].Value;
                    for (int i = 0; i < value.Length; i++)
                    {
                        value[i] = theta[k][i] - stepSizes[s] * g0[k][i];   // θ - η g
                    }
                }

                losses[s] = LossAndGradient(network, x, labels);
                double sum = 0;
                for (int k = 0; k < parameters.Count; k++)
                {
                    double[] gradient = parameters[k].Gradient;
                    for (int i = 0; i < gradient.Length; i++)
                    {
                        double d = gradient[i] - g0[k][i];
                        sum += d * d;
                    }
                }

                changes[s] = Math.Sqrt(sum);   // ||∇L(θ - η g) - g||
            }
        }
        finally
        {
            for (int k = 0; k < parameters.Count; k++)
            {
                theta[k].CopyTo(parameters[k].Value, 0);
                g0[k].CopyTo(parameters[k].Gradient, 0);
            }

            for (int b = 0; b < bns.Length; b++)
            {
                savedRunning[b].Item1.CopyTo(bns[b].RunningMean);
                savedRunning[b].Item2.CopyTo(bns[b].RunningVariance);
            }
        }

        return new LandscapeSample([.. stepSizes], loss0, losses, changes, gradientNorm);
    }

    private static double LossAndGradient(Mlp network, Matrix<double> x, int[] labels)
    {
        Matrix<double> logits = network.Forward(x, Mode.Train);
        var dLogits = Matrix<double>.Build.Dense(logits.RowCount, logits.ColumnCount);
        double loss = SoftmaxCrossEntropy.Compute(logits, labels, dLogits);
        network.Backward(dLogits);
        return loss;
    }
}

/// <summary>The result of <see cref="LossLandscape.AlongGradient"/> at one point of training.</summary>
/// <param name="StepSizes">The step sizes η tried.</param>
/// <param name="Loss">L(θ), the loss at the current weights.</param>
/// <param name="Losses">L(θ - η g) for each η.</param>
/// <param name="GradientChanges">||∇L(θ - η g) - g|| for each η.</param>
/// <param name="GradientNorm">||g||.</param>
public sealed record LandscapeSample(double[] StepSizes, double Loss, double[] Losses, double[] GradientChanges, double GradientNorm)
{
    /// <summary>max L - min L over the current point and the points tried: how much the loss varies along the gradient.</summary>
    public double LossRange => Math.Max(Loss, Losses.Max()) - Math.Min(Loss, Losses.Min());

    /// <summary>The largest ||∇L(θ - η g) - g||: how far the gradient a step away is from the one here.</summary>
    public double MaxGradientChange => GradientChanges.Max();

    /// <summary>Santurkar et al.'s effective β-smoothness: max over η of ||∇L(θ - η g) - g|| / (η ||g||); 0 when g = 0.</summary>
    public double EffectiveSmoothness => GradientNorm == 0 ? 0 : StepSizes.Select((eta, i) => GradientChanges[i] / (eta * GradientNorm)).Max();
}
