using NormDecay.Layers;
using NormDecay.Schedules;

namespace NormDecay.Optimizers;

/// <summary>
/// Adam (Kingma and Ba 2015) in PyTorch's form (<c>torch.optim.Adam</c>, amsgrad off): an exponential moving average of the
/// gradient (first moment) and of its square (second moment), both bias-corrected, give each parameter its own step size.
/// </summary>
/// <remarks>
/// <para>At update t = 1, 2, ...: g ← ∇L + λ p (L2 weight decay added to the gradient, PyTorch's <c>weight_decay</c>);
/// m ← β₁ m + (1 - β₁) g; v ← β₂ v + (1 - β₂) g²; m̂ = m/(1 - β₁ᵗ); v̂ = v/(1 - β₂ᵗ); p ← p - η m̂/(sqrt(v̂) + ε).
/// m and v start at 0 (so the bias correction matters most in the first steps).</para>
/// <para>Defaults as PyTorch and the paper: η = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0. The rate η may follow any
/// <see cref="ISchedule"/>, evaluated at the current epoch or iteration by its <see cref="ISchedule.Unit"/>; as in PyTorch,
/// the optimizer steps before the schedule advances.</para>
/// </remarks>
public sealed class Adam : IOptimizer
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly double[][] _m, _v;

    /// <summary>Adam whose rate follows <paramref name="schedule"/>.</summary>
    /// <param name="parameters">What to update.</param>
    /// <param name="schedule">The learning-rate schedule.</param>
    /// <param name="beta1">β₁ in [0, 1); default 0.9.</param>
    /// <param name="beta2">β₂ in [0, 1); default 0.999.</param>
    /// <param name="eps">ε &gt; 0; default 1e-8.</param>
    /// <param name="weightDecay">λ ≥ 0; default 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a hyperparameter is outside its range (the message names it).</exception>
    public Adam(IReadOnlyList<Parameter> parameters, ISchedule schedule, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        Beta1 = Fraction(beta1, nameof(beta1));
        Beta2 = Fraction(beta2, nameof(beta2));
        if (!(eps > 0) || !double.IsFinite(eps))
        {
            throw new ArgumentOutOfRangeException(nameof(eps), eps, $"Adam: eps must be finite and > 0, got {eps}.");
        }

        if (!(weightDecay >= 0) || !double.IsFinite(weightDecay))
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, $"Adam: weightDecay must be finite and >= 0, got {weightDecay}.");
        }

        Eps = eps;
        WeightDecay = weightDecay;
        _parameters = parameters;
        _m = [.. parameters.Select(p => new double[p.Length])];
        _v = [.. parameters.Select(p => new double[p.Length])];
    }

    /// <summary>Adam with a constant learning rate (default 1e-3).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a hyperparameter is outside its range.</exception>
    public Adam(IReadOnlyList<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : this(parameters, new ConstantRate(learningRate), beta1, beta2, eps, weightDecay)
    {
    }

    /// <summary>The schedule of η.</summary>
    public ISchedule Schedule { get; }

    /// <summary>β₁, the decay of the first-moment average.</summary>
    public double Beta1 { get; }

    /// <summary>β₂, the decay of the second-moment average.</summary>
    public double Beta2 { get; }

    /// <summary>ε added to sqrt(v̂).</summary>
    public double Eps { get; }

    /// <summary>λ.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc/>
    public int Epoch { get; private set; }

    /// <inheritdoc/>
    public int Iteration { get; private set; }

    /// <inheritdoc/>
    public double LearningRate => Schedule.LearningRate(Schedule.Unit == StepUnit.Epoch ? Epoch : Iteration);

    /// <summary>The first-moment average m of parameter <paramref name="index"/> (a live view, for charts and tests).</summary>
    public ReadOnlySpan<double> FirstMoment(int index) => _m[index];

    /// <summary>The second-moment average v of parameter <paramref name="index"/>.</summary>
    public ReadOnlySpan<double> SecondMoment(int index) => _v[index];

    /// <inheritdoc/>
    public double Step()
    {
        double lr = LearningRate;
        int t = Iteration + 1;
        double correction1 = 1 - Math.Pow(Beta1, t), correction2 = 1 - Math.Pow(Beta2, t);
        for (int k = 0; k < _parameters.Count; k++)
        {
            Span<double> p = _parameters[k].Value, m = _m[k], v = _v[k];
            ReadOnlySpan<double> grad = _parameters[k].Gradient;
            for (int i = 0; i < p.Length; i++)
            {
                double g = grad[i] + WeightDecay * p[i];
                m[i] = Beta1 * m[i] + (1 - Beta1) * g;
                v[i] = Beta2 * v[i] + (1 - Beta2) * g * g;
                double mHat = m[i] / correction1, vHat = v[i] / correction2;
                p[i] -= lr * mHat / (Math.Sqrt(vHat) + Eps);
            }
        }

        Iteration = t;
        return lr;
    }

    /// <inheritdoc/>
    public void EndEpoch(double? metric = null) => Epoch++;

    private static double Fraction(double value, string name) =>
        value >= 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"Adam: {name} must be in [0, 1), got {value}.");
}
