using System.Globalization;
using System.Net;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using NormDecay.Charts.Text;

namespace NormDecay.Notebook;

/// <summary>
/// A <c>cmp</c>-style table (after Karpathy's makemore part 4): for each named quantity, whether a from-scratch result
/// equals the library's exactly, approximately (max |difference| &lt;= <see cref="Tolerance"/>), and the max |difference|.
/// Displays as an HTML table in a notebook and as text elsewhere, headers and verdicts in the notebook's language from the
/// string table (<c>report.*</c> keys).
/// </summary>
/// <param name="tolerance">The absolute tolerance of the "approx" column; default 1e-10 (far above double rounding of
/// the course's small computations, far below any real mistake). Must be finite and non-negative.</param>
public sealed class ComparisonTable(double tolerance = 1e-10)
{
    private readonly List<ComparisonRow> rows = [];

    /// <summary>The absolute tolerance of the "approx" column.</summary>
    public double Tolerance { get; } = double.IsFinite(tolerance) && tolerance >= 0
        ? tolerance
        : throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be finite and >= 0.");

    /// <summary>The rows in the order they were added.</summary>
    public IReadOnlyList<ComparisonRow> Rows => rows;

    /// <summary>True when every row is within <see cref="Tolerance"/>.</summary>
    public bool AllClose => rows.All(r => r.Approximate);

    /// <summary>Compares two vectors element by element.</summary>
    /// <param name="name">What is compared, e.g. "xHat".</param>
    /// <param name="actual">The from-scratch result.</param>
    /// <param name="expected">The reference (the library, or PyTorch's numbers).</param>
    /// <exception cref="ArgumentException">The lengths differ (both are named in the message).</exception>
    public ComparisonTable Add(string name, IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (actual.Count != expected.Count)
        {
            throw new ArgumentException($"'{name}': actual has {actual.Count} values but expected has {expected.Count}.", nameof(actual));
        }

        rows.Add(Compare(name, actual.Count.ToString(CultureInfo.InvariantCulture), actual.Count, i => actual[i], i => expected[i]));
        return this;
    }

    /// <summary>Compares two matrices element by element.</summary>
    /// <param name="name">What is compared.</param>
    /// <param name="actual">The from-scratch result.</param>
    /// <param name="expected">The reference.</param>
    /// <exception cref="ArgumentException">The shapes differ (both are named in the message).</exception>
    public ComparisonTable Add(string name, Matrix<double> actual, Matrix<double> expected)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (actual.RowCount != expected.RowCount || actual.ColumnCount != expected.ColumnCount)
        {
            throw new ArgumentException(
                $"'{name}': actual is {actual.RowCount}x{actual.ColumnCount} but expected is {expected.RowCount}x{expected.ColumnCount}.", nameof(actual));
        }

        int cols = actual.ColumnCount;
        string shape = string.Create(CultureInfo.InvariantCulture, $"{actual.RowCount}x{cols}");
        rows.Add(Compare(name, shape, actual.RowCount * cols, i => actual[i / cols, i % cols], i => expected[i / cols, i % cols]));
        return this;
    }

    /// <summary>Compares two numbers.</summary>
    /// <param name="name">What is compared.</param>
    /// <param name="actual">The from-scratch result.</param>
    /// <param name="expected">The reference.</param>
    public ComparisonTable Add(string name, double actual, double expected) => Add(name, [actual], [expected]);

    private ComparisonRow Compare(string name, string shape, int count, Func<int, double> actual, Func<int, double> expected)
    {
        bool exact = true;
        double maxDiff = 0;
        int worst = -1;
        for (int i = 0; i < count; i++)
        {
            double a = actual(i), e = expected(i);
            if (a.Equals(e))
            {
                continue; // equal, including NaN == NaN at the same position
            }

            exact = false;
            double d = Math.Abs(a - e);
            if (double.IsNaN(d) || d > maxDiff || worst < 0)
            {
                maxDiff = double.IsNaN(d) ? double.PositiveInfinity : Math.Max(maxDiff, d);
                worst = i;
            }
        }

        return new ComparisonRow(name, shape, exact, maxDiff <= Tolerance, maxDiff, worst);
    }

    /// <summary>Plain-text table in English: name, shape, exact, approx, max |diff|.</summary>
    public override string ToString() => ToString(CourseLanguage.English);

    /// <summary>
    /// Plain-text table with the column names and verdicts of <paramref name="language"/> ("en" or "fa"; anything else is
    /// English), from the string table (<c>report.*</c> keys of <c>NormDecay.Charts.Text.ChartText</c>).
    /// </summary>
    /// <param name="language">"en" or "fa".</param>
    public string ToString(string language)
    {
        string lang = Language(language);
        string[] h = Headers(lang);
        string yes = ChartText.Get("report.yes", lang), no = ChartText.Get("report.no", lang);
        int width = Math.Max(h[0].Length, rows.Count == 0 ? 0 : rows.Max(r => r.Name.Length));
        int shapeWidth = Math.Max(h[1].Length, 8), exactWidth = Math.Max(h[2].Length, 5), approxWidth = Math.Max(h[3].Length, 6);
        var sb = new StringBuilder();
        sb.Append(h[0].PadRight(width)).Append(" | ").Append(h[1].PadRight(shapeWidth)).Append(" | ").Append(h[2].PadRight(exactWidth))
          .Append(" | ").Append(h[3].PadRight(approxWidth)).Append(" | ").Append(h[4]).Append('\n');
        foreach (ComparisonRow r in rows)
        {
            sb.Append(r.Name.PadRight(width)).Append(" | ").Append(r.Shape.PadRight(shapeWidth)).Append(" | ")
              .Append((r.Exact ? yes : no).PadRight(exactWidth)).Append(" | ").Append((r.Approximate ? yes : no).PadRight(approxWidth))
              .Append(" | ").Append(Format(r.MaxDifference)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Language(string language) => CourseLanguage.OrDefault(language);

    private static string[] Headers(string language) =>
        [.. new[] { "report.name", "report.shape", "report.exact", "report.approx", "report.maxDiff" }.Select(k => ChartText.Get(k, language))];

    /// <summary>
    /// The table as HTML, headers in <paramref name="language"/> ("en" or "fa"; a Persian table is right-to-left, numbers stay left-to-right).
    /// The "approx" verdict is a bold localized word on a green or red cell (<c>data-pass="true|false"</c>), never an emoji.
    /// </summary>
    /// <param name="language">"en" or "fa"; anything else is English.</param>
    public string ToHtml(string language)
    {
        string lang = Language(language);
        string[] h = Headers(lang);
        string yes = ChartText.Get("report.yes", lang), no = ChartText.Get("report.no", lang);
        var sb = new StringBuilder();
        sb.Append("<table class=\"normdecay-cmp\"").Append(CourseLanguage.HtmlDirectionAttributes(lang)).Append('>');
        sb.Append("<thead><tr>");
        foreach (string cell in h)
        {
            sb.Append("<th>").Append(WebUtility.HtmlEncode(cell)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (ComparisonRow r in rows)
        {
            sb.Append("<tr><td><code>").Append(WebUtility.HtmlEncode(r.Name)).Append("</code></td>")
              .Append("<td dir=\"ltr\">").Append(r.Shape).Append("</td>")
              .Append("<td>").Append(r.Exact ? yes : no).Append("</td>")
              .Append(r.Approximate ? PassCell : FailCell).Append("<strong>").Append(r.Approximate ? yes : no).Append("</strong></td>")
              .Append("<td dir=\"ltr\">").Append(Format(r.MaxDifference)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    // The verdict is a coloured, bold word (not ✅/❌): browsers without an emoji font, such as headless Chromium,
    // draw those as empty boxes, and a word reads in either language. Inline style, because a notebook output has no stylesheet.
    private const string PassCell = "<td data-pass=\"true\" style=\"color:#1a7f37;background:#dafbe1\">";
    private const string FailCell = "<td data-pass=\"false\" style=\"color:#cf222e;background:#ffebe9\">";

    private static string Format(double d) => d.ToString("0.###e+00", CultureInfo.InvariantCulture);
}

/// <summary>One row of a <see cref="ComparisonTable"/>.</summary>
/// <param name="Name">What was compared.</param>
/// <param name="Shape">Length or rows x columns.</param>
/// <param name="Exact">Every element equal (bit for bit, NaN equal to NaN).</param>
/// <param name="Approximate">Max |difference| within the table's tolerance.</param>
/// <param name="MaxDifference">Largest |actual - expected|; +infinity when a NaN meets a number.</param>
/// <param name="WorstIndex">Flat (row-major) index of the largest difference; -1 when exact.</param>
public sealed record ComparisonRow(string Name, string Shape, bool Exact, bool Approximate, double MaxDifference, int WorstIndex);
