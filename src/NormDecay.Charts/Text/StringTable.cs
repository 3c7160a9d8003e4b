using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace NormDecay.Charts.Text;

/// <summary>
/// The course's one string-table format and its reader: for each of <see cref="CourseLanguage.Supported"/> a JSON object
/// <c>{ "key": "text", ... }</c> in a file <c>&lt;name&gt;.&lt;language&gt;.json</c>, embedded in the assembly that owns the
/// text. The charts' table (<see cref="ChartText"/>, <c>src/NormDecay.Charts/Text/strings.*.json</c>) and the tool's table
/// (site interface and grader feedback, <c>src/NormDecay.Cli/Text/strings.*.json</c>) are both read by this class.
/// </summary>
public sealed class StringTable
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> tables;
    private readonly string sourceHint;

    private StringTable(FrozenDictionary<string, FrozenDictionary<string, string>> tables, string sourceHint)
    {
        this.tables = tables;
        this.sourceHint = sourceHint;
        Keys = tables.Values.SelectMany(t => t.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every key of the table (in any language), sorted.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>
    /// Reads the embedded resources <c>&lt;resourcePrefix&gt;.&lt;language&gt;.json</c> of <paramref name="assembly"/>, one per supported language.
    /// </summary>
    /// <param name="assembly">The assembly the JSON files are embedded in.</param>
    /// <param name="resourcePrefix">The resource name before <c>.&lt;language&gt;.json</c>, e.g. <c>NormDecay.Charts.Text.strings</c>.</param>
    /// <param name="sourceHint">Where the files are in the source tree (used in error messages), e.g. <c>src/NormDecay.Charts/Text/strings</c>.</param>
    /// <exception cref="InvalidOperationException">A language's resource is missing or is not a JSON object of strings; the message names it.</exception>
    public static StringTable Load(Assembly assembly, string resourcePrefix, string sourceHint)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(resourcePrefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceHint);
        var tables = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (string language in CourseLanguage.Supported)
        {
            string name = $"{resourcePrefix}.{language}.json";
            using Stream stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded string table '{name}' is missing from {assembly.GetName().Name}; it has: {string.Join(", ", assembly.GetManifestResourceNames())}.");
            Dictionary<string, string> entries;
            try
            {
                entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                    ?? throw new InvalidOperationException($"Embedded string table '{name}' is empty.");
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"String table {sourceHint}.{language}.json is not a JSON object of strings: {e.Message}", e);
            }

            tables[language] = entries.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return new StringTable(tables.ToFrozenDictionary(StringComparer.Ordinal), sourceHint);
    }

    /// <summary>True when <paramref name="key"/> has (non-blank) text in <paramref name="language"/>.</summary>
    public bool Has(string key, string language) =>
        tables.TryGetValue(language, out var table) && table.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text);

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not one of <see cref="CourseLanguage.Supported"/>.</exception>
    /// <exception cref="KeyNotFoundException">The key is unknown, or has no text in that language; the message names both and the file to edit.</exception>
    public string Get(string key, string language)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (language is null || !tables.TryGetValue(language, out var table))
        {
            throw new ArgumentException($"Language must be one of {string.Join(", ", CourseLanguage.Supported)}; got '{language ?? "null"}'.", nameof(language));
        }

        if (table.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        bool known = Keys.Contains(key, StringComparer.Ordinal);
        throw new KeyNotFoundException(known
            ? $"Text key '{key}' has no translation for language '{language}'. Add it to {sourceHint}.{language}.json."
            : $"Unknown text key '{key}' (language '{language}'). Add it to every {sourceHint}.<lang>.json; keys like it: {string.Join(", ", Similar(key))}.");
    }

    /// <summary>
    /// The text of <paramref name="key"/> in <paramref name="language"/> with <c>{0}</c>, <c>{1}</c>, ... replaced by
    /// <paramref name="args"/> (invariant culture, so numbers keep Latin digits).
    /// </summary>
    /// <exception cref="KeyNotFoundException">As <see cref="Get"/>.</exception>
    public string Format(string key, string language, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key, language), args);

    private IEnumerable<string> Similar(string key)
    {
        string prefix = key.Contains('.') ? key[..(key.IndexOf('.') + 1)] : key;
        string[] similar = [.. Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Take(8)];
        return similar.Length > 0 ? similar : Keys.Take(8);
    }
}
