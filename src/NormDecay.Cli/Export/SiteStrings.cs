namespace NormDecay.Cli.Export;

/// <summary>The few words of the site's own interface, per language (lesson text comes from the notebooks).</summary>
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
    string DownloadHint)
{
    /// <summary>English interface strings.</summary>
    public static readonly SiteStrings English = new(
        "English", "Contents", "Lessons", "Assignments", "Previous", "Next", "Read in",
        "Exported from executed notebooks. Works offline. KaTeX (MIT), plotly.js (MIT), Vazirmatn (SIL OFL 1.1); licences in assets/.",
        "Download this notebook (.ipynb)",
        "The executed notebook, with every output: it opens in VS Code or Jupyter and shows the results without running. To run it, put it in `notebooks/en/` of the course repository: its first cell loads the libraries from `../../artifacts/lib/`.");

    /// <summary>Persian interface strings.</summary>
    public static readonly SiteStrings Persian = new(
        "فارسی", "فهرست", "درس‌ها", "تکلیف‌ها", "قبلی", "بعدی", "خواندن به",
        "ساخته‌شده از نوت‌بوک‌های اجراشده؛ بدون اینترنت کار می‌کند. KaTeX (MIT)، plotly.js (MIT)، وزیرمتن (SIL OFL 1.1)؛ پروانه‌ها در assets/.",
        "دریافت این نوت‌بوک (.ipynb)",
        "نوت‌بوک اجراشده با همهٔ خروجی‌ها: در VS Code یا Jupyter باز می‌شود و نتیجه‌ها را بدون اجرا نشان می‌دهد. برای اجرای آن، فایل را در پوشهٔ `notebooks/fa/` مخزن درس بگذارید؛ سلول اول کتابخانه‌ها را از `../../artifacts/lib/` بارگذاری می‌کند.");

    /// <summary>The strings for a language code; English for any language without its own table.</summary>
    public static SiteStrings For(string language) => language == "fa" ? Persian : English;

    /// <summary>True for right-to-left languages (Persian, Arabic, Hebrew, Urdu).</summary>
    public static bool IsRightToLeft(string language) => language is "fa" or "ar" or "he" or "ur";

    /// <summary>Writes ASCII digits in <paramref name="text"/> as Persian digits when <paramref name="language"/> is "fa".</summary>
    public static string LocalDigits(string text, string language) =>
        language != "fa" ? text : string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c));
}
