using NormDecay.Layers;
using NormDecay.Schedules;

namespace NormDecay.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum and weight decay, in PyTorch's form (<c>torch.optim.SGD</c>, dampening 0):
/// g ← ∇L + λ p;  v ← μ v + g (v starts at 0, so the first v = g);  p ← p - η v.  Without momentum (μ = 0): p ← p - η g.
/// </summary>
/// <remarks>
/// The learning rate η comes from an <see cref="ISchedule"/> evaluated at the current epoch or iteration according to its
/// <see cref="ISchedule.Unit"/>, or from an <see cref="IAdaptiveSchedule"/> told the metric at each <see cref="EndEpoch"/>.
/// Order as in PyTorch: the optimizer steps, then the schedule advances (so step 0's rate is used first).
/// Weight decay applies to every parameter, BN's γ and β included (PyTorch's default).
/// </remarks>
public sealed class Sgd : IOptimizer
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly double[][] _velocity;

    /// <summary>SGD whose rate follows <paramref name="schedule"/>.</summary>
    /// <param name="parameters">What to update (e.g. <c>mlp.Parameters</c>).</param>
    /// <param name="schedule">The learning-rate schedule.</param>
    /// <param name="momentum">μ in [0, 1); default 0 (plain SGD).</param>
    /// <param name="weightDecay">λ ≥ 0 (L2 penalty λ/2 ‖p‖²); default 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">When momentum or weightDecay is out of range.</exception>
    public Sgd(IReadOnlyList<Parameter> parameters, ISchedule schedule, double momentum = 0, double weightDecay = 0)
        : this(parameters, momentum, weightDecay)
    {
        Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
    }

    /// <summary>SGD whose rate is set by a reduce-on-plateau policy; call <see cref="EndEpoch"/> with the metric.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When momentum or weightDecay is out of range.</exception>
    public Sgd(IReadOnlyList<Parameter> parameters, IAdaptiveSchedule adaptive, double momentum = 0, double weightDecay = 0)
        : this(parameters, momentum, weightDecay)
    {
        Adaptive = adaptive ?? throw new ArgumentNullException(nameof(adaptive));
    }

    /// <summary>SGD with a constant learning rate (a <see cref="ConstantRate"/> schedule).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a value is out of range.</exception>
    public Sgd(IReadOnlyList<Parameter> parameters, double learningRate, double momentum = 0, double weightDecay = 0)
        : this(parameters, new ConstantRate(learningRate), momentum, weightDecay)
    {
    }

    private Sgd(IReadOnlyList<Parameter> parameters, double momentum, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(momentum >= 0 && momentum < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"momentum must be in [0, 1), got {momentum}.");
        }

        if (!(weightDecay >= 0) || !double.IsFinite(weightDecay))
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, $"weightDecay must be finite and >= 0, got {weightDecay}.");
        }

        _parameters = parameters;
        Momentum = momentum;
        WeightDecay = weightDecay;
        _velocity = [.. parameters.Select(p => momentum > 0 ? new double[p.Length] : [])];
    }

    /// <summary>The schedule, or null when an adaptive policy sets the rate.</summary>
    public ISchedule? Schedule { get; }

    /// <summary>The adaptive policy, or null when a schedule sets the rate.</summary>
    public IAdaptiveSchedule? Adaptive { get; }

    /// <summary>μ.</summary>
    public double Momentum { get; }

    /// <summary>λ.</summary>
    public double WeightDecay { get; }

    /// <summary>Completed epochs (advanced by <see cref="EndEpoch"/>).</summary>
    public int Epoch { get; private set; }

    /// <summary>Completed updates (advanced by <see cref="Step"/>).</summary>
    public int Iteration { get; private set; }

    /// <summary>The rate the next <see cref="Step"/> uses.</summary>
    public double LearningRate => Schedule is null
        ? Adaptive!.Current
        : Schedule.LearningRate(Schedule.Unit == StepUnit.Epoch ? Epoch : Iteration);

    /// <summary>Updates every parameter in place from its <see cref="Parameter.Gradient"/>; returns the rate used.</summary>
    public double Step()
    {
        double lr = LearningRate;
        for (int k = 0; k < _parameters.Count; k++)
        {
            Span<double> p = _parameters[k].Value;
            ReadOnlySpan<double> grad = _parameters[k].Gradient;
            Span<double> v = _velocity[k];
            for (int i = 0; i < p.Length; i++)
            {
                double g = grad[i] + WeightDecay * p[i];
                if (Momentum > 0)
                {
                    v[i] = Momentum * v[i] + g;
                    g = v[i];
                }

                p[i] -= lr * g;
            }
        }

        Iteration++;
        return lr;
    }

    /// <summary>Marks the end of an epoch; an adaptive policy observes <paramref name="metric"/> (required then, usually the validation loss).</summary>
    /// <exception cref="ArgumentException">When an adaptive policy is used and metric is null.</exception>
    public void EndEpoch(double? metric = null)
    {
        if (Adaptive is not null)
        {
            Adaptive.Observe(metric ?? throw new ArgumentException("Sgd.EndEpoch: the adaptive schedule needs the epoch's metric (e.g. validation loss).", nameof(metric)));
        }

        Epoch++;
    }
}
