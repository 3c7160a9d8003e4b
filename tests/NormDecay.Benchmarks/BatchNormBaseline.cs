using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Storage;

namespace NormDecay.Benchmarks;

/// <summary>
/// A plain span-loop batch norm (train-mode forward + backward) over the column-major storage of a
/// MathNet DenseMatrix: each feature is one contiguous column, so every pass is a sequential read.
/// Not library code: the benchmark's yardstick for what straightforward C# achieves, to tell a slow
/// algorithm from slow plumbing when the library's BatchNorm is measured.
/// </summary>
public sealed class BatchNormBaseline(int features, double eps = 1e-5)
{
    readonly double[] _invStd = new double[features];
    public readonly double[] Gamma = Enumerable.Repeat(1.0, features).ToArray();
    public readonly double[] Beta = new double[features];
    public readonly double[] DGamma = new double[features];
    public readonly double[] DBeta = new double[features];

    static double[] Data(Matrix<double> m) =>
        ((DenseColumnMajorMatrixStorage<double>)m.Storage).Data;

    /// <summary>y = gamma * (x - mean) / sqrt(var + eps) + beta; keeps xHat in <paramref name="xHat"/>.</summary>
    public void Forward(Matrix<double> x, Matrix<double> xHat, Matrix<double> y)
    {
        int n = x.RowCount;
        double[] xs = Data(x), hs = Data(xHat), ys = Data(y);
        for (int j = 0; j < features; j++)
        {
            var col = xs.AsSpan(j * n, n);
            double mean = 0;
            foreach (double v in col)
                mean += v;
            mean /= n;
            double variance = 0;
            foreach (double v in col)
                variance += (v - mean) * (v - mean);
            variance /= n;
            double invStd = 1.0 / Math.Sqrt(variance + eps);
            _invStd[j] = invStd;
            var h = hs.AsSpan(j * n, n);
            var o = ys.AsSpan(j * n, n);
            double g = Gamma[j], b = Beta[j];
            for (int i = 0; i < n; i++)
            {
                h[i] = (col[i] - mean) * invStd;
                o[i] = g * h[i] + b;
            }
        }
    }

    /// <summary>The same forward with the reductions from <see cref="SpanKernels"/> (vectorised, two accumulators).</summary>
    public void ForwardVectorized(Matrix<double> x, Matrix<double> xHat, Matrix<double> y)
    {
        int n = x.RowCount;
        double[] xs = Data(x), hs = Data(xHat), ys = Data(y);
        for (int j = 0; j < features; j++)
        {
            var col = xs.AsSpan(j * n, n);
            double mean = SpanKernels.Sum(col) / n;
            double variance = SpanKernels.SumSquaredDeviations(col, mean) / n;
            double invStd = 1.0 / Math.Sqrt(variance + eps);
            _invStd[j] = invStd;
            SpanKernels.Normalize(col, mean, invStd, Gamma[j], Beta[j], hs.AsSpan(j * n, n), ys.AsSpan(j * n, n));
        }
    }

    /// <summary>The same backward with vectorised reductions: dx = scale * (N dy - dBeta - xHat dGamma).</summary>
    public void BackwardVectorized(Matrix<double> dOut, Matrix<double> xHat, Matrix<double> dx)
    {
        int n = dOut.RowCount;
        double[] ds = Data(dOut), hs = Data(xHat), dxs = Data(dx);
        for (int j = 0; j < features; j++)
        {
            var dy = ds.AsSpan(j * n, n);
            var h = hs.AsSpan(j * n, n);
            double dBeta = SpanKernels.Sum(dy);
            double dGamma = SpanKernels.Dot(dy, h);
            DBeta[j] = dBeta;
            DGamma[j] = dGamma;
            SpanKernels.InputGradient(dy, h, Gamma[j] * _invStd[j] / n, dBeta, dGamma, dxs.AsSpan(j * n, n));
        }
    }

    /// <summary>dx = gamma * invStd / N * (N dy - sum dy - xHat * sum(dy * xHat)).</summary>
    public void Backward(Matrix<double> dOut, Matrix<double> xHat, Matrix<double> dx)
    {
        int n = dOut.RowCount;
        double[] ds = Data(dOut), hs = Data(xHat), dxs = Data(dx);
        for (int j = 0; j < features; j++)
        {
            var dy = ds.AsSpan(j * n, n);
            var h = hs.AsSpan(j * n, n);
            double dBeta = 0, dGamma = 0;
            for (int i = 0; i < n; i++)
            {
                dBeta += dy[i];
                dGamma += dy[i] * h[i];
            }
            DBeta[j] = dBeta;
            DGamma[j] = dGamma;
            double scale = Gamma[j] * _invStd[j] / n;
            var d = dxs.AsSpan(j * n, n);
            for (int i = 0; i < n; i++)
                d[i] = scale * (n * dy[i] - dBeta - h[i] * dGamma);
        }
    }
}
