using NormDecay.Charts.Text;
using NormDecay.Cli.Text;

namespace NormDecay.Cli.Export;

/// <summary>
/// The few words of the site's own interface in one language (lesson text comes from the notebooks), read from the tool's
/// string table (<see cref="ToolText"/>, keys <c>site.*</c>).
/// </summary>
internal sealed record SiteStrings(
    string LanguageName,
    string Contents,
    string Lessons,
    string Assignments,
    string Previous,
    string Next,
    string ReadIn,
    string Footer,
    string DownloadNotebook,
    string DownloadHint,
    string DownloadAssignment,
    string AssignmentHint)
{
    /// <summary>The strings for a language code; English for a language the course does not have.</summary>
    public static SiteStrings For(string language) => new(
        ToolText.Get("site.languageName", language),
        ToolText.Get("site.contents", language),
        ToolText.Get("site.lessons", language),
        ToolText.Get("site.assignments", language),
        ToolText.Get("site.previous", language),
        ToolText.Get("site.next", language),
        ToolText.Get("site.readIn", language),
        ToolText.Get("site.footer", language),
        ToolText.Get("site.downloadNotebook", language),
        ToolText.Get("site.downloadHint", language),
        ToolText.Get("site.downloadAssignment", language),
        ToolText.Get("site.assignmentHint", language));
}
