using NormDecay.Charts.Figures;
using NormDecay.Charts.Text;

namespace NormDecay.Charts.Tests;

/// <summary>Small deterministic inputs for the figure tests.</summary>
internal static class TestData
{
    public static Series Decay(ChartLabel name, int n, double rate) =>
        Series.Indexed(name, Enumerable.Range(0, n).Select(t => Math.Exp(-rate * t)).ToArray());

    public static double[] Normal(Random rng, int n, double mean, double std) =>
        Enumerable.Range(0, n).Select(_ =>
        {
            var u1 = 1.0 - rng.NextDouble();
            var u2 = rng.NextDouble();
            return mean + std * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }).ToArray();

    /// <summary>An elongated quadratic bowl, minimum at (1, -0.5).</summary>
    public static double Bowl(double w1, double w2) => 0.5 * ((w1 - 1) * (w1 - 1) + 10 * (w2 + 0.5) * (w2 + 0.5));

    /// <summary>Gradient descent on <see cref="Bowl"/> from (-2, 1.5) with a fixed or decaying rate.</summary>
    public static TrajectorySeries Descent(ChartLabel name, double lr, int steps, double decay = 0)
    {
        var x = new double[steps + 1];
        var y = new double[steps + 1];
        (x[0], y[0]) = (-2, 1.5);
        for (var t = 0; t < steps; t++)
        {
            var eta = lr / (1 + decay * t);
            x[t + 1] = x[t] - eta * (x[t] - 1);
            y[t + 1] = y[t] - eta * 10 * (y[t] + 0.5);
        }

        return new TrajectorySeries(name, x, y);
    }
}
