namespace NormDecay.Surfaces;

/// <summary>The result of <see cref="StableLearningRate.Find"/>.</summary>
/// <param name="Rate">The largest constant rate found stable.</param>
/// <param name="FirstUnstableRate">The smallest rate found unstable; the true boundary lies between the two.</param>
/// <param name="Runs">Gradient-descent runs the search needed.</param>
/// <param name="LocalLimit"><c>2 / lambda_max</c> of the Hessian at the minimum: the theoretical limit for a quadratic.</param>
public readonly record struct StableRateResult(double Rate, double FirstUnstableRate, int Runs, double LocalLimit);

/// <summary>
/// The largest constant learning rate for which plain gradient descent (no momentum, no noise) is still stable on a
/// surface: lesson 1 reports it before and after normalizing the inputs.
/// </summary>
/// <remarks>
/// <para>Stability criterion (<see cref="IsStable"/>): run N steps of plain gradient descent at the constant rate eta
/// from the start point and track the gap to the minimum, <c>gap_t = f(w_t) - f*</c>. eta is <b>stable</b> when
/// (1) every gap is finite and never exceeds the starting gap <c>gap_0</c>, and (2) the run is still converging at the
/// end: the mean gap over the last tenth of the steps is below <c>(1 - 1e-6)</c> times the mean over the tenth before it,
/// or already below <c>1e-12 gap_0</c> (converged to rounding). Condition (2) rejects a run that settles into a bounded
/// bounce around the minimum instead of reaching it (logistic regression past its limit: its bounded gradients keep the
/// loss from exploding).</para>
/// <para>On a quadratic every eigen-direction is multiplied by <c>1 - eta lambda</c> per step, so the gap falls
/// monotonically for <c>eta &lt; 2 / lambda_max</c> and the steep direction grows for <c>eta &gt; 2 / lambda_max</c>:
/// the criterion switches at 2 / lambda_max, up to a relative error of order <c>1 / N</c> (measured: within 0.01 % at
/// N = 1000 for condition numbers 2 to 1000). A small rate is stable as long as it still makes measurable progress. On logistic regression the curvature is largest near the origin, so from there the
/// boundary lies between <c>2 / lambda_max</c> at the start and at the optimum; past it the loss overshoots the start.</para>
/// <para>The search (<see cref="Find"/>) doubles the rate from <c>initialRate</c> until it is unstable (halving first if
/// <c>initialRate</c> itself is unstable), then bisects in log scale (geometric mean) between the last stable and the
/// first unstable rate until they differ by the relative tolerance.</para>
/// </remarks>
public static class StableLearningRate
{
    /// <summary>Whether plain gradient descent at the constant <paramref name="rate"/> passes the criterion above.</summary>
    /// <param name="surface">The surface.</param>
    /// <param name="rate">The constant learning rate, &gt; 0.</param>
    /// <param name="start">Start point; default the surface's <see cref="ISurface.SuggestedStart"/>.</param>
    /// <param name="steps">N, the number of steps, &gt;= 20 (default 1000).</param>
    /// <exception cref="ArgumentException">When the start is already the minimum (nothing to measure).</exception>
    public static bool IsStable(ISurface surface, double rate, (double X, double Y)? start = null, int steps = 1000)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 20);
        if (!(rate > 0) || !double.IsFinite(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), $"rate = {rate}; it must be finite and > 0.");
        }

        var (x, y) = start ?? surface.SuggestedStart;
        double gap0 = surface.Value(x, y) - surface.MinimumValue;
        if (!(gap0 > 0))
        {
            throw new ArgumentException($"The start ({x}, {y}) is already at the minimum of '{surface.Name}'; choose another start.", nameof(start));
        }

        int tenth = steps / 10;
        int previousFrom = steps - 2 * tenth + 1, lastFrom = steps - tenth + 1;
        double previousSum = 0, lastSum = 0;
        for (int t = 1; t <= steps; t++)
        {
            var (gx, gy) = surface.Gradient(x, y);
            x -= rate * gx;
            y -= rate * gy;
            double gap = surface.Value(x, y) - surface.MinimumValue;
            if (!double.IsFinite(gap) || gap > gap0)
            {
                return false;
            }

            if (t >= lastFrom)
            {
                lastSum += gap;
            }
            else if (t >= previousFrom)
            {
                previousSum += gap;
            }
        }

        double last = lastSum / tenth, previous = previousSum / tenth;
        return last <= 1e-12 * gap0 || last <= (1 - 1e-6) * previous;
    }

    /// <summary>
    /// Searches for the largest stable constant rate (see the remarks for the criterion and the search).
    /// </summary>
    /// <param name="surface">The surface.</param>
    /// <param name="start">Start point; default the surface's <see cref="ISurface.SuggestedStart"/>.</param>
    /// <param name="steps">N of the criterion (default 1000).</param>
    /// <param name="relativeTolerance">Stop when <c>unstable / stable - 1</c> is below this (default 1e-4).</param>
    /// <param name="initialRate">Where the scan begins (default 1e-3).</param>
    /// <exception cref="InvalidOperationException">When the scan finds no stable rate (down to initialRate / 2^200) or no
    /// unstable one (up to initialRate * 2^200).</exception>
    public static StableRateResult Find(ISurface surface, (double X, double Y)? start = null, int steps = 1000, double relativeTolerance = 1e-4, double initialRate = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(surface);
        if (!(relativeTolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), $"relativeTolerance = {relativeTolerance}; it must be > 0.");
        }

        if (!(initialRate > 0) || !double.IsFinite(initialRate))
        {
            throw new ArgumentOutOfRangeException(nameof(initialRate), $"initialRate = {initialRate}; it must be finite and > 0.");
        }

        int runs = 0;
        bool Stable(double eta)
        {
            runs++;
            return IsStable(surface, eta, start, steps);
        }

        double stable, unstable;
        if (Stable(initialRate))
        {
            stable = initialRate;
            unstable = 2 * initialRate;
            for (int k = 0; Stable(unstable); k++)
            {
                stable = unstable;
                unstable *= 2;
                if (k > 200)
                {
                    throw new InvalidOperationException($"Every rate up to {unstable:G4} was stable on '{surface.Name}'; is it bounded below and curved?");
                }
            }
        }
        else
        {
            unstable = initialRate;
            stable = initialRate / 2;
            for (int k = 0; !Stable(stable); k++)
            {
                unstable = stable;
                stable /= 2;
                if (k > 200)
                {
                    throw new InvalidOperationException($"No stable constant rate found on '{surface.Name}' down to {stable:G4}.");
                }
            }
        }

        while (unstable / stable - 1 > relativeTolerance)
        {
            double mid = Math.Sqrt(stable * unstable);
            if (Stable(mid))
            {
                stable = mid;
            }
            else
            {
                unstable = mid;
            }
        }

        var m = surface.Minimum;
        return new StableRateResult(stable, unstable, runs, surface.Hessian(m.X, m.Y).StableRateLimit);
    }
}
