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
    string DownloadHint,
    string DownloadAssignment,
    string AssignmentHint)
{
    /// <summary>English interface strings.</summary>
    public static readonly SiteStrings English = new(
        "English", "Contents", "Lessons", "Assignments", "Previous", "Next", "Read in",
        "Exported from executed notebooks. Works offline. KaTeX (MIT), plotly.js (MIT), Vazirmatn (SIL OFL 1.1); licences in assets/.",
        "Download this notebook (.ipynb)",
        "The executed notebook, with every output: it opens in VS Code or Jupyter and shows the results without running. To run it, put it in `notebooks/en/` of the course repository: its first cell loads the libraries from `../../artifacts/lib/`.",
        "Download the assignment notebook (.ipynb)",
        "This is an assignment, to be run and handed in: the notebook as a student gets it, with no solutions, no hidden tests and no outputs. Write your code where a cell says `throw new NotImplementedException(...)`, run every cell (the checks under each part tell you what differs), and hand in the notebook. Run it in the assignment folder your instructor gives you: its first cell loads the libraries from `lib/` beside the notebook.");

    /// <summary>Persian interface strings.</summary>
    public static readonly SiteStrings Persian = new(
        "فارسی", "فهرست", "درس‌ها", "تکلیف‌ها", "قبلی", "بعدی", "خواندن به",
        "ساخته‌شده از نوت‌بوک‌های اجراشده؛ بدون اینترنت کار می‌کند. KaTeX (MIT)، plotly.js (MIT)، وزیرمتن (SIL OFL 1.1)؛ پروانه‌ها در assets/.",
        "دریافت این نوت‌بوک (.ipynb)",
        "نوت‌بوک اجراشده با همهٔ خروجی‌ها: در VS Code یا Jupyter باز می‌شود و نتیجه‌ها را بدون اجرا نشان می‌دهد. برای اجرای آن، فایل را در پوشهٔ `notebooks/fa/` مخزن درس بگذارید؛ سلول اول کتابخانه‌ها را از `../../artifacts/lib/` بارگذاری می‌کند.",
        "دریافت نوت‌بوک تکلیف (.ipynb)",
        "این یک تکلیف است که باید اجرا و تحویل داده شود: نوت‌بوک همان‌گونه که به دانشجو داده می‌شود، بدون پاسخ‌ها، بدون آزمون‌های پنهان و بدون خروجی. کد خود را هر جا که سلولی `throw new NotImplementedException(...)` دارد بنویسید، همهٔ سلول‌ها را اجرا کنید (بررسی‌های زیر هر بخش می‌گویند چه چیزی فرق دارد) و نوت‌بوک را تحویل دهید. آن را در پوشهٔ تکلیفی که استاد به شما می‌دهد اجرا کنید: سلول اول کتابخانه‌ها را از `lib/` کنار نوت‌بوک بارگذاری می‌کند.");

    /// <summary>The strings for a language code; English for any language without its own table.</summary>
    public static SiteStrings For(string language) => language == "fa" ? Persian : English;

    /// <summary>True for right-to-left languages (Persian, Arabic, Hebrew, Urdu).</summary>
    public static bool IsRightToLeft(string language) => language is "fa" or "ar" or "he" or "ur";

    /// <summary>Writes ASCII digits in <paramref name="text"/> as Persian digits when <paramref name="language"/> is "fa".</summary>
    public static string LocalDigits(string text, string language) =>
        language != "fa" ? text : string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c));
}
