using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Cli.Coursework;

/// <summary>One call the grader's tests made to a graded function, with a copy of its arguments (for fresh inputs later).</summary>
/// <param name="Function">The function's index.</param>
/// <param name="Arguments">A deep copy of the arguments as they were passed.</param>
public sealed record RecordedCall(int Function, object?[] Arguments);

/// <summary>
/// The globals of the instructor's test scripts when the grader runs them in its own process: <c>__grader.Call</c>
/// is what every proxy of a graded function calls. It forwards to the graded code, checks the returned value's type,
/// copies mutated arguments back (so checks such as "UpdateRunning changed its argument" still work), and records
/// the calls.
/// </summary>
public sealed class TrustedGlobals(IGradedCode code)
{
    private const int MaxRecorded = 4096;

    /// <summary>Itself, under the name the proxies use.</summary>
    public TrustedGlobals __grader => this;

    /// <summary>The calls made so far.</summary>
    public List<RecordedCall> Calls { get; } = [];

    /// <summary>Calls function <paramref name="index"/> of the graded code.</summary>
    /// <exception cref="GradedCallException">No value came back, or one of another type.</exception>
    public T Call<T>(int index, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (Calls.Count < MaxRecorded)
        {
            Calls.Add(new RecordedCall(index, [.. arguments.Select(Copy)]));
        }

        (object? value, object?[] after) = code.Call(index, arguments);
        for (int i = 0; i < arguments.Length && i < after.Length; i++)
        {
            CopyBack(arguments[i], after[i]);
        }

        return value switch
        {
            T t => t,
            null when default(T) is null => default!,
            _ => throw new GradedCallException(CallFailure.WrongType, $"returned {Describe(value)}, expected {Describe(typeof(T))}"),
        };
    }

    /// <summary>A deep copy of an argument value (matrices, vectors and arrays are copied).</summary>
    public static object? Copy(object? value) => value switch
    {
        Matrix<double> m => m.Clone(),
        Vector<double> v => v.Clone(),
        double[] a => a.Clone(),
        int[] a => a.Clone(),
        _ => value,
    };

    private static void CopyBack(object? original, object? after)
    {
        switch (original, after)
        {
            case (Matrix<double> m, Matrix<double> n) when m.RowCount == n.RowCount && m.ColumnCount == n.ColumnCount:
                n.CopyTo(m);
                break;
            case (Vector<double> v, Vector<double> w) when v.Count == w.Count:
                w.CopyTo(v);
                break;
            case (double[] a, double[] b) when a.Length == b.Length:
                Array.Copy(b, a, a.Length);
                break;
            case (int[] a, int[] b) when a.Length == b.Length:
                Array.Copy(b, a, a.Length);
                break;
        }
    }

    private static string Describe(object? value) => value is null ? "null" : Describe(value.GetType());

    private static string Describe(Type t) =>
        t.IsGenericType && t.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal)
            ? "(" + string.Join(", ", t.GetGenericArguments().Select(Describe)) + ")"
            : typeof(Matrix<double>).IsAssignableFrom(t) ? "Matrix<double>" : typeof(Vector<double>).IsAssignableFrom(t) ? "Vector<double>" : t.Name;
}
