using MathNet.Numerics.LinearAlgebra;
using NormDecay.Tensors;

namespace NormDecay.Layers;

/// <summary>
/// Mean squared error over every entry (PyTorch <c>nn.MSELoss</c>, reduction 'mean'):
/// L = (1 / (N K)) Σ_ik (p_ik - t_ik)², dL/dp = 2 (p - t) / (N K).
/// </summary>
public static class MeanSquaredError
{
    /// <summary>Loss and gradient, allocating the gradient.</summary>
    /// <exception cref="ArgumentException">When the shapes of predictions and targets differ.</exception>
    public static (double Loss, Matrix<double> DPredictions) Compute(Matrix<double> predictions, Matrix<double> targets)
    {
        var d = Storage.ZerosLike(predictions, nameof(predictions));
        return (Compute(predictions, targets, d), d);
    }

    /// <summary>Mean loss; writes dL/dpredictions into <paramref name="dPredictions"/> when not null.</summary>
    /// <exception cref="ArgumentException">When a shape differs from the predictions' shape.</exception>
    public static double Compute(Matrix<double> predictions, Matrix<double> targets, Matrix<double>? dPredictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        Guard.Shape(targets, predictions.RowCount, predictions.ColumnCount, "MeanSquaredError", nameof(targets));
        Guard.ShapeIfGiven(dPredictions, predictions.RowCount, predictions.ColumnCount, "MeanSquaredError", nameof(dPredictions));

        double[] p = Storage.Of(predictions, nameof(predictions)), t = Storage.Of(targets, nameof(targets));
        double[]? d = dPredictions is null ? null : Storage.Of(dPredictions, nameof(dPredictions));
        double sum = 0;
        int count = p.Length;
        for (int k = 0; k < count; k++)
        {
            double e = p[k] - t[k];
            sum += e * e;
            if (d is not null)
            {
                d[k] = 2.0 * e / count;
            }
        }

        return sum / count;
    }
}
