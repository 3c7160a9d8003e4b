using NormDecay.Charts.Internal;
using NormDecay.Charts.Style;
using NormDecay.Charts.Text;
using Plotly.NET;

namespace NormDecay.Charts.Figures;

/// <summary>One panel of <see cref="ScatterCharts.ByClass"/>: two coordinates per example and the panel's labels.</summary>
/// <param name="Title">Panel title, e.g. <c>"panel.centered"</c>.</param>
/// <param name="X">First coordinate of each example.</param>
/// <param name="Y">Second coordinate of each example (same length as <paramref name="X"/>).</param>
/// <param name="XAxis">Horizontal axis label (a feature name: <c>ChartLabel.Text("alcohol")</c>).</param>
/// <param name="YAxis">Vertical axis label.</param>
public sealed record ScatterPanel(ChartLabel Title, double[] X, double[] Y, ChartLabel XAxis, ChartLabel YAxis);

/// <summary>Scatter plots of 2-D data coloured by class, in one to three panels (before / after centering / after scaling).</summary>
public static class ScatterCharts
{
    /// <summary>
    /// One trace per class per panel (<c>classes x panels</c> traces), each class one colour and one legend entry
    /// across panels. Zero lines are drawn, so centering is visible as the cloud moving onto the origin.
    /// </summary>
    /// <param name="panels">One to three panels of the same examples.</param>
    /// <param name="labels">Class index of each example, in 0 .. classNames.Count - 1.</param>
    /// <param name="classNames">Legend name of each class (a key, or literal text such as a data set's class names; see <see cref="ChartLabel"/>).</param>
    /// <param name="title">Figure title.</param>
    /// <param name="equalAspect">
    /// Same scale on both axes of each panel, so an elongated cloud looks elongated (default true: that is what
    /// input normalization fixes).
    /// </param>
    /// <exception cref="ArgumentException">When a panel's lengths differ from <paramref name="labels"/>, or a label is out of range (the message names the example).</exception>
    public static GenericChart ByClass(
        IReadOnlyList<ScatterPanel> panels, int[] labels, IReadOnlyList<ChartLabel> classNames, ChartLabel title, bool equalAspect = true)
    {
        Guard.NotEmpty(panels, "The list of scatter panels", nameof(panels));
        ArgumentNullException.ThrowIfNull(labels);
        Guard.NotEmpty(classNames, "The list of class names", nameof(classNames));
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classNames.Count)
            {
                throw new ArgumentException($"labels[{i}] = {labels[i]} is not a class index (0..{classNames.Count - 1}).", nameof(labels));
            }
        }

        var fig = new FigureBuilder(title);
        var names = ChartLabel.ResolveAll(classNames, "The name of class");
        fig.Panels(panels.Count, panels.Select(p => p.Title).ToArray());
        for (var p = 0; p < panels.Count; p++)
        {
            var panel = panels[p];
            Guard.SameLength(panel.X.Length, panel.Y.Length, $"Scatter panel {p} ('{panel.Title}')", nameof(panels));
            Guard.SameLength(panel.X.Length, labels.Length, $"Scatter panel {p} ('{panel.Title}') against labels", nameof(labels));
            fig.AxisTitle(p, 'x', panel.XAxis);
            fig.AxisTitle(p, 'y', panel.YAxis);
            if (equalAspect)
            {
                fig.Axis(p, 'y')["scaleanchor"] = FigureBuilder.AxisId(p, 'x');
                fig.Axis(p, 'y')["scaleratio"] = 1;
            }

            fig.Axis(p, 'x')["zerolinecolor"] = "#666666";
            fig.Axis(p, 'y')["zerolinecolor"] = "#666666";
            for (var c = 0; c < classNames.Count; c++)
            {
                var xs = new List<double>();
                var ys = new List<double>();
                for (var i = 0; i < labels.Length; i++)
                {
                    if (labels[i] == c)
                    {
                        xs.Add(panel.X[i]);
                        ys.Add(panel.Y[i]);
                    }
                }

                fig.Add(
                    new JsonObj
                    {
                        ["type"] = "scatter",
                        ["mode"] = "markers",
                        ["name"] = names[c],
                        ["legendgroup"] = names[c],
                        ["showlegend"] = p == 0,
                        ["x"] = FigureBuilder.Values(xs.ToArray()),
                        ["y"] = FigureBuilder.Values(ys.ToArray()),
                        ["marker"] = new JsonObj
                        {
                            ["color"] = ChartStyle.Color(c),
                            ["size"] = 7,
                            ["opacity"] = 0.8,
                            ["symbol"] = Symbols[c % Symbols.Length],
                            ["line"] = new JsonObj { ["width"] = 0.5, ["color"] = "#FFFFFF" },
                        },
                    },
                    p);
            }
        }

        return fig.Build();
    }

    // Shape as well as colour tells classes apart (colour-blind readers, grey-scale print).
    private static readonly string[] Symbols = ["circle", "square", "diamond", "triangle-up", "cross", "x"];
}
