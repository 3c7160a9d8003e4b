using MathNet.Numerics.LinearAlgebra;
using NormDecay.Layers;

namespace NormDecay.Tests;

/// <summary>Seeded random matrices for the core tests.</summary>
internal static class TestData
{
    public static Matrix<double> Normal(int rows, int columns, int seed, double mean = 0, double std = 1)
    {
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => mean + std * Initializer.StandardNormal(random));
    }
}
