using NormDecay.Charts.Internal;
using NormDecay.Charts.Style;
using NormDecay.Charts.Text;
using Plotly.NET;

namespace NormDecay.Charts.Figures;

/// <summary>A set of values (activations of one layer, say) drawn as one histogram.</summary>
/// <param name="Name">Legend name, e.g. <c>ChartLabel.Format("format.layerN", 1)</c> or <c>"legend.mean"</c>; resolved
/// when the figure is built (see <see cref="ChartLabel"/>). Series whose names read the same share a colour and a legend entry.</param>
/// <param name="Values">The values; non-finite ones are left out and counted in the error if all are.</param>
/// <param name="Panel">Which panel it goes in (0-based), e.g. 0 without BN, 1 with BN.</param>
public sealed record DistributionSeries(ChartLabel Name, double[] Values, int Panel = 0);

/// <summary>One slider position of <see cref="DistributionCharts.Slider"/>: its label (an epoch) and its histograms.</summary>
/// <param name="Label">Slider position label, e.g. <c>ChartLabel.Number(5)</c> for epoch 5 (see <see cref="ChartLabel"/>).</param>
/// <param name="Series">Histograms shown at this position; the same names in the same order at every position.</param>
public sealed record DistributionFrame(ChartLabel Label, IReadOnlyList<DistributionSeries> Series);

/// <summary>Histograms of activations with a slider over epochs (precomputed bins, visibility toggled per step).</summary>
public static class DistributionCharts
{
    /// <summary>
    /// Histograms as density (area 1) with a slider over <paramref name="frames"/>. The bins of a panel are fixed over
    /// all frames (<paramref name="bins"/> equal bins from the smallest to the largest finite value seen in that
    /// panel), and so is its vertical range, so moving the slider shows the distribution change, not the axes.
    /// Traces: frame-major, <c>frames x series</c> bar traces.
    /// </summary>
    /// <param name="frames">One entry per slider position (at least one).</param>
    /// <param name="title">Figure title, e.g. <c>"title.activationDistribution"</c>.</param>
    /// <param name="valueAxis">Horizontal axis label, e.g. <c>"axis.preActivation"</c>.</param>
    /// <param name="sliderPrefix">Text before the current value, e.g. <c>"slider.epoch"</c>.</param>
    /// <param name="panelTitles">One title per panel (e.g. <c>"panel.withoutBn"</c>, <c>"panel.withBn"</c>); the panel count is the highest <see cref="DistributionSeries.Panel"/> + 1.</param>
    /// <param name="bins">Number of bins per panel, 2 to 400 (default 40).</param>
    /// <param name="active">Slider position shown first (default 0).</param>
    /// <exception cref="ArgumentException">When no frame is given, frames disagree on their series, or a series has no finite value (the message names frame and series).</exception>
    public static GenericChart Slider(
        IReadOnlyList<DistributionFrame> frames,
        ChartLabel title,
        ChartLabel valueAxis,
        ChartLabel sliderPrefix,
        IReadOnlyList<ChartLabel>? panelTitles = null,
        int bins = 40,
        int active = 0)
    {
        Guard.NotEmpty(frames, "The list of distribution frames", nameof(frames));
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, 400);
        // Names resolved once; frames are compared, coloured and grouped by the resolved text.
        var names = frames.Select((fr, f) => fr.Series.Select((s, i) => s.Name.Resolve($"The name of series {i} of frame {f}")).ToArray()).ToArray();
        var shape = names[0].Zip(frames[0].Series, (n, s) => (Name: n, s.Panel)).ToArray();
        for (var f = 0; f < frames.Count; f++)
        {
            if (!names[f].Zip(frames[f].Series, (n, s) => (n, s.Panel)).SequenceEqual(shape))
            {
                throw new ArgumentException(
                    $"Frame {f} ('{frames[f].Label}') has series [{string.Join(", ", names[f])}]; " +
                    $"frame 0 has [{string.Join(", ", shape.Select(s => s.Name))}]. Every frame needs the same series in the same order.",
                    nameof(frames));
            }

            for (var i = 0; i < frames[f].Series.Count; i++)
            {
                if (!frames[f].Series[i].Values.Any(double.IsFinite))
                {
                    throw new ArgumentException($"Frame {f} ('{frames[f].Label}'), series '{names[f][i]}' has no finite value.", nameof(frames));
                }
            }
        }

        var panelCount = shape.Max(s => s.Panel) + 1;
        var fig = new FigureBuilder(title);
        fig.Panels(panelCount, panelTitles);
        fig.Layout["barmode"] = "overlay";
        fig.Layout["bargap"] = 0;
        var edges = new (double Lo, double Width)[panelCount];
        for (var p = 0; p < panelCount; p++)
        {
            var values = frames.SelectMany(fr => fr.Series).Where(s => s.Panel == p).SelectMany(s => s.Values).Where(double.IsFinite).ToArray();
            var lo = values.Length > 0 ? values.Min() : 0;
            var hi = values.Length > 0 ? values.Max() : 1;
            if (hi <= lo)
            {
                lo -= 0.5;
                hi += 0.5;
            }

            edges[p] = (lo, (hi - lo) / bins);
            fig.AxisTitle(p, 'x', valueAxis);
            fig.AxisTitle(p, 'y', p == 0 ? "axis.density" : ChartLabel.None);
        }

        // One colour per series name: "Layer 1" has the same colour in the without-BN and with-BN panels.
        var colorOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, _) in shape)
        {
            colorOf.TryAdd(name, colorOf.Count);
        }

        var maxDensity = new double[panelCount];
        var owner = new List<int>();
        for (var f = 0; f < frames.Count; f++)
        {
            for (var i = 0; i < frames[f].Series.Count; i++)
            {
                var s = frames[f].Series[i];
                var name = names[f][i];
                var (centers, density) = Histogram(s.Values, edges[s.Panel].Lo, edges[s.Panel].Width, bins);
                maxDensity[s.Panel] = Math.Max(maxDensity[s.Panel], density.Max());
                fig.Add(
                    new JsonObj
                    {
                        ["type"] = "bar",
                        ["name"] = name,
                        ["legendgroup"] = name,
                        ["showlegend"] = !shape.Take(i).Any(x => x.Name == name),
                        ["x"] = FigureBuilder.Values(centers),
                        ["y"] = FigureBuilder.Values(density),
                        ["width"] = FigureBuilder.Round(edges[s.Panel].Width),
                        ["opacity"] = 0.6,
                        ["marker"] = new JsonObj { ["color"] = ChartStyle.Color(colorOf[name]) },
                    },
                    s.Panel);
                owner.Add(f);
            }
        }

        for (var p = 0; p < panelCount; p++)
        {
            fig.Axis(p, 'y')["range"] = new[] { 0.0, Math.Round(maxDensity[p] * 1.05, 6) };
        }

        var visible = Enumerable.Range(0, frames.Count).Select(f => owner.Select(o => o == f).ToArray()).ToArray();
        fig.Slider(sliderPrefix, frames.Select(f => f.Label).ToArray(), visible, active);
        return fig.Build();
    }

    /// <summary>Counts in <paramref name="bins"/> equal bins from <paramref name="lo"/>, as density (count / (n * width)). Values outside go to the end bins.</summary>
    internal static (double[] Centers, double[] Density) Histogram(double[] values, double lo, double width, int bins)
    {
        var counts = new double[bins];
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                continue;
            }

            var b = (int)Math.Floor((v - lo) / width);
            counts[Math.Clamp(b, 0, bins - 1)]++;
            n++;
        }

        var centers = new double[bins];
        for (var b = 0; b < bins; b++)
        {
            centers[b] = lo + (b + 0.5) * width;
            counts[b] /= n * width;
        }

        return (centers, counts);
    }
}
