using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Tests.Normalization;

/// <summary>Reads Reference/batchnorm/batchnorm.json, written by generate.py from torch.nn.BatchNorm1d (float64).</summary>
internal static class BatchNormVectors
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "batchnorm", "batchnorm.json"))).RootElement);

    public static JsonElement Case(string name) =>
        Root.Value.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static Matrix<double> Matrix(JsonElement e)
    {
        double[][] rows = e.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        return Matrix<double>.Build.DenseOfRowArrays(rows);
    }

    public static double[] Vector(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>Every entry within <paramref name="tolerance"/> (default <see cref="Tolerances.Reference"/>) relative to max(1, |expected|).</summary>
    public static void AssertClose(double[] expected, IEnumerable<double> actual, string what, double tolerance = Tolerances.Reference)
    {
        double[] a = actual.ToArray();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
        {
            double tol = tolerance * Math.Max(1.0, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - a[i]) <= tol, $"{what}[{i}]: expected {expected[i]:R}, got {a[i]:R}");
        }
    }

    public static void AssertClose(Matrix<double> expected, Matrix<double> actual, string what, double tolerance = Tolerances.Reference)
    {
        Assert.Equal((expected.RowCount, expected.ColumnCount), (actual.RowCount, actual.ColumnCount));
        AssertClose(expected.ToColumnMajorArray(), actual.ToColumnMajorArray(), what, tolerance);
    }
}
