using NormDecay.Charts.Figures;
using NormDecay.Charts.Style;

namespace NormDecay.Charts.Internal;

/// <summary>Plotly trace objects for the course's series types.</summary>
internal static class Traces
{
    public static JsonObj Line(Series s, int position, string? legendGroup = null, bool showLegend = true)
    {
        ArgumentNullException.ThrowIfNull(s);
        Guard.SameLength(s.X.Length, s.Y.Length, $"Series '{s.Name}'", nameof(s));
        var color = ChartStyle.Color(s.ColorIndex ?? position);
        var trace = new JsonObj
        {
            ["type"] = "scatter",
            ["name"] = s.Name,
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
