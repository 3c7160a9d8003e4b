using System.Globalization;

namespace NormDecay.Charts.Text;

/// <summary>
/// A title, axis label or slider prefix given to a figure: a key of the <see cref="ChartText"/> table (the usual case;
/// a plain string converts to a key), a formatted key, or literal text for data-driven labels such as feature names.
/// Resolved in the current <see cref="ChartText.Language"/> when the figure is built.
/// </summary>
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

    /// <summary>A label looked up in the string table, with <c>{0}</c>, <c>{1}</c>, ... replaced by <paramref name="args"/> (invariant culture).</summary>
    public static ChartLabel Format(string key, params object?[] args) => new(key ?? throw new ArgumentNullException(nameof(key)), null, args);

    /// <summary>Literal text shown as is in both languages (a feature name, a number). Use sparingly: lesson prose belongs in the table.</summary>
    public static ChartLabel Text(string text) => new(null, text ?? throw new ArgumentNullException(nameof(text)), null);

    /// <summary>The empty label (no title).</summary>
    public static ChartLabel None { get; } = new(null, "", null);

    /// <summary>A string converts to a key of the string table.</summary>
    public static implicit operator ChartLabel(string key) => Key(key);

    /// <summary>The text in the current <see cref="ChartText.Language"/>.</summary>
    /// <exception cref="KeyNotFoundException">When the key is missing in the current language.</exception>
    public string Resolve() =>
        literal ?? (key is null ? "" : args is null ? ChartText.Get(key) : string.Format(CultureInfo.InvariantCulture, ChartText.Get(key), args));

    /// <inheritdoc/>
    public override string ToString() => literal ?? key ?? "";
}
