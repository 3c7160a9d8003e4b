using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace NormDecay.Charts.Text;

/// <summary>
/// The charts' string table: every title, axis label, legend name and slider prefix in English (<c>"en"</c>) and
/// Persian (<c>"fa"</c>), looked up by key. The language is ambient: a notebook sets <see cref="Language"/> once in
/// its setup cell, so code cells stay byte-identical in both languages.
/// </summary>
/// <remarks>
/// The table lives in <c>src/NormDecay.Charts/Text/strings.en.json</c> and <c>strings.fa.json</c> (embedded
/// resources). To add a key, add one line to each file; a test fails when a key is missing from either.
/// Persian follows <c>glossary-fa.md</c>: ZWNJ (U+200C) inside compounds, Persian ی and ک, Latin digits.
/// </remarks>
public static class ChartText
{
    /// <summary>The languages the table carries: <c>en</c> and <c>fa</c>.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "fa"];

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Tables = LoadTables();
    private static readonly AsyncLocal<string?> ScopedLanguage = new();
    private static string globalLanguage = "en";

    /// <summary>
    /// The language charts are drawn in: <c>"en"</c> (default) or <c>"fa"</c>. Setting it affects every chart built
    /// afterwards, unless a <see cref="Use"/> scope is active on the current async flow.
    /// </summary>
    /// <exception cref="ArgumentException">When the value is not one of <see cref="Languages"/>.</exception>
    public static string Language
    {
        get => ScopedLanguage.Value ?? globalLanguage;
        set => globalLanguage = CheckLanguage(value, nameof(Language));
    }

    /// <summary>True when the current <see cref="Language"/> is written right to left (Persian).</summary>
    public static bool IsRightToLeft => Language == "fa";

    /// <summary>Every key of the table, sorted.</summary>
    public static IReadOnlyList<string> Keys { get; } = Tables["en"].Keys.Union(Tables["fa"].Keys).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Switches the language for the current async flow only (a test, one cell) until the returned object is disposed:
    /// <c>using (ChartText.Use("fa")) { ... }</c>.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="language"/> is not one of <see cref="Languages"/>.</exception>
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
    /// <exception cref="ArgumentException">When <paramref name="language"/> is not one of <see cref="Languages"/>.</exception>
    /// <exception cref="KeyNotFoundException">When the key is unknown, or has no text in that language; the message names both.</exception>
    public static string Get(string key, string language)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = Tables[CheckLanguage(language, nameof(language))];
        if (table.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        var known = Keys.Contains(key, StringComparer.Ordinal);
        throw new KeyNotFoundException(known
            ? $"Chart text key '{key}' has no translation for language '{language}'. Add it to src/NormDecay.Charts/Text/strings.{language}.json."
            : $"Unknown chart text key '{key}' (language '{language}'). Add it to every src/NormDecay.Charts/Text/strings.<lang>.json; keys like it: {string.Join(", ", Similar(key))}.");
    }

    /// <summary>True when <paramref name="key"/> has text in <paramref name="language"/>.</summary>
    public static bool Has(string key, string language) =>
        Tables.TryGetValue(language, out var table) && table.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text);

    /// <summary>
    /// The text of <paramref name="key"/> in the current language with <c>{0}</c>, <c>{1}</c>, ... replaced by
    /// <paramref name="args"/> (formatted with the invariant culture, so numbers keep Latin digits).
    /// </summary>
    /// <exception cref="KeyNotFoundException">As <see cref="Get(string)"/>.</exception>
    public static string Format(string key, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Get(key), args);

    private static string CheckLanguage(string? language, string parameterName) =>
        language is "en" or "fa"
            ? language
            : throw new ArgumentException($"Chart language must be one of {string.Join(", ", Languages)}; got '{language ?? "null"}'.", parameterName);

    private static IEnumerable<string> Similar(string key)
    {
        var prefix = key.Contains('.') ? key[..(key.IndexOf('.') + 1)] : key;
        var similar = Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Take(8).ToArray();
        return similar.Length > 0 ? similar : Keys.Take(8);
    }

    private static FrozenDictionary<string, FrozenDictionary<string, string>> LoadTables()
    {
        var assembly = typeof(ChartText).Assembly;
        var tables = new Dictionary<string, FrozenDictionary<string, string>>();
        foreach (var language in new[] { "en", "fa" })
        {
            var name = $"NormDecay.Charts.Text.strings.{language}.json";
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded string table '{name}' is missing from {assembly.GetName().Name}; it has: {string.Join(", ", assembly.GetManifestResourceNames())}.");
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"Embedded string table '{name}' is empty.");
            tables[language] = entries.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return tables.ToFrozenDictionary();
    }

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
