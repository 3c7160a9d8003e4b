namespace NormDecay.Charts.Text;

/// <summary>
/// The course's one language type: which languages it is written in, in which order, and which of them are written right to
/// left. The charts, the notebook display (<c>NormDecay.Notebook</c>), the site exporter, the translator and the grader's
/// feedback all ask here, so a language is added (or its direction decided) in one place.
/// </summary>
public static class CourseLanguage
{
    /// <summary>English, the source language of the notebooks: <c>"en"</c>.</summary>
    public const string English = "en";

    /// <summary>Persian: <c>"fa"</c>.</summary>
    public const string Persian = "fa";

    /// <summary>
    /// The environment variable through which <c>normdecay run</c> tells the kernel the notebook's language:
    /// <c>NORMDECAY_LANG</c> (read by <c>NormDecay.Notebook.NotebookLanguage</c>).
    /// </summary>
    public const string EnvironmentVariable = "NORMDECAY_LANG";

    /// <summary>The language when nothing says otherwise: <see cref="English"/>.</summary>
    public const string Default = English;

    /// <summary>The languages the course is written in, in the order pages and lists show them: en, fa.</summary>
    public static IReadOnlyList<string> Supported => Codes;

    private static readonly string[] Codes = [English, Persian];

    // Languages whose script runs right to left. The course itself has one (Persian); a translation into another of these
    // gets the right direction too.
    private static readonly HashSet<string> RightToLeft = new(StringComparer.OrdinalIgnoreCase) { "fa", "ar", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug" };

    /// <summary>True when <paramref name="language"/> is one of <see cref="Supported"/> (exact lower-case code).</summary>
    public static bool IsSupported(string? language) => language is not null && Supported.Contains(language, StringComparer.Ordinal);

    /// <summary>The supported language that <paramref name="value"/> names (case and surrounding spaces ignored), or null.</summary>
    public static string? Normalize(string? value)
    {
        string? v = value?.Trim().ToLowerInvariant();
        return IsSupported(v) ? v : null;
    }

    /// <summary>True when <paramref name="language"/> (a language code such as "fa") is written right to left; false for null.</summary>
    public static bool IsRightToLeft(string? language) => language is not null && RightToLeft.Contains(language.Trim());

    /// <summary>The HTML <c>dir</c> value of <paramref name="language"/>: <c>"rtl"</c> or <c>"ltr"</c>.</summary>
    public static string Direction(string? language) => IsRightToLeft(language) ? "rtl" : "ltr";

    /// <summary>
    /// The attributes an HTML element holding text in <paramref name="language"/> needs inside a left-to-right page:
    /// <c> dir="rtl" lang="fa"</c> (with a leading space) for a right-to-left language, else "" (the page's default applies).
    /// </summary>
    public static string HtmlDirectionAttributes(string? language) =>
        IsRightToLeft(language) ? $" dir=\"rtl\" lang=\"{language!.Trim().ToLowerInvariant()}\"" : "";

    /// <summary>The supported language <paramref name="language"/> names, else <see cref="Default"/>.</summary>
    public static string OrDefault(string? language) => Normalize(language) ?? Default;

    /// <summary>The language's name in English, for the tool's messages: "English", "Persian"; the code itself for any other.</summary>
    public static string EnglishName(string language) => language switch
    {
        English => "English",
        Persian => "Persian",
        _ => language,
    };

    /// <summary>The position of <paramref name="language"/> in <see cref="Supported"/>; any other language sorts after them.</summary>
    public static int Order(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        int i = Array.IndexOf(Codes, language);
        return i < 0 ? Codes.Length : i;
    }

    /// <summary>
    /// Writes the ASCII digits of <paramref name="text"/> as Persian digits when <paramref name="language"/> is Persian (for
    /// prose: page numbers, counts); other languages, and charts and code, keep Latin digits.
    /// </summary>
    public static string LocalDigits(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        return language != Persian ? text : string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c));
    }
}
