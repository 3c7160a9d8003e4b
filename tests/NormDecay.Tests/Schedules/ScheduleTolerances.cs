namespace NormDecay.Tests.Schedules;

/// <summary>Tolerances of the schedule tests, with where each comes from.</summary>
internal static class ScheduleTolerances
{
    /// <summary>
    /// Relative agreement with the PyTorch/Keras reference vectors. PyTorch steps most schedulers recursively
    /// (lr *= ratio each epoch); after ~100 steps the rounding of that recursion is ~1e-14 relative, so 1e-10
    /// leaves four orders of margin while still catching any wrong formula, off-by-one step or wrong default.
    /// </summary>
    public const double Relative = 1e-10;

    /// <summary>
    /// Absolute floor for values that are exactly 0 in closed form (e.g. cosine annealing at T_max with eta_min = 0):
    /// PyTorch's recursion leaves ~1e-18 there, where a relative test is meaningless. Rates in the tests are &gt;= 1e-6
    /// whenever they are not 0, so 1e-15 cannot hide a real difference.
    /// </summary>
    public const double AbsoluteFloor = 1e-15;

    /// <summary>Slack for the bound and monotonicity properties: a few ulps of a rate of order 0.1.</summary>
    public const double Bound = 1e-15;

    /// <summary>True when <paramref name="actual"/> matches <paramref name="expected"/> to <see cref="Relative"/> (or the floor).</summary>
    public static bool Close(double expected, double actual)
    {
        double diff = Math.Abs(expected - actual);
        return diff <= AbsoluteFloor || diff <= Relative * Math.Max(Math.Abs(expected), Math.Abs(actual));
    }
}
