using System.Globalization;
using NormDecay.Charts.Style;
using NormDecay.Charts.Text;
using Plotly.NET;

namespace NormDecay.Charts.Internal;

/// <summary>
/// Assembles one figure: traces, 1-3 side-by-side panels with their axes, an optional slider, and the shared
/// layout (fonts, title placement, legend) for the current language. Produces a Plotly.NET <see cref="GenericChart"/>.
/// </summary>
internal sealed class FigureBuilder
{
    // Gaps between panels, as fractions of the plotting width. 0.07 fits an inner panel's tick labels; an inner y title
    // (tick labels, then a rotated title) needs about 100 px, 0.12 of a typical 800-900 px wide notebook or page column.
    private const double PanelGap = 0.07;
    private const double TitledPanelGap = 0.12;
    private const int LogTitleStandoff = 48;
    private readonly List<JsonObj> traces = [];
    private readonly JsonObj layout = new();
    private readonly bool rtl = ChartText.IsRightToLeft;
    private int panelCount = 1;
    private IReadOnlyList<string>? panelTitles;

    public FigureBuilder(ChartLabel title)
    {
        var font = ChartStyle.FontFamily;
        layout["font"] = new JsonObj { ["family"] = font, ["size"] = ChartStyle.FontSize, ["color"] = "#222222" };
        layout["title"] = new JsonObj
        {
            ["text"] = title.Resolve("The figure title"),
            ["x"] = rtl ? 0.98 : 0.02,
            ["xanchor"] = rtl ? "right" : "left",
            ["yanchor"] = "top",
            ["font"] = new JsonObj { ["family"] = font, ["size"] = ChartStyle.TitleFontSize },
        };
        layout["legend"] = new JsonObj
        {
            // Horizontal, above the plot, starting where the reader starts: left in English, right in Persian.
            // Below the title in container coordinates, so a legend that wraps to several rows pushes the plot down
            // (plotly's automargin) instead of growing into the title. Build() sets y from the figure height.
            ["orientation"] = "h",
            ["x"] = rtl ? 1.0 : 0.0,
            ["xanchor"] = rtl ? "right" : "left",
            ["yref"] = "container",
            ["yanchor"] = "top",
            ["font"] = new JsonObj { ["family"] = font, ["size"] = ChartStyle.FontSize - 1 },
        };
        layout["hoverlabel"] = new JsonObj { ["font"] = new JsonObj { ["family"] = font } };
        layout["height"] = ChartStyle.Height;
        layout["margin"] = new JsonObj { ["t"] = 70, ["l"] = 70, ["r"] = 30, ["b"] = 60 };
        layout["plot_bgcolor"] = "#FFFFFF";
        layout["paper_bgcolor"] = "#FFFFFF";
        layout["colorway"] = ChartStyle.Palette.ToArray();
        layout["hovermode"] = "closest";
        Axis(0, 'x');
        Axis(0, 'y');
    }

    public int TraceCount => traces.Count;

    public JsonObj Layout => layout;

    /// <summary>Splits the figure into <paramref name="count"/> side-by-side panels (first panel on the reader's start side).</summary>
    public void Panels(int count, IReadOnlyList<ChartLabel>? titles = null)
    {
        if (count is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A figure has 1 to 4 panels.");
        }

        panelCount = count;
        panelTitles = titles?.Select((t, i) => t.Resolve($"The title of panel {i}")).ToArray();
        PlacePanels(PanelGap);
        if (panelTitles is not null)
        {
            // Panel titles take the row above the plots and the legend sits above them, in paper coordinates (a
            // container legend would push the plots up against it and cover the panel titles).
            var legend = layout.Obj("legend");
            legend.Remove("yref");
            legend["y"] = 1.09;
            legend["yanchor"] = "bottom";
            layout.Obj("margin")["t"] = 120;
        }
    }

    /// <summary>Sets each panel's x domain (panel 0 on the reader's start side) and centres the panel titles over them.</summary>
    private void PlacePanels(double gap)
    {
        var width = (1.0 - gap * (panelCount - 1)) / panelCount;
        var annotations = new List<JsonObj>();
        for (var p = 0; p < panelCount; p++)
        {
            var start = Slot(p) * (width + gap);
            var x = Axis(p, 'x');
            x["domain"] = new[] { Round4(start), Round4(start + width) };
            x["anchor"] = AxisId(p, 'y');
            Axis(p, 'y')["anchor"] = AxisId(p, 'x');
            if (panelTitles is not null && p < panelTitles.Count)
            {
                annotations.Add(new JsonObj
                {
                    ["text"] = "<b>" + panelTitles[p] + "</b>",
                    ["x"] = Round4(start + width / 2),
                    ["xref"] = "paper",
                    ["xanchor"] = "center",
                    ["y"] = 1.0,
                    ["yref"] = "paper",
                    ["yanchor"] = "bottom",
                    ["showarrow"] = false,
                    ["font"] = new JsonObj { ["size"] = ChartStyle.FontSize },
                });
            }
        }

        if (annotations.Count > 0)
        {
            layout["annotations"] = annotations;
        }
    }

    /// <summary>Position of <paramref name="panel"/> counted from the left: Persian mirrors the order.</summary>
    private int Slot(int panel) => rtl ? panelCount - 1 - panel : panel;

    /// <summary>
    /// Keeps y titles out of the gaps between panels, where plotly's automargin cannot make room and a title runs into
    /// the neighbouring panel's plot and ticks. A title shared by every panel is shown once, on the leftmost panel
    /// (its outer margin grows to fit); different titles all stay and the gap widens to <see cref="TitledPanelGap"/>.
    /// </summary>
    private void ShareOrSpaceYTitles()
    {
        if (panelCount < 2)
        {
            return;
        }

        var titles = Enumerable.Range(0, panelCount).Select(YTitle).ToArray();
        var leftmost = rtl ? panelCount - 1 : 0;
        if (titles.All(t => t == titles[0]))
        {
            for (var p = 0; p < panelCount; p++)
            {
                if (p != leftmost && Axis(p, 'y').TryGetValue("title", out var t) && t is JsonObj title)
                {
                    title.Remove("text");
                    if (title.Count == 0)
                    {
                        Axis(p, 'y').Remove("title");
                    }
                }
            }
        }
        else if (titles.Where((t, p) => p != leftmost && t.Length > 0).Any())
        {
            PlacePanels(TitledPanelGap);
        }
    }

    private string YTitle(int panel) =>
        Axis(panel, 'y').TryGetValue("title", out var t) && t is JsonObj title && title.TryGetValue("text", out var text) && text is string s ? s : "";

    /// <summary>The layout object of axis <paramref name="letter"/> ('x' or 'y') of <paramref name="panel"/>.</summary>
    public JsonObj Axis(int panel, char letter)
    {
        var key = (letter == 'x' ? "xaxis" : "yaxis") + (panel == 0 ? "" : (panel + 1).ToString(CultureInfo.InvariantCulture));
        var created = !layout.ContainsKey(key);
        var axis = layout.Obj(key);
        if (created)
        {
            axis["gridcolor"] = ChartStyle.GridColor;
            axis["zerolinecolor"] = "#BBBBBB";
            axis["linecolor"] = "#888888";
            axis["showline"] = true;
            axis["ticks"] = "outside";
            axis["automargin"] = true;
        }

        return axis;
    }

    public void AxisTitle(int panel, char letter, ChartLabel label, bool log = false)
    {
        var axis = Axis(panel, letter);
        var text = label.Resolve($"The {letter} axis label of panel {panel}");
        if (text.Length > 0)
        {
            axis["title"] = new JsonObj { ["text"] = text };
        }

        if (log)
        {
            axis["type"] = "log";
            axis["exponentformat"] = "power";
            axis["dtick"] = "D2"; // labels at 1, 2, 5 of each decade; the default crowds 2..9 together
            if (rtl && letter == 'y' && text.Length > 0)
            {
                // In a right-to-left page Chromium measures the superscript labels (10⁻¹) about 30 px narrower than drawn, so
                // plotly put the Persian title on top of them (headless screenshot); 48 px leaves ~20 px clear.
                axis.Obj("title")["standoff"] = LogTitleStandoff;
            }
        }
    }

    /// <summary>
    /// Makes an axis of named categories. Without this plotly guesses the axis type from the labels: when at least a third
    /// of them look like numbers ("0".."7", "0.02", "64") it draws a linear axis, puts the numeric labels at their values,
    /// and gives every other label the position NaN (Chromium logs <c>&lt;text&gt; attribute x: Expected length, "NaN"</c>
    /// and the cells or bars land on top of each other).
    /// </summary>
    public void CategoryAxis(int panel, char letter) => Axis(panel, letter)["type"] = "category";

    /// <summary>
    /// Room for Persian category labels on a left y axis. Chromium reports the box of right-to-left SVG text at the
    /// wrong place, so plotly's automargin neither widens the margin nor keeps the axis title clear of such labels
    /// (seen in the headless screenshots); reserve the width from the label length instead.
    /// </summary>
    public void ReserveCategoryLabels(int panel, IEnumerable<string> labels)
    {
        var rtlLabels = labels.Where(l => Bidi.Mark(l) != l).ToArray();
        if (rtlLabels.Length == 0)
        {
            return;
        }

        var width = (int)Math.Ceiling(0.55 * ChartStyle.FontSize * rtlLabels.Max(l => l.Length));
        var margin = layout.Obj("margin");
        margin["l"] = Math.Max(margin["l"] is int l ? l : 70, width + 50);
        var axis = Axis(panel, 'y');
        axis.Obj("title")["standoff"] = width;
    }

    /// <summary>Adds a trace to <paramref name="panel"/>; returns its index.</summary>
    public int Add(JsonObj trace, int panel = 0)
    {
        if (panel < 0 || panel >= panelCount)
        {
            throw new ArgumentOutOfRangeException(nameof(panel), panel, $"The figure has {panelCount} panel(s).");
        }

        if (panel > 0)
        {
            trace["xaxis"] = AxisId(panel, 'x');
            trace["yaxis"] = AxisId(panel, 'y');
        }

        traces.Add(trace);
        return traces.Count - 1;
    }

    /// <summary>
    /// Adds a slider whose step i shows exactly the traces with <c>visible[i][t]</c> true (restyle of 'visible'),
    /// so it works in static HTML without a kernel. Sets the initial visibility to step <paramref name="active"/>.
    /// </summary>
    public void Slider(ChartLabel prefix, IReadOnlyList<ChartLabel> labels, IReadOnlyList<bool[]> visible, int active)
    {
        if (labels.Count == 0 || labels.Count != visible.Count)
        {
            throw new ArgumentException($"A slider needs one visibility row per step: {labels.Count} labels, {visible.Count} rows.", nameof(visible));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(active);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(active, labels.Count);
        var steps = new List<JsonObj>(labels.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            if (visible[i].Length != traces.Count)
            {
                throw new ArgumentException($"Slider step {i} lists {visible[i].Length} traces; the figure has {traces.Count}.", nameof(visible));
            }

            steps.Add(new JsonObj
            {
                ["method"] = "restyle",
                ["label"] = labels[i].Resolve($"The label of slider position {i}"),
                ["args"] = new object[] { new JsonObj { ["visible"] = visible[i] } },
            });
        }

        for (var t = 0; t < traces.Count; t++)
        {
            traces[t]["visible"] = visible[active][t];
        }

        layout["sliders"] = new[]
        {
            new JsonObj
            {
                ["active"] = active,
                ["steps"] = steps,
                ["x"] = 0.0,
                ["len"] = 1.0,
                ["y"] = 0.0,
                ["yanchor"] = "top",
                ["pad"] = new JsonObj { ["t"] = 70, ["b"] = 10 },
                ["currentvalue"] = new JsonObj
                {
                    ["prefix"] = prefix.Resolve("The slider prefix"),
                    ["xanchor"] = rtl ? "right" : "left",
                    ["font"] = new JsonObj { ["size"] = ChartStyle.FontSize },
                },
                ["font"] = new JsonObj { ["size"] = ChartStyle.FontSize - 2 },
            },
        };
        layout.Obj("margin")["b"] = 150;
        layout["height"] = ChartStyle.Height + 90;
    }

    public GenericChart Build()
    {
        ShareOrSpaceYTitles();

        // The title sits below plotly's mode bar (top right), which would otherwise cover a right-aligned Persian title.
        var height = layout["height"] is int h ? h : ChartStyle.Height;
        layout.Obj("title")["y"] = Math.Round(1 - 34.0 / height, 4);
        if (layout.Obj("legend").ContainsKey("yref"))
        {
            layout.Obj("legend")["y"] = Math.Round(1 - 62.0 / height, 4);
        }

        if (rtl)
        {
            // Legend items are laid out left to right by rank; descending ranks put the first series rightmost, where a
            // Persian reader starts (traceorder "reversed" does not reorder legend groups in a horizontal legend).
            for (var i = 0; i < traces.Count; i++)
            {
                traces[i]["legendrank"] = 1000 + traces.Count - i;
            }
        }

        foreach (var t in traces)
        {
            Bidi.Apply(t);
        }

        Bidi.Apply(layout);
        var plotlyTraces = new List<Trace>(traces.Count);
        foreach (var t in traces)
        {
            var type = t.TryGetValue("type", out var v) && v is string s ? s : "scatter";
            var trace = new Trace2D(type);
            foreach (var (key, value) in t)
            {
                trace.SetProperty(key, value);
            }

            plotlyTraces.Add(trace);
        }

        var chart = GenericChart.ofTraceObjects(false, plotlyTraces);
        var plotlyLayout = new Layout();
        foreach (var (key, value) in layout)
        {
            plotlyLayout.SetProperty(key, value);
        }

        var config = new Config();
        config.SetProperty("responsive", true);
        config.SetProperty("displaylogo", false);
        config.SetProperty("modeBarButtonsToRemove", new[] { "lasso2d", "select2d" });
        chart = GenericChart.setLayout(plotlyLayout, chart);
        return GenericChart.setConfig(config, chart);
    }

    public static string AxisId(int panel, char letter) =>
        panel == 0 ? letter.ToString() : letter + (panel + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Values for plotly: rounded to 6 significant digits (smaller pages, no visible change) and non-finite values
    /// as null, which plotly draws as a gap (a diverged loss does not break the JSON).
    /// </summary>
    public static double?[] Values(ReadOnlySpan<double> values)
    {
        var result = new double?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = Round(values[i]);
        }

        return result;
    }

    public static double? Round(double value) =>
        double.IsFinite(value) ? double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null;

    private static double Round4(double value) => Math.Round(value, 4);
}
