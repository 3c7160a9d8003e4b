using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Data;

public static partial class Synthetic
{
    /// <summary>
    /// Interleaved spiral arms (the CS231n toy problem): arm c has points at radius r in [0, 1] and angle
    /// <c>theta = turns * 2 pi * r + 2 pi c / classes</c>, at <c>(r sin theta, r cos theta)</c>, plus N(0, noise^2)
    /// on each coordinate. Rows are ordered arm by arm.
    /// </summary>
    /// <param name="random">The seeded source (used only when <paramref name="noise"/> &gt; 0).</param>
    /// <param name="countPerClass">Points per arm, &gt;= 2.</param>
    /// <param name="classes">Number of arms, &gt;= 2 (default 3).</param>
    /// <param name="noise">Standard deviation of the Gaussian noise, &gt;= 0 (default 0.05).</param>
    /// <param name="turns">Turns each arm makes from the centre to radius 1, &gt; 0 (default 0.75).</param>
    /// <exception cref="ArgumentOutOfRangeException">When an argument is out of its range.</exception>
    public static Dataset Spirals(Random random, int countPerClass, int classes = 3, double noise = 0.05, double turns = 0.75)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(countPerClass, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        CheckNoise(noise);
        if (!(turns > 0) || !double.IsFinite(turns))
        {
            throw new ArgumentOutOfRangeException(nameof(turns), $"turns = {turns}; it must be finite and > 0.");
        }

        int n = countPerClass * classes;
        var x = Matrix<double>.Build.Dense(n, 2);
        var labels = new int[n];
        for (int c = 0, row = 0; c < classes; c++)
        {
            for (int k = 0; k < countPerClass; k++, row++)
            {
                double r = (double)k / (countPerClass - 1);
                double theta = turns * 2 * Math.PI * r + 2 * Math.PI * c / classes;
                x[row, 0] = r * Math.Sin(theta) + (noise > 0 ? noise * Gaussian.Sample(random) : 0);
                x[row, 1] = r * Math.Cos(theta) + (noise > 0 ? noise * Gaussian.Sample(random) : 0);
                labels[row] = c;
            }
        }

        string[] names = Enumerable.Range(0, classes).Select(c => $"arm {c}").ToArray();
        return new Dataset("spirals", x, labels, ["x1", "x2"], names);
    }
}
