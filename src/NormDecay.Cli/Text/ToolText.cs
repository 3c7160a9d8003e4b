using NormDecay.Charts.Text;

namespace NormDecay.Cli.Text;

/// <summary>
/// The tool's string table: the site's own interface words (<c>site.*</c>, <see cref="Export.SiteStrings"/>) and the grader's
/// feedback (<c>feedback.*</c>, <see cref="Coursework.FeedbackText"/>), in <c>src/NormDecay.Cli/Text/strings.&lt;language&gt;.json</c>.
/// Same format and same reader (<see cref="StringTable"/>) as the charts' table; Persian follows the course glossary.
/// </summary>
public static class ToolText
{
    /// <summary>The table (embedded in the tool).</summary>
    public static StringTable Table { get; } = StringTable.Load(typeof(ToolText).Assembly, "NormDecay.Cli.Text.strings", "src/NormDecay.Cli/Text/strings");

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, or in <see cref="CourseLanguage.Default"/> when the course does not have that language.</summary>
    /// <exception cref="KeyNotFoundException">The key is unknown; the message names it and the file to edit.</exception>
    public static string Get(string key, string language) => Table.Get(key, CourseLanguage.OrDefault(language));
}
