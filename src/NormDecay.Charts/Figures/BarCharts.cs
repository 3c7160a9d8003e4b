using NormDecay.Charts.Internal;
using NormDecay.Charts.Style;
using NormDecay.Charts.Text;
using Plotly.NET;

namespace NormDecay.Charts.Figures;

/// <summary>One group of bars: one value per category (e.g. the time per iteration of each network, with BN).</summary>
/// <param name="Name">Legend name: a key (<c>"legend.withBn"</c>), a formatted key
/// (<c>ChartLabel.Format("legend.batchRate", 32, 0.05)</c>) or literal text (<c>ChartLabel.Text("GroupNorm(2)")</c>);
/// resolved when the figure is built (see <see cref="ChartLabel"/>).</param>
/// <param name="Values">One value per category; non-finite ones draw no bar.</param>
/// <param name="ColorIndex">Palette index; null takes the group's position.</param>
public sealed record BarGroup(ChartLabel Name, double[] Values, int? ColorIndex = null);

/// <summary>Grouped bar charts (time per iteration, fraction of zero activations, final accuracy per schedule).</summary>
public static class BarCharts
{
    /// <summary>
    /// One bar trace per group, bars side by side per category, each bar labelled with its value
    /// (<paramref name="valueFormat"/>, a d3 format such as <c>".3g"</c> or <c>".1%"</c>).
    /// </summary>
    /// <param name="categories">Category names along the axis, <see cref="ChartLabel"/>s like every text of a figure: keys,
    /// literal text (<c>ChartLabel.Text("64-16-16-10")</c>) or numbers (<c>ChartLabel.Number(32)</c>); names that look
    /// like numbers ("0.1", "64") stay names, evenly spaced in the given order.</param>
    /// <param name="groups">At least one group, each with one value per category.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="categoryAxis">Label of the category axis.</param>
    /// <param name="valueAxis">Label of the value axis.</param>
    /// <param name="valueFormat">d3 format of the value labels; default <c>".3g"</c>.</param>
    /// <param name="horizontal">Bars along x (long category names read better).</param>
    /// <param name="logValues">Logarithmic value axis.</param>
    /// <exception cref="ArgumentException">When a group has a different number of values than categories (the message names it).</exception>
    public static GenericChart Grouped(
        IReadOnlyList<ChartLabel> categories, IReadOnlyList<BarGroup> groups, ChartLabel title, ChartLabel categoryAxis, ChartLabel valueAxis,
        string valueFormat = ".3g", bool horizontal = false, bool logValues = false)
    {
        Guard.NotEmpty(categories, "The list of categories", nameof(categories));
        Guard.NotEmpty(groups, "The list of bar groups", nameof(groups));
        var fig = new FigureBuilder(title);
        var names = ChartLabel.ResolveAll(categories, "The name of category");
        fig.AxisTitle(0, horizontal ? 'y' : 'x', categoryAxis);
        fig.AxisTitle(0, horizontal ? 'x' : 'y', valueAxis, logValues);
        fig.Layout["barmode"] = "group";
        fig.CategoryAxis(0, horizontal ? 'y' : 'x');
        if (horizontal)
        {
            fig.ReserveCategoryLabels(0, names);
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            ArgumentNullException.ThrowIfNull(group, nameof(groups));
            var groupName = group.Name.Resolve($"The name of bar group {g}");
            if (group.Values.Length != categories.Count)
            {
                throw new ArgumentException($"Bar group '{groupName}' has {group.Values.Length} values for {categories.Count} categories.", nameof(groups));
            }

            var values = FigureBuilder.Values(group.Values);
            fig.Add(new JsonObj
            {
                ["type"] = "bar",
                ["name"] = groupName,
                ["orientation"] = horizontal ? "h" : "v",
                [horizontal ? "y" : "x"] = names,
                [horizontal ? "x" : "y"] = values,
                ["marker"] = new JsonObj { ["color"] = ChartStyle.Color(group.ColorIndex ?? g) },
                ["texttemplate"] = "%{" + (horizontal ? "x" : "y") + ":" + valueFormat + "}",
                ["textposition"] = "outside",
                ["cliponaxis"] = false,
                ["showlegend"] = groups.Count > 1,
            });
        }

        return fig.Build();
    }
}
