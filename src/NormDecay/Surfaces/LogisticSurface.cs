using NormDecay.Data;

namespace NormDecay.Surfaces;

/// <summary>
/// The loss of logistic regression with two weights (x, y) on two features a, b and a fixed bias:
/// <c>f(w) = 1/N sum_i [softplus(z_i) - t_i z_i] + l2/2 |w|^2</c>, <c>z_i = w_1 a_i + w_2 b_i + bias</c>, t_i in {0, 1}
/// (binary cross-entropy with logits, as PyTorch's <c>BCEWithLogitsLoss</c> with mean reduction).
/// </summary>
/// <remarks>
/// Lesson 1 builds it twice on the same two wine features, raw and standardized: raw features on different scales give
/// long, thin contours (a large Hessian condition number), standardized ones give nearly round contours.
/// Gradient: <c>1/N sum (sigma(z_i) - t_i) (a_i, b_i) + l2 w</c>; Hessian: <c>1/N sum sigma(1 - sigma) (a_i, b_i)(a_i, b_i)^T + l2 I</c>.
/// The minimum has no closed form; the constructor finds it by damped Newton iterations.
/// </remarks>
public sealed class LogisticSurface : IStochasticSurface
{
    private readonly double[] _a, _b, _t;

    /// <summary>Creates the surface from two feature columns and 0/1 targets.</summary>
    /// <param name="a">First feature, one value per example (multiplies weight x).</param>
    /// <param name="b">Second feature (multiplies weight y), same length.</param>
    /// <param name="targets">0 or 1 per example, same length.</param>
    /// <param name="bias">The fixed bias added to every logit (default 0).</param>
    /// <param name="l2">L2 penalty coefficient, &gt;= 0 (default 0); &gt; 0 guarantees a finite minimum.</param>
    /// <param name="name">Legend name (default <c>"logistic loss"</c>).</param>
    /// <exception cref="ArgumentException">When lengths differ, a target is not 0/1, a value is not finite.</exception>
    /// <exception cref="InvalidOperationException">When the loss has no finite minimum (the classes are separable
    /// by a line with this bias and l2 = 0); the message suggests l2 &gt; 0.</exception>
    public LogisticSurface(double[] a, double[] b, int[] targets, double bias = 0, double l2 = 0, string name = "logistic loss")
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(targets);
        if (a.Length == 0 || a.Length != b.Length || a.Length != targets.Length)
        {
            throw new ArgumentException($"a, b and targets must have the same, non-zero length; got {a.Length}, {b.Length}, {targets.Length}.", nameof(targets));
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (targets[i] is not (0 or 1))
            {
                throw new ArgumentException($"targets[{i}] = {targets[i]}; targets must be 0 or 1.", nameof(targets));
            }

            if (!double.IsFinite(a[i]) || !double.IsFinite(b[i]))
            {
                throw new ArgumentException($"Example {i} has a non-finite feature (a = {a[i]}, b = {b[i]}).", nameof(a));
            }
        }

        if (!(l2 >= 0) || !double.IsFinite(l2) || !double.IsFinite(bias))
        {
            throw new ArgumentOutOfRangeException(nameof(l2), $"l2 = {l2}, bias = {bias}; l2 must be finite and >= 0, bias finite.");
        }

        _a = (double[])a.Clone();
        _b = (double[])b.Clone();
        _t = targets.Select(v => (double)v).ToArray();
        Bias = bias;
        L2 = l2;
        Name = name;
        Minimum = FindMinimum();
        MinimumValue = Value(Minimum.X, Minimum.Y);
        SuggestedStart = (0.0, 0.0);
        double reach = Math.Max(Math.Abs(Minimum.X), Math.Abs(Minimum.Y));
        Window = PlotWindow.Around(Minimum.X, Minimum.Y, reach > 0 ? 1.3 * reach : 1.0);
    }

    /// <summary>
    /// The surface for "class <paramref name="positiveClass"/> versus the rest" on two features of a data set,
    /// raw or standardized (<c>(v - mean) / std</c>, population std with N, as scikit-learn's <c>StandardScaler</c>).
    /// </summary>
    /// <param name="data">E.g. <see cref="Datasets.Wine"/>.</param>
    /// <param name="featureA">Name of the feature multiplied by weight x.</param>
    /// <param name="featureB">Name of the feature multiplied by weight y.</param>
    /// <param name="positiveClass">The class whose examples get target 1.</param>
    /// <param name="standardize">Standardize both features first.</param>
    /// <param name="bias">Fixed bias (default 0).</param>
    /// <param name="l2">L2 penalty (default 0).</param>
    /// <exception cref="ArgumentException">When a feature name is unknown or the class is out of range.</exception>
    public static LogisticSurface FromDataset(Dataset data, string featureA, string featureB, int positiveClass, bool standardize, double bias = 0, double l2 = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        if ((uint)positiveClass >= (uint)data.ClassCount)
        {
            throw new ArgumentOutOfRangeException(nameof(positiveClass), $"positiveClass = {positiveClass} is outside 0 .. {data.ClassCount - 1} of '{data.Name}'.");
        }

        double[] a = data.X.Column(data.FeatureIndex(featureA)).ToArray();
        double[] b = data.X.Column(data.FeatureIndex(featureB)).ToArray();
        if (standardize)
        {
            StandardizeInPlace(a, featureA);
            StandardizeInPlace(b, featureB);
        }

        int[] targets = data.Labels.Select(l => l == positiveClass ? 1 : 0).ToArray();
        string how = standardize ? "standardized" : "raw";
        return new LogisticSurface(a, b, targets, bias, l2, $"{data.Name}: {data.ClassNames[positiveClass]} vs rest on {featureA}, {featureB} ({how})");
    }

    /// <summary>The fixed bias.</summary>
    public double Bias { get; }

    /// <summary>The L2 penalty coefficient.</summary>
    public double L2 { get; }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int ExampleCount => _a.Length;

    /// <inheritdoc/>
    public (double X, double Y) Minimum { get; }

    /// <inheritdoc/>
    public double MinimumValue { get; }

    /// <inheritdoc/>
    public PlotWindow Window { get; }

    /// <summary>The origin (all weights zero), the usual initialization.</summary>
    public (double X, double Y) SuggestedStart { get; }

    /// <summary>The Hessian at the minimum: its condition number is how elongated the contours are near the optimum.</summary>
    public Hessian2 HessianAtMinimum => Hessian(Minimum.X, Minimum.Y);

    /// <inheritdoc/>
    public double Value(double x, double y)
    {
        double sum = 0;
        for (int i = 0; i < _a.Length; i++)
        {
            double z = x * _a[i] + y * _b[i] + Bias;
            sum += Softplus(z) - _t[i] * z;
        }

        return sum / _a.Length + 0.5 * L2 * (x * x + y * y);
    }

    /// <inheritdoc/>
    public (double Dx, double Dy) Gradient(double x, double y)
    {
        double gx = 0, gy = 0;
        for (int i = 0; i < _a.Length; i++)
        {
            double r = Sigmoid(x * _a[i] + y * _b[i] + Bias) - _t[i];
            gx += r * _a[i];
            gy += r * _b[i];
        }

        return (gx / _a.Length + L2 * x, gy / _a.Length + L2 * y);
    }

    /// <inheritdoc/>
    public (double Dx, double Dy) Gradient(double x, double y, ReadOnlySpan<int> batch)
    {
        if (batch.IsEmpty)
        {
            throw new ArgumentException("The mini-batch is empty.", nameof(batch));
        }

        double gx = 0, gy = 0;
        for (int k = 0; k < batch.Length; k++)
        {
            int i = batch[k];
            if ((uint)i >= (uint)_a.Length)
            {
                throw new ArgumentException($"batch[{k}] = {i} is outside 0 .. {_a.Length - 1}.", nameof(batch));
            }

            double r = Sigmoid(x * _a[i] + y * _b[i] + Bias) - _t[i];
            gx += r * _a[i];
            gy += r * _b[i];
        }

        return (gx / batch.Length + L2 * x, gy / batch.Length + L2 * y);
    }

    /// <inheritdoc/>
    public Hessian2 Hessian(double x, double y)
    {
        double hxx = 0, hxy = 0, hyy = 0;
        for (int i = 0; i < _a.Length; i++)
        {
            double p = Sigmoid(x * _a[i] + y * _b[i] + Bias);
            double w = p * (1 - p);
            hxx += w * _a[i] * _a[i];
            hxy += w * _a[i] * _b[i];
            hyy += w * _b[i] * _b[i];
        }

        int n = _a.Length;
        return new Hessian2(hxx / n + L2, hxy / n, hyy / n + L2);
    }

    /// <summary><c>log(1 + e^z)</c>, computed without overflow.</summary>
    internal static double Softplus(double z) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    /// <summary><c>1 / (1 + e^-z)</c>, computed without overflow.</summary>
    internal static double Sigmoid(double z)
    {
        if (z >= 0)
        {
            return 1 / (1 + Math.Exp(-z));
        }

        double e = Math.Exp(z);
        return e / (1 + e);
    }

    private static void StandardizeInPlace(double[] v, string feature)
    {
        double mean = v.Average();
        double variance = v.Sum(u => (u - mean) * (u - mean)) / v.Length;
        if (!(variance > 0))
        {
            throw new ArgumentException($"Feature '{feature}' is constant; it cannot be standardized.", nameof(feature));
        }

        double std = Math.Sqrt(variance);
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = (v[i] - mean) / std;
        }
    }

    /// <summary>
    /// Damped Newton from the origin: step <c>H^-1 g</c>, halved until the loss does not increase, until the Newton
    /// decrement <c>g^T H^-1 g</c> is below 1e-20 (or 200 iterations). On separable data the loss keeps falling towards 0
    /// as |w| grows and the curvature vanishes (every sigma(1 - sigma) ~ e^-|z|): reported when lambda_min(H) ends below
    /// 1e-9 of the features' mean square.
    /// </summary>
    private (double X, double Y) FindMinimum()
    {
        double x = 0, y = 0, f = Value(x, y), decrement = double.PositiveInfinity;
        for (int iter = 0; iter < 200; iter++)
        {
            var (gx, gy) = Gradient(x, y);
            Hessian2 h = Hessian(x, y);
            double det = h.Xx * h.Yy - h.Xy * h.Xy;
            if (!(det > 0))
            {
                break;
            }

            double sx = (h.Yy * gx - h.Xy * gy) / det, sy = (h.Xx * gy - h.Xy * gx) / det;
            decrement = gx * sx + gy * sy;
            if (decrement < 1e-20)
            {
                break;
            }

            double step = 1;
            while (step > 1e-12)
            {
                double nx = x - step * sx, ny = y - step * sy, nf = Value(nx, ny);
                if (nf <= f)
                {
                    (x, y, f) = (nx, ny, nf);
                    break;
                }

                step *= 0.5;
            }

            if (step <= 1e-12)
            {
                break; // no further decrease possible in floating point
            }
        }

        double scale = 0;
        for (int i = 0; i < _a.Length; i++)
        {
            scale += _a[i] * _a[i] + _b[i] * _b[i];
        }

        scale /= _a.Length;
        if (!(Hessian(x, y).Eigenvalues().Min > 1e-9 * scale))
        {
            throw NoMinimum(x, y);
        }

        if (!(decrement < 1e-12))
        {
            throw new InvalidOperationException($"'{Name}': Newton's method stopped at ({x:G6}, {y:G6}) with decrement {decrement:G3}; the minimum was not found.");
        }

        return (x, y);
    }

    private InvalidOperationException NoMinimum(double x, double y) =>
        new InvalidOperationException(
            $"'{Name}' has no finite minimum: Newton's method from the origin ran off to flat ground (weights ({x:G4}, {y:G4})). " +
            "The two classes are probably separable by a line with this bias; use l2 > 0 or other features.");
}
