using NormDecay.Charts.Internal;
using NormDecay.Charts.Style;
using NormDecay.Charts.Text;
using Plotly.NET;

namespace NormDecay.Charts.Figures;

/// <summary>Heat-maps of a table of numbers (final accuracy per schedule and network, loss per learning rate and batch size).</summary>
public static class HeatmapCharts
{
    /// <summary>
    /// One heat-map trace, each cell labelled with its value. <c>z[i, j]</c> is the cell in row
    /// <c>rowLabels[i]</c> (drawn top to bottom) and column <c>columnLabels[j]</c>. NaN cells stay empty. Both axes are
    /// category axes, so labels that look like numbers ("0", "0.5") are names in the given order, not positions.
    /// </summary>
    /// <param name="z">Values, shape (rowLabels.Count, columnLabels.Count).</param>
    /// <param name="columnLabels">Column names (x axis), <see cref="ChartLabel"/>s like every text of a figure (<c>ChartLabel.Number(3)</c>, a key, literal text).</param>
    /// <param name="rowLabels">Row names (y axis), first row on top.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="xAxis">Label of the column axis.</param>
    /// <param name="yAxis">Label of the row axis.</param>
    /// <param name="colorBar">Colour-bar title; default <c>"colorbar.value"</c>.</param>
    /// <param name="valueFormat">d3 format of the cell labels; default <c>".3f"</c>.</param>
    /// <exception cref="ArgumentException">When the shape of <paramref name="z"/> does not match the labels (the message gives both).</exception>
    public static GenericChart Heatmap(
        double[,] z, IReadOnlyList<ChartLabel> columnLabels, IReadOnlyList<ChartLabel> rowLabels, ChartLabel title, ChartLabel xAxis, ChartLabel yAxis,
        ChartLabel? colorBar = null, string valueFormat = ".3f")
    {
        ArgumentNullException.ThrowIfNull(z);
        Guard.NotEmpty(columnLabels, "The list of column labels", nameof(columnLabels));
        Guard.NotEmpty(rowLabels, "The list of row labels", nameof(rowLabels));
        if (z.GetLength(0) != rowLabels.Count || z.GetLength(1) != columnLabels.Count)
        {
            throw new ArgumentException(
                $"Heat-map z has shape ({z.GetLength(0)}, {z.GetLength(1)}); the labels need ({rowLabels.Count} rows, {columnLabels.Count} columns).", nameof(z));
        }

        var fig = new FigureBuilder(title);
        var columns = ChartLabel.ResolveAll(columnLabels, "The label of column");
        var rowNames = ChartLabel.ResolveAll(rowLabels, "The label of row");
        fig.AxisTitle(0, 'x', xAxis);
        fig.AxisTitle(0, 'y', yAxis);
        var y = fig.Axis(0, 'y');
        y["autorange"] = "reversed";
        y["showgrid"] = false;
        y["ticks"] = "";
        fig.Axis(0, 'x')["showgrid"] = false;
        fig.Axis(0, 'x')["ticks"] = "";
        fig.CategoryAxis(0, 'x');
        fig.CategoryAxis(0, 'y');
        fig.ReserveCategoryLabels(0, rowNames);
        var rows = new double?[rowLabels.Count][];
        var row = new double[columnLabels.Count];
        for (var i = 0; i < rowLabels.Count; i++)
        {
            for (var j = 0; j < columnLabels.Count; j++)
            {
                row[j] = z[i, j];
            }

            rows[i] = FigureBuilder.Values(row);
        }

        fig.Add(new JsonObj
        {
            ["type"] = "heatmap",
            ["x"] = columns,
            ["y"] = rowNames,
            ["z"] = rows,
            ["colorscale"] = ChartStyle.ColorScale,
            ["texttemplate"] = "%{z:" + valueFormat + "}",
            ["textfont"] = new JsonObj { ["size"] = ChartStyle.FontSize },
            ["xgap"] = 2,
            ["ygap"] = 2,
            ["showlegend"] = false,
            ["colorbar"] = ColorBars.Right((colorBar ?? "colorbar.value").Resolve("The colour-bar title")),
        });
        return fig.Build();
    }
}
