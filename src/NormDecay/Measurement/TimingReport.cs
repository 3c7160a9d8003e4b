using System.Globalization;
using System.Text;

namespace NormDecay.Measurement;

/// <summary>The per-call time of one workload measured by <see cref="Timing"/>, in milliseconds.</summary>
/// <param name="Name">The workload's name.</param>
/// <param name="MedianMilliseconds">Median over the rounds of the per-call time.</param>
/// <param name="LowerQuartileMilliseconds">25th percentile of the per-call time.</param>
/// <param name="UpperQuartileMilliseconds">75th percentile of the per-call time.</param>
/// <param name="Rounds">How many samples the statistics come from.</param>
/// <param name="CallsPerSample">How many calls each sample averaged.</param>
public sealed record TimingRow(string Name, double MedianMilliseconds, double LowerQuartileMilliseconds, double UpperQuartileMilliseconds, int Rounds, int CallsPerSample);

/// <summary>The result of <see cref="Timing.Compare(IReadOnlyList{ValueTuple{string, System.Action}}, TimingOptions?)"/>: a row per workload.</summary>
/// <param name="Rows">One row per workload, in the order they were given.</param>
public sealed record TimingReport(IReadOnlyList<TimingRow> Rows)
{
    /// <summary>The row of the workload named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No workload has that name; the message lists the names.</exception>
    public TimingRow this[string name] =>
        Rows.FirstOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"No timed workload is named '{name}'; the names are: {string.Join(", ", Rows.Select(r => r.Name))}.");

    /// <summary>Median time of <paramref name="name"/> divided by the median time of <paramref name="baseline"/>.</summary>
    public double Ratio(string name, string baseline) => this[name].MedianMilliseconds / this[baseline].MedianMilliseconds;

    /// <summary>A plain table: name, median, quartiles (ms per call), calls per sample.</summary>
    public override string ToString()
    {
        int width = Math.Max(8, Rows.Max(r => r.Name.Length));
        var sb = new StringBuilder();
        sb.Append("workload".PadRight(width)).Append(" | median ms | IQR ms            | calls/sample\n");
        foreach (TimingRow r in Rows)
        {
            sb.Append(r.Name.PadRight(width)).Append(" | ")
              .Append(r.MedianMilliseconds.ToString("0.0000", CultureInfo.InvariantCulture).PadLeft(9)).Append(" | ")
              .Append(string.Create(CultureInfo.InvariantCulture, $"{r.LowerQuartileMilliseconds:0.0000} - {r.UpperQuartileMilliseconds:0.0000}").PadRight(17))
              .Append(" | ").Append(r.CallsPerSample.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return sb.ToString();
    }
}
