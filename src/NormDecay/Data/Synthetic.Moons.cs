using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Data;

public static partial class Synthetic
{
    /// <summary>
    /// Two interleaving half circles, as scikit-learn's <c>make_moons</c>: class 0 on
    /// <c>(cos t, sin t)</c>, class 1 on <c>(1 - cos t, 0.5 - sin t)</c>, t evenly spaced in [0, pi], plus
    /// N(0, noise^2) on each coordinate. Rows are ordered class by class (class 0 gets the extra point when
    /// <paramref name="count"/> is odd).
    /// </summary>
    /// <param name="random">The seeded source (used only when <paramref name="noise"/> &gt; 0).</param>
    /// <param name="count">Total points, &gt;= 2.</param>
    /// <param name="noise">Standard deviation of the Gaussian noise, &gt;= 0 (default 0.1).</param>
    /// <exception cref="ArgumentOutOfRangeException">When count &lt; 2 or noise is negative.</exception>
    public static Dataset TwoMoons(Random random, int count, double noise = 0.1)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        CheckNoise(noise);
        int outer = count - count / 2;
        int inner = count / 2;
        var x = Matrix<double>.Build.Dense(count, 2);
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            bool first = i < outer;
            int k = first ? i : i - outer;
            int m = first ? outer : inner;
            double t = m == 1 ? 0 : Math.PI * k / (m - 1);
            double px = first ? Math.Cos(t) : 1 - Math.Cos(t);
            double py = first ? Math.Sin(t) : 0.5 - Math.Sin(t);
            x[i, 0] = px + (noise > 0 ? noise * Gaussian.Sample(random) : 0);
            x[i, 1] = py + (noise > 0 ? noise * Gaussian.Sample(random) : 0);
            labels[i] = first ? 0 : 1;
        }

        return new Dataset("two moons", x, labels, ["x1", "x2"], ["upper moon", "lower moon"]);
    }

    private static void CheckNoise(double noise)
    {
        if (!(noise >= 0) || !double.IsFinite(noise))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), $"noise = {noise}; it must be a finite standard deviation >= 0.");
        }
    }
}
