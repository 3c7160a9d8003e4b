using MathNet.Numerics.LinearAlgebra;
using NormDecay.Tensors;

namespace NormDecay.Layers;

/// <summary>
/// Softmax followed by cross-entropy, averaged over the batch (PyTorch <c>nn.CrossEntropyLoss</c>, reduction 'mean').
/// </summary>
/// <remarks>
/// L = (1/N) Σ_i [ logsumexp(z_i) - z_{i, y_i} ], with logsumexp(z) = m + log Σ_k e^{z_k - m}, m = max_k z_k
/// (stable for any finite logits). Gradient: dL/dz_{ik} = (softmax(z_i)_k - [k = y_i]) / N.
/// </remarks>
public static class SoftmaxCrossEntropy
{
    /// <summary>Loss and gradient, allocating the gradient.</summary>
    /// <param name="logits">Scores, shape (N, classes).</param>
    /// <param name="labels">Class index of each row, 0 .. classes - 1.</param>
    /// <returns>The mean loss and dL/dlogits.</returns>
    /// <exception cref="ArgumentException">When labels and rows disagree or a label is out of range.</exception>
    public static (double Loss, Matrix<double> DLogits) Compute(Matrix<double> logits, ReadOnlySpan<int> labels)
    {
        var d = Storage.ZerosLike(logits, nameof(logits));
        return (Compute(logits, labels, d), d);
    }

    /// <summary>Mean loss; writes dL/dlogits into <paramref name="dLogits"/> when it is not null (allocation free).</summary>
    /// <exception cref="ArgumentException">When labels and rows disagree, a label is out of range, or dLogits has the wrong shape.</exception>
    public static double Compute(Matrix<double> logits, ReadOnlySpan<int> labels, Matrix<double>? dLogits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        int n = logits.RowCount, c = logits.ColumnCount;
        if (labels.Length != n)
        {
            throw new ArgumentException($"SoftmaxCrossEntropy: logits of shape ({n}, {c}) need {n} labels, got {labels.Length}.", nameof(labels));
        }

        Guard.ShapeIfGiven(dLogits, n, c, "SoftmaxCrossEntropy", nameof(dLogits));

        double[] z = Storage.Of(logits, nameof(logits));
        double[]? d = dLogits is null ? null : Storage.Of(dLogits, nameof(dLogits));
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            int y = labels[i];
            if ((uint)y >= (uint)c)
            {
                throw new ArgumentException($"SoftmaxCrossEntropy: labels[{i}] = {y} is outside 0 .. {c - 1} (logits have {c} columns).", nameof(labels));
            }

            double max = double.NegativeInfinity;
            for (int k = 0; k < c; k++)
            {
                max = Math.Max(max, z[k * n + i]);
            }

            double sum = 0;
            for (int k = 0; k < c; k++)
            {
                sum += Math.Exp(z[k * n + i] - max);
            }

            double logSumExp = max + Math.Log(sum);
            total += logSumExp - z[y * n + i];
            if (d is not null)
            {
                for (int k = 0; k < c; k++)
                {
                    double p = Math.Exp(z[k * n + i] - logSumExp);
                    d[k * n + i] = (p - (k == y ? 1.0 : 0.0)) / n;
                }
            }
        }

        return total / n;
    }

    /// <summary>Fraction of rows whose largest logit is at the label (ties: the first maximum wins).</summary>
    /// <exception cref="ArgumentException">When labels and rows disagree.</exception>
    public static double Accuracy(Matrix<double> logits, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        int n = logits.RowCount, c = logits.ColumnCount;
        if (labels.Length != n)
        {
            throw new ArgumentException($"Accuracy: logits of shape ({n}, {c}) need {n} labels, got {labels.Length}.", nameof(labels));
        }

        double[] z = Storage.Of(logits, nameof(logits));
        int correct = 0;
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            for (int k = 1; k < c; k++)
            {
                if (z[k * n + i] > z[best * n + i])
                {
                    best = k;
                }
            }

            correct += best == labels[i] ? 1 : 0;
        }

        return (double)correct / n;
    }
}
