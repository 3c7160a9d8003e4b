using System.Globalization;

namespace NormDecay.Charts.Text;

/// <summary>
/// A text a figure shows: a key of the <see cref="ChartText"/> table (the usual case; a plain string converts to a key),
/// a formatted key, or literal text for data-driven names such as feature names, schedule names or numbers.
/// Resolved in the current <see cref="ChartText.Language"/> once, when the figure is built.
/// </summary>
/// <remarks>
/// <para>
/// One rule for the whole figures API: every text a figure shows is a <see cref="ChartLabel"/>: the figure title, panel
/// titles, axis labels, colour-bar titles, slider prefixes and positions, bar categories, heat-map row and column labels,
/// and the legend name of every series, bar group, histogram, trajectory, class and training run. So a lesson passes
/// keys and never translates by hand: <c>new Series("legend.withBn", x, y)</c>,
/// <c>new BarGroup(ChartLabel.Format("legend.batchRate", 32, 0.05), values)</c>. The library's adapters name things that
/// come from data (a schedule's or data set's names, a trajectory's label) with <see cref="Text"/>.
/// </para>
/// <para>
/// Because a string is a key, text that is not in the table must say so: <see cref="Text"/> for literal text
/// (<c>ChartLabel.Text("mine")</c>, a schedule's <c>Name</c>), <see cref="Number"/> for a number (a slider position such
/// as a learning rate). A string that holds already-translated text is looked up as a key and fails with a
/// <see cref="KeyNotFoundException"/> naming it and the figure element.
/// </para>
/// </remarks>
public readonly record struct ChartLabel
{
    private readonly string? key;
    private readonly string? literal;
    private readonly object?[]? args;

    private ChartLabel(string? key, string? literal, object?[]? args)
    {
        this.key = key;
        this.literal = literal;
        this.args = args;
    }

    /// <summary>A label looked up in the string table.</summary>
    public static ChartLabel Key(string key) => new(key ?? throw new ArgumentNullException(nameof(key)), null, null);

    /// <summary>
    /// A label looked up in the string table, with <c>{0}</c>, <c>{1}</c>, ... replaced by <paramref name="args"/>
    /// (invariant culture, so numbers keep Latin digits). An argument that is itself a <see cref="ChartLabel"/> is resolved
    /// in the same language: <c>ChartLabel.Format("format.runSplit", run, ChartLabel.Key("legend.test"))</c>.
    /// </summary>
    public static ChartLabel Format(string key, params object?[] args) => new(key ?? throw new ArgumentNullException(nameof(key)), null, args);

    /// <summary>Literal text shown as is in both languages (a feature name, a schedule's name). Use sparingly: lesson prose belongs in the table.</summary>
    public static ChartLabel Text(string text) => new(null, text ?? throw new ArgumentNullException(nameof(text)), null);

    /// <summary>
    /// A number shown as literal text, formatted with the invariant culture (Latin digits in both languages), e.g. a
    /// slider position: <c>new FamilyMember(ChartLabel.Number(0.05), curves)</c> reads "0.05".
    /// </summary>
    /// <param name="value">The number.</param>
    /// <param name="format">A .NET numeric format string; default <c>"G"</c> (shortest round-trip form: 0.05, 32, 1E-05).</param>
    public static ChartLabel Number(double value, string format = "G") => Text(value.ToString(format, CultureInfo.InvariantCulture));

    /// <summary>The empty label (no title).</summary>
    public static ChartLabel None { get; } = new(null, "", null);

    /// <summary>A string converts to a key of the string table (use <see cref="Text"/> for literal text).</summary>
    public static implicit operator ChartLabel(string key) => Key(key);

    /// <summary>The text in the current <see cref="ChartText.Language"/>.</summary>
    /// <exception cref="KeyNotFoundException">When the key (or a label among the arguments) is missing in the current language.</exception>
    public string Resolve()
    {
        if (literal is not null)
        {
            return literal;
        }

        if (key is null)
        {
            return "";
        }

        var text = ChartText.Get(key);
        return args is null ? text : string.Format(CultureInfo.InvariantCulture, text, args.Select(a => a is ChartLabel l ? l.Resolve() : a).ToArray());
    }

    /// <summary>
    /// The text in the current language, for figure element <paramref name="element"/> (e.g. "The name of series 2"):
    /// a missing key throws a <see cref="KeyNotFoundException"/> whose message starts with the element and the key.
    /// </summary>
    internal string Resolve(string element)
    {
        try
        {
            return Resolve();
        }
        catch (KeyNotFoundException e)
        {
            throw new KeyNotFoundException(
                $"{element} ('{Describe()}'): {e.Message} A string given as a figure text is a key of the chart string table; " +
                "wrap literal text in ChartLabel.Text(...) and numbers in ChartLabel.Number(...).",
                e);
        }
    }

    /// <summary>Resolves a list of labels (bar categories, heat-map rows), naming each as "{what} {i}" in a missing-key error.</summary>
    internal static string[] ResolveAll(IReadOnlyList<ChartLabel> labels, string what) =>
        labels.Select((l, i) => l.Resolve($"{what} {i}")).ToArray();

    /// <summary>The key with its arguments, or the literal text: how error messages name a label whatever the language.</summary>
    internal string Describe() =>
        literal ?? (key is null ? "" : args is null || args.Length == 0 ? key : $"{key}({string.Join(", ", args.Select(a => a is ChartLabel l ? l.Describe() : Convert.ToString(a, CultureInfo.InvariantCulture)))})");

    /// <summary>
    /// The text in the current <see cref="ChartText.Language"/>, as <see cref="Resolve()"/>, so a label prints as its text
    /// (<c>Console.WriteLine($"{run.Name}: ...")</c>); when its key is missing, the key and arguments instead of an exception.
    /// </summary>
    public override string ToString()
    {
        try
        {
            return Resolve();
        }
        catch (Exception e) when (e is KeyNotFoundException or FormatException)
        {
            return Describe();
        }
    }
}
