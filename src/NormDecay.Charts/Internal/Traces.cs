using NormDecay.Charts.Figures;
using NormDecay.Charts.Style;

namespace NormDecay.Charts.Internal;

/// <summary>Plotly trace objects for the course's series types.</summary>
internal static class Traces
{
    /// <summary>The legend name of a series, resolved once for the figure; <paramref name="element"/> names it in a missing-key error.</summary>
    public static string Name(Series s, string element)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Name.Resolve($"The name of {element}");
    }

    /// <summary>A line trace named <paramref name="name"/> (the series' name, already resolved with <see cref="Name"/>).</summary>
    public static JsonObj Line(Series s, string name, int position, string? legendGroup = null, bool showLegend = true)
    {
        ArgumentNullException.ThrowIfNull(s);
        Guard.SameLength(s.X.Length, s.Y.Length, $"Series '{name}'", nameof(s));
        var color = ChartStyle.Color(s.ColorIndex ?? position);
        var trace = new JsonObj
        {
            ["type"] = "scatter",
            ["name"] = name,
            ["x"] = FigureBuilder.Values(s.X),
            ["y"] = FigureBuilder.Values(s.Y),
            ["mode"] = s.Style switch
            {
                SeriesStyle.LineAndMarkers => "lines+markers",
                SeriesStyle.Markers => "markers",
                _ => "lines",
            },
            ["showlegend"] = showLegend,
        };
        var line = trace.Obj("line");
        line["color"] = color;
        line["width"] = 2.5;
        switch (s.Style)
        {
            case SeriesStyle.Dashed:
                line["dash"] = "dash";
                break;
            case SeriesStyle.Dotted:
                line["dash"] = "dot";
                break;
            case SeriesStyle.Steps:
                line["shape"] = "hv";
                break;
        }

        if (s.Style is SeriesStyle.LineAndMarkers or SeriesStyle.Markers)
        {
            trace["marker"] = new JsonObj { ["color"] = color, ["size"] = 7 };
        }

        if (legendGroup is not null)
        {
            trace["legendgroup"] = legendGroup;
        }

        return trace;
    }
}
