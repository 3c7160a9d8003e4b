using NormDecay.Charts.Text;

namespace NormDecay.Charts.Figures;

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>A solid line.</summary>
    Line,

    /// <summary>A dashed line (a reference or the second condition of a pair).</summary>
    Dashed,

    /// <summary>A dotted line.</summary>
    Dotted,

    /// <summary>A line with a marker at every point.</summary>
    LineAndMarkers,

    /// <summary>Markers only.</summary>
    Markers,

    /// <summary>A step line (the value holds until the next x), for staircase schedules.</summary>
    Steps,
}

/// <summary>
/// One named curve of a line chart: <paramref name="X"/> and <paramref name="Y"/> of the same length. Non-finite
/// values (a diverged loss) are drawn as gaps.
/// </summary>
/// <param name="Name">Legend name: a key of the chart string table (<c>"legend.withBn"</c>), a formatted key, or literal
/// text (<c>ChartLabel.Text(schedule.Name)</c>); resolved when the figure is built (see <see cref="ChartLabel"/>).</param>
/// <param name="X">Horizontal values (epoch, step, seconds, ...).</param>
/// <param name="Y">Vertical values.</param>
/// <param name="Style">How it is drawn; <see cref="SeriesStyle.Line"/> by default.</param>
/// <param name="ColorIndex">Palette index; null takes the series' position, so the same condition keeps its colour across figures when set.</param>
public sealed record Series(ChartLabel Name, double[] X, double[] Y, SeriesStyle Style = SeriesStyle.Line, int? ColorIndex = null)
{
    /// <summary>A series whose x is <paramref name="start"/>, <paramref name="start"/> + 1, ... (epoch or step numbers).</summary>
    /// <param name="name">Legend name (a key, a formatted key or literal text, see <see cref="ChartLabel"/>).</param>
    /// <param name="y">Vertical values.</param>
    /// <param name="style">How it is drawn.</param>
    /// <param name="colorIndex">Palette index; null takes the series' position.</param>
    /// <param name="start">The first x value (1 for "epochs completed").</param>
    public static Series Indexed(ChartLabel name, double[] y, SeriesStyle style = SeriesStyle.Line, int? colorIndex = null, int start = 0)
    {
        ArgumentNullException.ThrowIfNull(y);
        var x = new double[y.Length];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = start + i;
        }

        return new Series(name, x, y, style, colorIndex);
    }
}
