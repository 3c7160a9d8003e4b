namespace NormDecay.Charts.Internal;

/// <summary>Fixed axis ranges, so a slider changes the data, not the scale.</summary>
internal static class Ranges
{
    /// <summary>Sets the y range of <paramref name="panel"/> to cover every finite value (positive ones on a log axis), with 5% padding.</summary>
    public static void FixY(FigureBuilder fig, int panel, IEnumerable<double[]> ys, bool log, double? floor = null)
    {
        var lo = double.PositiveInfinity;
        var hi = double.NegativeInfinity;
        foreach (var y in ys)
        {
            foreach (var v in y)
            {
                if (!double.IsFinite(v) || (log && v <= 0))
                {
                    continue;
                }

                var t = log ? Math.Log10(v) : v;
                lo = Math.Min(lo, t);
                hi = Math.Max(hi, t);
            }
        }

        if (!double.IsFinite(lo))
        {
            return;
        }

        if (floor is double f)
        {
            lo = Math.Min(lo, f);
        }

        var pad = hi > lo ? 0.05 * (hi - lo) : Math.Max(Math.Abs(hi) * 0.05, 0.05);
        var low = floor is double f2 && !log && lo >= f2 ? f2 : lo - pad;
        fig.Axis(panel, 'y')["range"] = new[] { Math.Round(low, 6), Math.Round(hi + pad, 6) };
    }
}
