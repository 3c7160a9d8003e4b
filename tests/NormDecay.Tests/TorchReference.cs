using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using NormDecay.Layers;

namespace NormDecay.Tests;

/// <summary>Reads a reference file Reference/&lt;folder&gt;/&lt;file&gt;.json written by the generate.py beside it (PyTorch 1.13, float64).</summary>
internal sealed class TorchReference(string folder, string file)
{
    private readonly Lazy<JsonElement> _root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", folder, file))).RootElement);

    public JsonElement Case(string name) =>
        _root.Value.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static Matrix<double> Matrix(JsonElement e) =>
        Matrix<double>.Build.DenseOfRowArrays(e.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray());

    public static double[] Vector(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static ImageShape Shape(JsonElement e)
    {
        int[] s = e.EnumerateArray().Select(v => v.GetInt32()).ToArray();
        return new ImageShape(s[0], s[1], s[2]);
    }

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
