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
/// <param name="Name">Legend name, already in the reader's language (e.g. <c>ChartText.Get("legend.withBn")</c> or a schedule's name).</param>
/// <param name="X">Horizontal values (epoch, step, seconds, ...).</param>
/// <param name="Y">Vertical values.</param>
/// <param name="Style">How it is drawn; <see cref="SeriesStyle.Line"/> by default.</param>
/// <param name="ColorIndex">Palette index; null takes the series' position, so the same condition keeps its colour across figures when set.</param>
public sealed record Series(string Name, double[] X, double[] Y, SeriesStyle Style = SeriesStyle.Line, int? ColorIndex = null)
{
    /// <summary>A series whose x is 0, 1, 2, ... (epoch or step numbers).</summary>
    public static Series Indexed(string name, double[] y, SeriesStyle style = SeriesStyle.Line, int? colorIndex = null, int start = 0)
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
