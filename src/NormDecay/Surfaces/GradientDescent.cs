using NormDecay.Data;
using NormDecay.Schedules;

namespace NormDecay.Surfaces;

/// <summary>Gradient descent on a 2-D surface under a learning-rate schedule, recording the path.</summary>
public static class GradientDescent
{
    /// <summary>
    /// Runs <paramref name="steps"/> steps from <paramref name="start"/>: step t (0-based) uses
    /// <c>eta_t = schedule.LearningRate(t)</c> and <c>w_{t+1} = w_t - eta_t v_t</c> with <c>v_t = mu v_{t-1} + g_t</c>
    /// (<c>mu = 0</c> gives plain gradient descent). g_t is the full gradient, a mini-batch gradient, and/or a noisy one
    /// (see <see cref="TrajectoryOptions"/>).
    /// </summary>
    /// <param name="surface">The surface.</param>
    /// <param name="start">The start point; default the surface's <see cref="ISurface.SuggestedStart"/>.</param>
    /// <param name="schedule">The learning rate of each step (its <see cref="ISchedule.Unit"/> is not used: one step is one update).</param>
    /// <param name="steps">Number of updates, &gt;= 0.</param>
    /// <param name="options">Momentum, noise, mini-batches, divergence test; default plain full-batch descent.</param>
    /// <returns>The path; on divergence it ends at the first point judged divergent (if finite) and is flagged.</returns>
    /// <exception cref="ArgumentException">When options ask for noise or batches without a Random, or batches on a surface without examples.</exception>
    public static Trajectory Run(ISurface surface, ISchedule schedule, int steps, (double X, double Y)? start = null, TrajectoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        options ??= new TrajectoryOptions();
        Validate(surface, options);
        var (x, y) = start ?? surface.SuggestedStart;
        var stochastic = surface as IStochasticSurface;
        MiniBatches? batches = options.BatchSize > 0 ? new MiniBatches(stochastic!.ExampleCount, options.BatchSize, options.Random!) : null;
        IReadOnlyList<ReadOnlyMemory<int>> epoch = [];
        int nextBatch = 0;

        var xs = new List<double>(steps + 1) { x };
        var ys = new List<double>(steps + 1) { y };
        double f0 = surface.Value(x, y);
        var values = new List<double>(steps + 1) { f0 };
        var rates = new List<double>(steps);
        double gap0 = Math.Max(f0 - surface.MinimumValue, 1e-300);
        double vx = 0, vy = 0;
        bool diverged = !double.IsFinite(f0);
        for (int t = 0; t < steps && !diverged; t++)
        {
            double eta = schedule.LearningRate(t);
            double gx, gy;
            if (batches is not null)
            {
                if (nextBatch == epoch.Count)
                {
                    epoch = batches.NextEpoch();
                    nextBatch = 0;
                }

                (gx, gy) = stochastic!.Gradient(x, y, epoch[nextBatch++].Span);
            }
            else
            {
                (gx, gy) = surface.Gradient(x, y);
            }

            if (options.GradientNoise > 0)
            {
                gx += options.GradientNoise * Gaussian.Sample(options.Random!);
                gy += options.GradientNoise * Gaussian.Sample(options.Random!);
            }

            vx = options.Momentum * vx + gx;
            vy = options.Momentum * vy + gy;
            double nx = x - eta * vx, ny = y - eta * vy;
            double f = surface.Value(nx, ny);
            diverged = !double.IsFinite(f) || !double.IsFinite(nx) || !double.IsFinite(ny)
                || f - surface.MinimumValue > options.DivergenceFactor * gap0;
            if (diverged && !(double.IsFinite(f) && double.IsFinite(nx) && double.IsFinite(ny)))
            {
                break; // keep the path plottable: no infinities or NaN in it
            }

            rates.Add(eta);
            (x, y) = (nx, ny);
            xs.Add(x);
            ys.Add(y);
            values.Add(f);
        }

        return new Trajectory([.. xs], [.. ys], [.. values], [.. rates], diverged, schedule.Name);
    }

    private static void Validate(ISurface surface, TrajectoryOptions o)
    {
        if (!(o.Momentum >= 0 && o.Momentum < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(o.Momentum), $"Momentum = {o.Momentum}; it must lie in [0, 1).");
        }

        if (!(o.GradientNoise >= 0) || !double.IsFinite(o.GradientNoise))
        {
            throw new ArgumentOutOfRangeException(nameof(o.GradientNoise), $"GradientNoise = {o.GradientNoise}; it must be finite and >= 0.");
        }

        if (o.BatchSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(o.BatchSize), $"BatchSize = {o.BatchSize}; use 0 for full batch or a positive size.");
        }

        if (!(o.DivergenceFactor > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(o.DivergenceFactor), $"DivergenceFactor = {o.DivergenceFactor}; it must be > 1.");
        }

        if ((o.GradientNoise > 0 || o.BatchSize > 0) && o.Random is null)
        {
            throw new ArgumentException("TrajectoryOptions.Random must be set (a seeded Random) when GradientNoise or BatchSize is used.", nameof(o));
        }

        if (o.BatchSize > 0 && surface is not IStochasticSurface)
        {
            throw new ArgumentException($"BatchSize = {o.BatchSize} needs a surface made of examples (IStochasticSurface); '{surface.Name}' is not. Use GradientNoise instead.", nameof(o));
        }
    }
}
