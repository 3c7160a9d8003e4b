using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// Inputs chosen at grading time: a call the tests made, with every floating-point value (scalars and the entries of
/// matrices, vectors and arrays) multiplied by its own random factor between e^-0.4 and e^0.4 (signs and zeros kept,
/// integers and flags unchanged), drawn from a secret seed of the run. The student's value on them is compared with the
/// instructor's solution in the grader's process, so answers learnt for the published (or leaked) test inputs do not pass.
/// </summary>
public static class FreshInputs
{
    /// <summary>Relative tolerance of a comparison: |actual - expected| &lt;= 1e-6 max(1, |expected|).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>Perturbed copies of <paramref name="arguments"/>.</summary>
    public static object?[] Perturb(object?[] arguments, Random random)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(random);
        double F(double x) => x * Math.Exp((random.NextDouble() * 2 - 1) * 0.4);
        return [.. arguments.Select(a => a switch
        {
            double d => F(d),
            double[] v => v.Select(F).ToArray(),
            Vector<double> v => v.Map(F),
            Matrix<double> m => m.Map(F),
            _ => TrustedGlobals.Copy(a),
        })];
    }

    /// <summary>Null when <paramref name="actual"/> matches <paramref name="expected"/> within <see cref="Tolerance"/>, else where and how it differs.</summary>
    public static string? Compare(object? expected, object? actual, string name = "the value")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (double e, double a):
                return Near(e, a) ? null : $"{name}: expected {G(e)}, got {G(a)}";
            case (Vector<double> e, Vector<double> a):
                if (e.Count != a.Count)
                {
                    return $"{name}: expected {e.Count} entries, got {a.Count}";
                }

                for (int i = 0; i < e.Count; i++)
                {
                    if (!Near(e[i], a[i]))
                    {
                        return $"{name}[{i}]: expected {G(e[i])}, got {G(a[i])}";
                    }
                }

                return null;
            case (Matrix<double> e, Matrix<double> a):
                if (e.RowCount != a.RowCount || e.ColumnCount != a.ColumnCount)
                {
                    return $"{name}: expected a {e.RowCount}x{e.ColumnCount} matrix, got {a.RowCount}x{a.ColumnCount}";
                }

                for (int i = 0; i < e.RowCount; i++)
                {
                    for (int j = 0; j < e.ColumnCount; j++)
                    {
                        if (!Near(e[i, j], a[i, j]))
                        {
                            return $"{name}[{i},{j}]: expected {G(e[i, j])}, got {G(a[i, j])}";
                        }
                    }
                }

                return null;
            case (double[] e, double[] a):
                return Compare(Vector<double>.Build.DenseOfArray(e), Vector<double>.Build.DenseOfArray(a), name);
            case (System.Runtime.CompilerServices.ITuple e, System.Runtime.CompilerServices.ITuple a) when e.Length == a.Length:
                for (int i = 0; i < e.Length; i++)
                {
                    if (Compare(e[i], a[i], $"{name}.Item{i + 1}") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            default:
                return Equals(expected, actual) ? null : $"{name}: expected {expected ?? "null"}, got {actual ?? "null"}";
        }
    }

    /// <summary>A short description of argument values for the feedback ("6x3 matrix, 3 values, 0.00123").</summary>
    public static string Describe(IEnumerable<object?> arguments) => string.Join(", ", arguments.Select(a => a switch
    {
        Matrix<double> m => $"{m.RowCount}x{m.ColumnCount} matrix",
        Vector<double> v => $"{v.Count} values",
        double[] v => $"{v.Length} values",
        double d => G(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        null => "null",
        _ => a.ToString(),
    }));

    private static bool Near(double e, double a) =>
        (double.IsNaN(e) && double.IsNaN(a)) || e.Equals(a) || Math.Abs(a - e) <= Tolerance * Math.Max(1, Math.Abs(e));

    private static string G(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
