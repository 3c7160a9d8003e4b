using NormDecay.Charts.Figures;
using NormDecay.Charts.Text;
using NormDecay.Schedules;
using Plotly.NET;

namespace NormDecay.Charts.Adapters;

/// <summary>Learning-rate schedules (<see cref="ISchedule"/>) as line charts and slider families.</summary>
public static class ScheduleCharts
{
    /// <summary>
    /// Several schedules on one chart, each evaluated at steps 0 .. <paramref name="steps"/> - 1 and named by its
    /// <see cref="ISchedule.Name"/>. Epoch schedules are drawn as steps (the rate holds for the whole epoch), iteration
    /// schedules as lines. The x axis reads "Epoch" or "Iteration" from the schedules' <see cref="ISchedule.Unit"/>.
    /// </summary>
    /// <param name="schedules">At least one schedule, all counting the same unit.</param>
    /// <param name="steps">How many steps to draw (at least 2).</param>
    /// <param name="logY">Logarithmic learning-rate axis (exponential decays become straight lines).</param>
    /// <param name="title">Figure title; default <c>"title.schedules"</c>.</param>
    /// <exception cref="ArgumentException">When no schedule is given, or they mix epochs and iterations (the message lists them).</exception>
    public static GenericChart Curves(IEnumerable<ISchedule> schedules, int steps, bool logY = false, ChartLabel? title = null)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        var list = schedules.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("The list of schedules is empty; give at least one.", nameof(schedules));
        }

        var unit = CommonUnit(list, nameof(schedules));
        var series = list.Select((s, i) => Curve(s, steps, i)).ToArray();
        return LineCharts.Lines(series, title ?? "title.schedules", AxisKey(unit), "axis.learningRate", logY);
    }

    /// <summary>
    /// One schedule per parameter value with a slider over the values, e.g. StepLR for gamma in {0.1, 0.3, 0.5}:
    /// <c>ScheduleCharts.Family(g => new StepLR(0.1, 10, g), [0.1, 0.3, 0.5], 50, "slider.gamma")</c>. The slider labels
    /// are the values (invariant culture); the vertical range is fixed over all values.
    /// </summary>
    /// <param name="create">Builds the schedule for one parameter value.</param>
    /// <param name="values">The parameter values, one slider position each.</param>
    /// <param name="steps">How many steps to draw (at least 2).</param>
    /// <param name="sliderPrefix">Text before the current value, e.g. <c>"slider.gamma"</c>.</param>
    /// <param name="logY">Logarithmic learning-rate axis.</param>
    /// <param name="title">Figure title; default <c>"title.scheduleFamily"</c>.</param>
    /// <exception cref="ArgumentException">When no value is given, or the schedules mix epochs and iterations.</exception>
    public static GenericChart Family(
        Func<double, ISchedule> create, IReadOnlyList<double> values, int steps, ChartLabel sliderPrefix, bool logY = false, ChartLabel? title = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        if (values.Count == 0)
        {
            throw new ArgumentException("The list of parameter values is empty; give at least one.", nameof(values));
        }

        var schedules = values.Select(create).ToArray();
        var unit = CommonUnit(schedules, nameof(create));
        var members = values
            .Select((v, i) => new FamilyMember(ChartLabel.Number(v, "G4"), [Curve(schedules[i], steps, 0)]))
            .ToArray();
        return FamilyCharts.Slider(members, title ?? "title.scheduleFamily", AxisKey(unit), "axis.learningRate", sliderPrefix, logY: logY);
    }

    /// <summary>
    /// The schedule as a <see cref="Series"/> over steps 0 .. <paramref name="steps"/> - 1 (for combining with other
    /// curves), named by its <see cref="ISchedule.Name"/> as literal text (<see cref="ChartLabel.Text"/>): the name is
    /// code (<c>StepLR(0.1, 10, 0.5)</c>), the same in both languages.
    /// </summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="steps">How many steps.</param>
    /// <param name="colorIndex">Palette index.</param>
    public static Series Curve(ISchedule schedule, int steps, int colorIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var y = new double[steps];
        for (var t = 0; t < steps; t++)
        {
            y[t] = schedule.LearningRate(t);
        }

        return Series.Indexed(ChartLabel.Text(schedule.Name), y, schedule.Unit == StepUnit.Epoch ? SeriesStyle.Steps : SeriesStyle.Line, colorIndex);
    }

    /// <summary>The axis key for a step unit: <c>axis.epoch</c> or <c>axis.iteration</c>.</summary>
    public static string AxisKey(StepUnit unit) => unit == StepUnit.Epoch ? "axis.epoch" : "axis.iteration";

    private static StepUnit CommonUnit(IReadOnlyList<ISchedule> schedules, string paramName)
    {
        var unit = schedules[0].Unit;
        if (schedules.Any(s => s.Unit != unit))
        {
            throw new ArgumentException(
                "These schedules mix epochs and iterations, so they cannot share an x axis: " +
                string.Join(", ", schedules.Select(s => $"{s.Name} ({s.Unit})")) + ". Plot each unit on its own chart.",
                paramName);
        }

        return unit;
    }
}
