using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace NormDecay.Grading.Worker.Protocol;

/// <summary>
/// The values that cross between the grader and the worker, in a small tagged binary form: null, double, int, long,
/// bool, string, double[], int[], MathNet <see cref="Vector{T}"/> and <see cref="Matrix{T}"/> of double, and value
/// tuples of these (nested as C# nests them). Decoding checks every tag and bounds every length, so a malformed or
/// forged message is a clear <see cref="InvalidDataException"/>, never an unbounded allocation.
/// </summary>
public static class ValueCodec
{
    /// <summary>Most elements one array, vector or matrix may have (16 M doubles, 128 MB).</summary>
    public const int MaxElements = 16 * 1024 * 1024;

    /// <summary>Most characters one string may have.</summary>
    public const int MaxStringLength = 64 * 1024;

    private const int MaxDepth = 16;

    private enum Tag : byte
    {
        Null = 0,
        Double = 1,
        Int = 2,
        Long = 3,
        Bool = 4,
        String = 5,
        DoubleArray = 6,
        Vector = 7,
        Matrix = 8,
        Tuple = 9,
        IntArray = 10,
    }

    /// <summary>True when values of <paramref name="type"/> can be encoded (used to validate graded signatures).</summary>
    public static bool Supports(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(double) || t == typeof(int) || t == typeof(long) || t == typeof(bool) || t == typeof(string) ||
            t == typeof(double[]) || t == typeof(int[]) || typeof(Vector<double>).IsAssignableFrom(t) || typeof(Matrix<double>).IsAssignableFrom(t))
        {
            return true;
        }

        return t.IsGenericType && t.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal) && t.GetGenericArguments().All(Supports);
    }

    /// <summary>Writes <paramref name="value"/>.</summary>
    /// <exception cref="NotSupportedException">The value's type is not one of the supported types (named).</exception>
    public static void Write(BinaryWriter writer, object? value) => Write(writer, value, 0);

    /// <summary>Reads one value in its natural type (double, int, ..., <see cref="Vector{T}"/>, <see cref="Matrix{T}"/>, ValueTuple).</summary>
    /// <exception cref="InvalidDataException">Unknown tag, length out of bounds, or nesting too deep.</exception>
    public static object? Read(BinaryReader reader) => Read(reader, 0);

    /// <summary>The value as bytes.</summary>
    public static byte[] ToBytes(object? value)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms))
        {
            Write(w, value);
        }

        return ms.ToArray();
    }

    private static void Write(BinaryWriter w, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new NotSupportedException("a value nested more than 16 tuples deep");
        }

        switch (value)
        {
            case null:
                w.Write((byte)Tag.Null);
                break;
            case double d:
                w.Write((byte)Tag.Double);
                w.Write(d);
                break;
            case int i:
                w.Write((byte)Tag.Int);
                w.Write(i);
                break;
            case long l:
                w.Write((byte)Tag.Long);
                w.Write(l);
                break;
            case bool b:
                w.Write((byte)Tag.Bool);
                w.Write(b);
                break;
            case string s:
                w.Write((byte)Tag.String);
                w.Write(s.Length > MaxStringLength ? s[..MaxStringLength] : s);
                break;
            case double[] a:
                w.Write((byte)Tag.DoubleArray);
                WriteDoubles(w, a);
                break;
            case int[] a:
                w.Write((byte)Tag.IntArray);
                w.Write(a.Length);
                foreach (int x in a)
                {
                    w.Write(x);
                }

                break;
            case Vector<double> v:
                w.Write((byte)Tag.Vector);
                WriteDoubles(w, v.ToArray());
                break;
            case Matrix<double> m:
                w.Write((byte)Tag.Matrix);
                w.Write(m.RowCount);
                w.Write(m.ColumnCount);
                foreach (double x in m.ToColumnMajorArray())
                {
                    w.Write(x);
                }

                break;
            case ITuple t when value.GetType().IsValueType:
                w.Write((byte)Tag.Tuple);
                w.Write(t.Length);
                for (int k = 0; k < t.Length; k++)
                {
                    Write(w, t[k], depth + 1);
                }

                break;
            default:
                throw new NotSupportedException($"values of type {value.GetType().Name} cannot be returned to the grader");
        }
    }

    private static void WriteDoubles(BinaryWriter w, double[] a)
    {
        w.Write(a.Length);
        foreach (double x in a)
        {
            w.Write(x);
        }
    }

    private static object? Read(BinaryReader r, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException("a value nested more than 16 tuples deep");
        }

        var tag = (Tag)r.ReadByte();
        switch (tag)
        {
            case Tag.Null:
                return null;
            case Tag.Double:
                return r.ReadDouble();
            case Tag.Int:
                return r.ReadInt32();
            case Tag.Long:
                return r.ReadInt64();
            case Tag.Bool:
                return r.ReadBoolean();
            case Tag.String:
                string s = r.ReadString();
                return s.Length > MaxStringLength ? throw new InvalidDataException("a string longer than 64 K characters") : s;
            case Tag.DoubleArray:
                return ReadDoubles(r);
            case Tag.IntArray:
                int n = Length(r.ReadInt32());
                var ints = new int[n];
                for (int k = 0; k < n; k++)
                {
                    ints[k] = r.ReadInt32();
                }

                return ints;
            case Tag.Vector:
                return Vector<double>.Build.DenseOfArray(ReadDoubles(r));
            case Tag.Matrix:
                int rows = r.ReadInt32(), cols = r.ReadInt32();
                if (rows < 0 || cols < 0 || (long)rows * cols > MaxElements)
                {
                    throw new InvalidDataException($"a matrix of {rows}x{cols} entries is out of bounds");
                }

                var data = new double[rows * cols];
                for (int k = 0; k < data.Length; k++)
                {
                    data[k] = r.ReadDouble();
                }

                return Matrix<double>.Build.Dense(rows, cols, data);
            case Tag.Tuple:
                int count = r.ReadInt32();
                if (count is < 1 or > 7)
                {
                    throw new InvalidDataException($"a tuple of {count} items is out of bounds (1 to 7; longer tuples nest)");
                }

                var items = new object?[count];
                for (int k = 0; k < count; k++)
                {
                    items[k] = Read(r, depth + 1);
                }

                return MakeTuple(items);
            default:
                throw new InvalidDataException($"unknown value tag {(byte)tag}");
        }
    }

    private static double[] ReadDoubles(BinaryReader r)
    {
        int n = Length(r.ReadInt32());
        var a = new double[n];
        for (int k = 0; k < n; k++)
        {
            a[k] = r.ReadDouble();
        }

        return a;
    }

    private static int Length(int n) => n is < 0 or > MaxElements ? throw new InvalidDataException($"a length of {n} is out of bounds") : n;

    private static object MakeTuple(object?[] items)
    {
        Type open = items.Length switch
        {
            1 => typeof(ValueTuple<>),
            2 => typeof(ValueTuple<,>),
            3 => typeof(ValueTuple<,,>),
            4 => typeof(ValueTuple<,,,>),
            5 => typeof(ValueTuple<,,,,>),
            6 => typeof(ValueTuple<,,,,,>),
            _ => typeof(ValueTuple<,,,,,,>),
        };
        Type[] types = [.. items.Select(i => i switch
        {
            null => typeof(object),
            Vector<double> => typeof(Vector<double>),
            Matrix<double> => typeof(Matrix<double>),
            _ => i.GetType(),
        })];
        return Activator.CreateInstance(open.MakeGenericType(types), items)!;
    }
}
