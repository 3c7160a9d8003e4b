using System.Globalization;

namespace NormDecay.Charts.Text;

/// <summary>
/// The charts' string table: every title, axis label, legend name and slider prefix in each of
/// <see cref="CourseLanguage.Supported"/>, looked up by key. The language is ambient: a notebook sets <see cref="Language"/>
/// once in its setup cell, so code cells stay byte-identical in both languages.
/// </summary>
/// <remarks>
/// The table lives in <c>src/NormDecay.Charts/Text/strings.en.json</c> and <c>strings.fa.json</c> (embedded
/// resources, read by <see cref="StringTable"/>). To add a key, add one line to each file; a test fails when a key is
/// missing from either. Persian follows <c>glossary-fa.md</c>: ZWNJ (U+200C) inside compounds, Persian ی and ک, Latin digits.
/// </remarks>
public static class ChartText
{
    private static readonly StringTable Table = StringTable.Load(typeof(ChartText).Assembly, "NormDecay.Charts.Text.strings", "src/NormDecay.Charts/Text/strings");
    private static readonly AsyncLocal<string?> ScopedLanguage = new();
    private static string globalLanguage = CourseLanguage.Default;

    /// <summary>
    /// The language charts are drawn in: <c>"en"</c> (default) or <c>"fa"</c>. Setting it affects every chart built
    /// afterwards, unless a <see cref="Use"/> scope is active on the current async flow.
    /// </summary>
    /// <exception cref="ArgumentException">When the value is not one of <see cref="CourseLanguage.Supported"/>.</exception>
    public static string Language
    {
        get => ScopedLanguage.Value ?? globalLanguage;
        set => globalLanguage = CheckLanguage(value, nameof(Language));
    }

    /// <summary>True when the current <see cref="Language"/> is written right to left (<see cref="CourseLanguage.IsRightToLeft"/>).</summary>
    public static bool IsRightToLeft => CourseLanguage.IsRightToLeft(Language);

    /// <summary>Every key of the table, sorted.</summary>
    public static IReadOnlyList<string> Keys => Table.Keys;

    /// <summary>
    /// Switches the language for the current async flow only (a test, one cell) until the returned object is disposed:
    /// <c>using (ChartText.Use("fa")) { ... }</c>.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="language"/> is not one of <see cref="CourseLanguage.Supported"/>.</exception>
    public static IDisposable Use(string language)
    {
        var previous = ScopedLanguage.Value;
        ScopedLanguage.Value = CheckLanguage(language, nameof(language));
        return new Restore(() => ScopedLanguage.Value = previous);
    }

    /// <summary>The text of <paramref name="key"/> in the current <see cref="Language"/>.</summary>
    /// <exception cref="KeyNotFoundException">When the key is unknown, or has no text in the current language; the message names both.</exception>
    public static string Get(string key) => Get(key, Language);

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>.</summary>
    /// <exception cref="ArgumentException">When <paramref name="language"/> is not one of <see cref="CourseLanguage.Supported"/>.</exception>
    /// <exception cref="KeyNotFoundException">When the key is unknown, or has no text in that language; the message names both.</exception>
    public static string Get(string key, string language) => Table.Get(key, CheckLanguage(language, nameof(language)));

    /// <summary>True when <paramref name="key"/> has text in <paramref name="language"/>.</summary>
    public static bool Has(string key, string language) => Table.Has(key, language);

    /// <summary>
    /// The text of <paramref name="key"/> in the current language with <c>{0}</c>, <c>{1}</c>, ... replaced by
    /// <paramref name="args"/> (formatted with the invariant culture, so numbers keep Latin digits).
    /// </summary>
    /// <exception cref="KeyNotFoundException">As <see cref="Get(string)"/>.</exception>
    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key), args);

    private static string CheckLanguage(string? language, string parameterName) =>
        CourseLanguage.IsSupported(language)
            ? language!
            : throw new ArgumentException($"Chart language must be one of {string.Join(", ", CourseLanguage.Supported)}; got '{language ?? "null"}'.", parameterName);

    private sealed class Restore(Action restore) : IDisposable
    {
        private Action? action = restore;

        public void Dispose()
        {
            action?.Invoke();
            action = null;
        }
    }
}
