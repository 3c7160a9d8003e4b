using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.DotNet.Interactive.Formatting;
using NormDecay.Charts.Text;
using NormDecay.GradientChecking;
using NormDecay.Measurement;

namespace NormDecay.Notebook;

/// <summary>
/// The library's printed reports in the notebook's language: a <see cref="TimingReport"/> or a <see cref="GradientCheckReport"/>
/// left as the last expression of a cell (or passed to <c>display(...)</c>) shows as a table whose column names and verdicts
/// come from the string table (<c>report.*</c> keys of <see cref="ChartText"/>), right-to-left in Persian with numbers left
/// to right. The core library stays free of any string table: its <c>ToString()</c> is the English plain text, which
/// <c>Console.WriteLine(report)</c> prints; display the report instead to read it in the notebook's language.
/// </summary>
public static class ReportDisplay
{
    /// <summary>Registers the text/html and text/plain display of both reports; <paramref name="language"/> is read at display time.</summary>
    public static void Register(Func<string> language)
    {
        ArgumentNullException.ThrowIfNull(language);
        Formatter.Register<TimingReport>((r, w) => w.Write(ToHtml(r, language())), NormDecay.Charts.Output.ChartOutput.HtmlMimeType);
        Formatter.Register<TimingReport>((r, w) => w.Write(ToText(r, language())), "text/plain");
        Formatter.SetPreferredMimeTypesFor(typeof(TimingReport), NormDecay.Charts.Output.ChartOutput.HtmlMimeType, "text/plain");
        Formatter.Register<GradientCheckReport>((r, w) => w.Write(ToHtml(r, language())), NormDecay.Charts.Output.ChartOutput.HtmlMimeType);
        Formatter.Register<GradientCheckReport>((r, w) => w.Write(ToText(r, language())), "text/plain");
        Formatter.SetPreferredMimeTypesFor(typeof(GradientCheckReport), NormDecay.Charts.Output.ChartOutput.HtmlMimeType, "text/plain");
    }

    /// <summary>The timing table as HTML in <paramref name="language"/>: workload, median, interquartile range (ms per call), calls per sample.</summary>
    public static string ToHtml(TimingReport report, string language)
    {
        ArgumentNullException.ThrowIfNull(report);
        string lang = Lang(language);
        return Table(lang, Headers(lang, "report.workload", "report.median", "report.iqr", "report.callsPerSample"),
            report.Rows.Select(r => new[] { r.Name, Ms(r.MedianMilliseconds), $"{Ms(r.LowerQuartileMilliseconds)} – {Ms(r.UpperQuartileMilliseconds)}", r.CallsPerSample.ToString(CultureInfo.InvariantCulture) }));
    }

    /// <summary>The timing table as plain text in <paramref name="language"/>.</summary>
    public static string ToText(TimingReport report, string language)
    {
        ArgumentNullException.ThrowIfNull(report);
        string lang = Lang(language);
        return Text(Headers(lang, "report.workload", "report.median", "report.iqr", "report.callsPerSample"),
            report.Rows.Select(r => new[] { r.Name, Ms(r.MedianMilliseconds), $"{Ms(r.LowerQuartileMilliseconds)} - {Ms(r.UpperQuartileMilliseconds)}", r.CallsPerSample.ToString(CultureInfo.InvariantCulture) }));
    }

    /// <summary>The gradient check as HTML in <paramref name="language"/>: one row per tensor with its verdict and errors.</summary>
    public static string ToHtml(GradientCheckReport report, string language)
    {
        ArgumentNullException.ThrowIfNull(report);
        string lang = Lang(language);
        return Table(lang, GradientHeaders(lang), GradientRows(report, lang));
    }

    /// <summary>The gradient check as plain text in <paramref name="language"/>.</summary>
    public static string ToText(GradientCheckReport report, string language)
    {
        ArgumentNullException.ThrowIfNull(report);
        string lang = Lang(language);
        return Text(GradientHeaders(lang), GradientRows(report, lang));
    }

    private static string[] GradientHeaders(string lang) =>
        Headers(lang, "report.tensor", "report.passed", "report.maxRelative", "report.maxAbsolute", "report.entries");

    private static IEnumerable<string[]> GradientRows(GradientCheckReport report, string lang) =>
        report.Tensors.Select(t => new[]
        {
            t.Name, ChartText.Get(t.Passed ? "report.passed" : "report.failed", lang),
            t.MaxRelativeError.ToString("E2", CultureInfo.InvariantCulture), t.MaxAbsoluteError.ToString("E2", CultureInfo.InvariantCulture),
            t.Count.ToString(CultureInfo.InvariantCulture),
        });

    private static string Lang(string language) => CourseLanguage.OrDefault(language);

    private static string[] Headers(string lang, params string[] keys) => [.. keys.Select(k => ChartText.Get(k, lang))];

    private static string Ms(double ms) => ms.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Table(string lang, string[] headers, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder("<table class=\"normdecay-report\"").Append(CourseLanguage.HtmlDirectionAttributes(lang)).Append("><thead><tr>");
        foreach (string h in headers)
        {
            sb.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (string[] row in rows)
        {
            sb.Append("<tr><td><code>").Append(WebUtility.HtmlEncode(row[0])).Append("</code></td>");
            foreach (string cell in row.Skip(1))
            {
                // Numbers are laid out left to right inside a right-to-left table; words (a verdict) take the table's direction.
                bool number = cell.Any(char.IsAsciiDigit);
                sb.Append(number ? "<td dir=\"ltr\">" : "<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            sb.Append("</tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }

    private static string Text(string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        int[] widths = [.. headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length)))];
        var sb = new StringBuilder();
        sb.AppendJoin(" | ", headers.Select((h, i) => h.PadRight(widths[i]))).Append('\n');
        foreach (string[] row in all)
        {
            sb.AppendJoin(" | ", row.Select((c, i) => c.PadRight(widths[i]))).Append('\n');
        }

        return sb.ToString();
    }
}
