using System.Globalization;
using System.Net;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace NormDecay.Notebook;

/// <summary>
/// Shows MathNet matrices and vectors as a compact grid of numbers (the kernel's default display lists their internal
/// storage properties instead). Large ones are elided in the middle, as NumPy and PyTorch print them.
/// </summary>
public static class MatrixDisplay
{
    /// <summary>Rows and columns shown before eliding: 8 each.</summary>
    public const int MaxShown = 8;

    /// <summary>Registers the text/html and text/plain display of <see cref="Matrix{T}"/> and <see cref="Vector{T}"/> of double.</summary>
    public static void Register()
    {
        Formatter.Register<Matrix<double>>((m, w) => w.Write(Html(Text(m))), NormDecay.Charts.Output.ChartOutput.HtmlMimeType);
        Formatter.Register<Matrix<double>>((m, w) => w.Write(Text(m)), "text/plain");
        Formatter.Register<Vector<double>>((v, w) => w.Write(Html(Text(v))), NormDecay.Charts.Output.ChartOutput.HtmlMimeType);
        Formatter.Register<Vector<double>>((v, w) => w.Write(Text(v)), "text/plain");
    }

    /// <summary>The matrix as text: a shape line, then rows of numbers with 4 significant digits, elided past <see cref="MaxShown"/>.</summary>
    public static string Text(Matrix<double> m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return $"Matrix {m.RowCount}x{m.ColumnCount}\n" + m.ToMatrixString(MaxShown, MaxShown, "G4", CultureInfo.InvariantCulture);
    }

    /// <summary>The vector as text: a length line, then its entries with 4 significant digits, elided past <see cref="MaxShown"/>.</summary>
    public static string Text(Vector<double> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return $"Vector {v.Count}\n" + v.ToVectorString(MaxShown, 80, "G4", CultureInfo.InvariantCulture);
    }

    private static string Html(string text) =>
        "<pre style=\"direction:ltr;text-align:left\">" + WebUtility.HtmlEncode(text) + "</pre>";
}
