namespace NormDecay.Surfaces;

/// <summary>
/// The path of an optimizer on a surface: the points visited (start included), the loss at each, and the learning
/// rate of each step.
/// </summary>
/// <param name="Xs">x of each point; <c>Xs[0]</c> is the start, <c>Xs[t + 1]</c> the point after step t.</param>
/// <param name="Ys">y of each point.</param>
/// <param name="Values">Full (not mini-batch) loss at each point.</param>
/// <param name="Rates">Learning rate used by step t (one fewer than the points).</param>
/// <param name="Diverged">Whether the run stopped early because it diverged (see <see cref="TrajectoryOptions.DivergenceFactor"/>).</param>
/// <param name="Label">Legend text, e.g. the schedule's name.</param>
public sealed record Trajectory(double[] Xs, double[] Ys, double[] Values, double[] Rates, bool Diverged, string Label)
{
    /// <summary>Steps actually taken (less than asked when the run diverged).</summary>
    public int Steps => Rates.Length;

    /// <summary>The last point.</summary>
    public (double X, double Y) End => (Xs[^1], Ys[^1]);

    /// <summary>The loss at the last point.</summary>
    public double FinalValue => Values[^1];
}
