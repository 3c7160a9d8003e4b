using MathNet.Numerics.LinearAlgebra;
using NormDecay.Layers;
using NormDecay.Networks;
using NormDecay.Tensors;

namespace NormDecay.GradientChecking;

/// <summary>
/// Finite-difference gradient checking: every analytic gradient is compared with the centered difference
/// (L(θ + h) - L(θ - h)) / (2h), whose error is O(h²) (CS231n's gradient check; micrograd's <c>cmp</c>).
/// </summary>
/// <remarks>
/// Relative error |a - n| / max(|a| + |n|, tiny). An entry passes when its relative error is at most
/// <c>relativeTolerance</c> OR its absolute error at most <c>absoluteTolerance</c> (gradients that are exactly 0,
/// e.g. a Dense bias followed by BN, have only round-off ~1e-10 numerically). For a layer the loss is a random
/// projection L = Σ R ⊙ y with R ~ N(0, 1) from the injected <see cref="Random"/>, so every output entry matters.
/// </remarks>
public static class GradientCheck
{
    /// <summary>Default step h = 1e-5: truncation (h²) and round-off (1e-16 / h) errors are both ~1e-10 for O(1) values.</summary>
    public const double DefaultStep = 1e-5;

    /// <summary>Default relative tolerance 1e-6 (CS231n: &lt; 1e-7 is good for smooth functions, kinks like ReLU raise it).</summary>
    public const double DefaultRelativeTolerance = 1e-6;

    /// <summary>Default absolute tolerance 1e-8 for gradients that are zero or tiny.</summary>
    public const double DefaultAbsoluteTolerance = 1e-8;

    /// <summary>Floor of the denominator of the relative error.</summary>
    public const double Tiny = 1e-12;

    /// <summary>|a - b| / max(|a| + |b|, tiny).</summary>
    public static double RelativeError(double a, double b, double tiny = Tiny) => Math.Abs(a - b) / Math.Max(Math.Abs(a) + Math.Abs(b), tiny);

    /// <summary>Checks dL/dx and every parameter gradient of <paramref name="layer"/> at input <paramref name="x"/>.</summary>
    /// <param name="layer">Any layer; its parameters are perturbed and restored.</param>
    /// <param name="x">Input batch (not modified at the end).</param>
    /// <param name="random">Source of the projection R.</param>
    /// <param name="mode">Mode of every forward pass; default train.</param>
    /// <param name="step">h.</param>
    /// <param name="relativeTolerance">Relative tolerance per entry.</param>
    /// <param name="absoluteTolerance">Absolute tolerance per entry.</param>
    public static GradientCheckReport Layer(
        ILayer layer, Matrix<double> x, Random random, Mode mode = Mode.Train, double step = DefaultStep,
        double relativeTolerance = DefaultRelativeTolerance, double absoluteTolerance = DefaultAbsoluteTolerance)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(random);
        x = x.Clone();
        var r = Matrix<double>.Build.Dense(x.RowCount, layer.OutputSize, (_, _) => Initializer.StandardNormal(random));
        double Loss() => Kernels.Dot(Storage.Of(layer.Forward(x, mode), "y"), Storage.Of(r, "R"));

        layer.Forward(x, mode);
        var dX = layer.Backward(r);
        var analytic = layer.Parameters.Select(p => (double[])p.Gradient.Clone()).ToList();
        var checks = new List<TensorCheck> { Compare("x", Storage.Of(x, "x"), Storage.Of(dX, "dX"), Loss, step, relativeTolerance, absoluteTolerance) };
        for (int k = 0; k < layer.Parameters.Count; k++)
        {
            var p = layer.Parameters[k];
            checks.Add(Compare(p.Name, p.Value, analytic[k], Loss, step, relativeTolerance, absoluteTolerance));
        }

        return new GradientCheckReport(checks);
    }

    /// <summary>Checks dL/dx and every parameter gradient of a whole network with softmax cross-entropy on (x, labels).</summary>
    /// <param name="network">The network; its parameters are perturbed and restored.</param>
    /// <param name="x">Input batch.</param>
    /// <param name="labels">Class of each row.</param>
    /// <param name="mode">Mode of every forward pass; default train.</param>
    /// <param name="step">h.</param>
    /// <param name="relativeTolerance">Relative tolerance per entry.</param>
    /// <param name="absoluteTolerance">Absolute tolerance per entry.</param>
    public static GradientCheckReport Network(
        INetwork network, Matrix<double> x, int[] labels, Mode mode = Mode.Train, double step = DefaultStep,
        double relativeTolerance = DefaultRelativeTolerance, double absoluteTolerance = DefaultAbsoluteTolerance)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(labels);
        x = x.Clone();
        double Loss() => SoftmaxCrossEntropy.Compute(network.Forward(x, mode), labels, null);

        var logits = network.Forward(x, mode);
        var (_, dLogits) = SoftmaxCrossEntropy.Compute(logits, labels);
        double[] dX = Storage.Of(network.Backward(dLogits), "dX").ToArray();
        var analytic = network.Parameters.Select(p => (double[])p.Gradient.Clone()).ToList();
        var checks = new List<TensorCheck> { Compare("x", Storage.Of(x, "x"), dX, Loss, step, relativeTolerance, absoluteTolerance) };
        for (int k = 0; k < network.Parameters.Count; k++)
        {
            var p = network.Parameters[k];
            checks.Add(Compare(p.Name, p.Value, analytic[k], Loss, step, relativeTolerance, absoluteTolerance));
        }

        return new GradientCheckReport(checks);
    }

    /// <summary>
    /// Compares <paramref name="analytic"/> with centered differences of <paramref name="loss"/> with respect to each entry of
    /// <paramref name="values"/> (perturbed in place and restored).
    /// </summary>
    /// <exception cref="ArgumentException">When the two arrays differ in length.</exception>
    public static TensorCheck Compare(
        string name, double[] values, double[] analytic, Func<double> loss, double step = DefaultStep,
        double relativeTolerance = DefaultRelativeTolerance, double absoluteTolerance = DefaultAbsoluteTolerance)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(analytic);
        ArgumentNullException.ThrowIfNull(loss);
        if (values.Length != analytic.Length)
        {
            throw new ArgumentException($"GradientCheck '{name}': {values.Length} values but {analytic.Length} analytic gradients.", nameof(analytic));
        }

        double maxRel = 0, maxAbs = 0;
        int failures = 0;
        for (int k = 0; k < values.Length; k++)
        {
            double saved = values[k];
            values[k] = saved + step;
            double plus = loss();
            values[k] = saved - step;
            double minus = loss();
            values[k] = saved;
            double numeric = (plus - minus) / (2 * step);
            double abs = Math.Abs(analytic[k] - numeric), rel = RelativeError(analytic[k], numeric);
            maxRel = Math.Max(maxRel, rel);
            maxAbs = Math.Max(maxAbs, abs);
            failures += rel > relativeTolerance && abs > absoluteTolerance ? 1 : 0;
        }

        return new TensorCheck(name, values.Length, maxRel, maxAbs, failures);
    }
}
