using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Tests.Normalization;

/// <summary>Reads Reference/batchnorm/batchnorm.json, written by generate.py from torch.nn.BatchNorm1d (float64).</summary>
internal static class BatchNormReference
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

    public static void AssertClose(double[] expected, IEnumerable<double> actual, string what)
    {
        double[] a = actual.ToArray();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
        {
            double tol = Tolerances.Reference * Math.Max(1.0, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - a[i]) <= tol, $"{what}[{i}]: expected {expected[i]:R}, got {a[i]:R}");
        }
    }

    public static void AssertClose(Matrix<double> expected, Matrix<double> actual, string what)
    {
        Assert.Equal((expected.RowCount, expected.ColumnCount), (actual.RowCount, actual.ColumnCount));
        AssertClose(expected.ToColumnMajorArray(), actual.ToColumnMajorArray(), what);
    }
}
