using NormDecay.Charts.Internal;
using NormDecay.Charts.Text;
using Plotly.NET;

namespace NormDecay.Charts.Figures;

/// <summary>One position of a family slider: its label (the parameter value) and the curves drawn there.</summary>
/// <param name="Label">Slider position label, a <see cref="ChartLabel"/> like every text of a figure: usually a number,
/// <c>ChartLabel.Number(0.5)</c> (Latin digits in both languages), or a key such as <c>"slider.cumulative"</c>.</param>
/// <param name="Curves">The curves for this parameter value.</param>
public sealed record FamilyMember(ChartLabel Label, IReadOnlyList<Series> Curves);

/// <summary>
/// A family of curves with a slider over a parameter (a schedule per value of gamma, the running mean per momentum).
/// Every member's traces are precomputed and the slider toggles their visibility, so the figure stays interactive in
/// exported HTML without a kernel.
/// </summary>
public static class FamilyCharts
{
    /// <summary>
    /// Builds the slider figure. Traces: the <paramref name="fixedSeries"/> (always visible) first, then each member's
    /// curves in order. The vertical range is fixed over all members, so moving the slider shows change, not rescaling.
    /// </summary>
    /// <param name="members">One entry per slider position (at least one).</param>
    /// <param name="title">Figure title key.</param>
    /// <param name="xAxis">Horizontal axis label.</param>
    /// <param name="yAxis">Vertical axis label.</param>
    /// <param name="sliderPrefix">Text before the current value, e.g. <c>"slider.gamma"</c>.</param>
    /// <param name="fixedSeries">Reference curves shown at every position (e.g. the true population mean); may be null.</param>
    /// <param name="logY">Logarithmic vertical axis.</param>
    /// <param name="active">Slider position shown first (0-based).</param>
    /// <exception cref="ArgumentException">When no member is given or a curve is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="active"/> is not a member index.</exception>
    public static GenericChart Slider(
        IReadOnlyList<FamilyMember> members,
        ChartLabel title,
        ChartLabel xAxis,
        ChartLabel yAxis,
        ChartLabel sliderPrefix,
        IReadOnlyList<Series>? fixedSeries = null,
        bool logY = false,
        int active = 0)
    {
        Guard.NotEmpty(members, "The list of family members", nameof(members));
        var fig = new FigureBuilder(title);
        fig.AxisTitle(0, 'x', xAxis);
        fig.AxisTitle(0, 'y', yAxis, logY);
        fixedSeries ??= [];
        var owner = new List<int>(); // -1: always visible, else member index
        var all = new List<Series>();
        for (var i = 0; i < fixedSeries.Count; i++)
        {
            var name = Traces.Name(fixedSeries[i], $"fixed series {i}");
            fig.Add(Traces.Line(fixedSeries[i] with { Style = fixedSeries[i].Style == SeriesStyle.Line ? SeriesStyle.Dashed : fixedSeries[i].Style }, name, 6 + i));
            owner.Add(-1);
            all.Add(fixedSeries[i]);
        }

        for (var m = 0; m < members.Count; m++)
        {
            for (var c = 0; c < members[m].Curves.Count; c++)
            {
                fig.Add(Traces.Line(members[m].Curves[c], Traces.Name(members[m].Curves[c], $"curve {c} of member {m} ('{members[m].Label}')"), c));
                owner.Add(m);
                all.Add(members[m].Curves[c]);
            }
        }

        Ranges.FixY(fig, 0, all.Select(s => s.Y), logY);
        var visible = new bool[members.Count][];
        for (var m = 0; m < members.Count; m++)
        {
            visible[m] = owner.Select(o => o == -1 || o == m).ToArray();
        }

        fig.Slider(sliderPrefix, members.Select(m => m.Label).ToArray(), visible, active);
        return fig.Build();
    }
}
