using System.Globalization;

namespace NormDecay.Cli.Coursework;

/// <summary>What a feedback line says; the text comes from <see cref="FeedbackText"/> in the submission's language.</summary>
public enum FeedbackKey
{
    /// <summary>The file is not a readable notebook (argument: the parser's message).</summary>
    Unreadable,

    /// <summary>The notebook is not a submission of the assignment (argument: its assignment id or "-").</summary>
    Foreign,

    /// <summary>A solution cell was deleted or its metadata removed (argument: grade_id).</summary>
    MissingSolution,

    /// <summary>A test cell was deleted or its metadata removed; its part scores zero (argument: grade_id).</summary>
    MissingTest,

    /// <summary>A part passed (argument: unused).</summary>
    Passed,

    /// <summary>A part's checks failed (argument: the first failure message).</summary>
    Failed,

    /// <summary>The student's code still throws NotImplementedException (argument: the message).</summary>
    NotImplemented,

    /// <summary>A name the checks call does not exist (argument: the compiler's message).</summary>
    MissingName,

    /// <summary>The cell did not compile (argument: the compiler's message).</summary>
    CompileError,

    /// <summary>The cell ran past the time limit (argument: the limit in seconds).</summary>
    TimedOut,

    /// <summary>The cell printed more than the output limit (argument: characters printed).</summary>
    Flooded,

    /// <summary>The sandboxed process died, e.g. a stack overflow, Environment.Exit, or a limit (argument: detail).</summary>
    KernelDied,

    /// <summary>The student's function threw an exception other than NotImplementedException (argument: type and message).</summary>
    Threw,

    /// <summary>The student's function returned a value of another type (argument: detail).</summary>
    WrongType,

    /// <summary>The value on fresh inputs chosen at grading time differs from the instructor's solution (argument: call and difference).</summary>
    FreshFailed,

    /// <summary>A solution cell did not compile or threw when it ran (argument: grade_id and message).</summary>
    CellFailed,

    /// <summary>The part did not run because the kernel could not be restarted (argument: detail).</summary>
    NotRun,

    /// <summary>An ungraded cell failed; no points depend on it directly (argument: cell id and message).</summary>
    UngradedCellFailed,

    /// <summary>A manually graded answer was written; the instructor grades it (argument: its length in words).</summary>
    ManualAnswered,

    /// <summary>A manually graded answer is still empty or "YOUR ANSWER HERE"; the instructor grades it (argument: grade_id).</summary>
    ManualUnanswered,
}

/// <summary>One sentence of feedback.</summary>
/// <param name="Key">What happened.</param>
/// <param name="Argument">The detail inserted into the sentence.</param>
public sealed record FeedbackLine(FeedbackKey Key, string Argument)
{
    /// <summary>The sentence in <paramref name="language"/> ("en" or "fa").</summary>
    public string Text(string language) => FeedbackText.Format(Key, Argument, language);
}

/// <summary>The grader's sentences in English and Persian.</summary>
public static class FeedbackText
{
    private static readonly Dictionary<FeedbackKey, (string En, string Fa)> Sentences = new()
    {
        [FeedbackKey.Unreadable] = ("The file could not be read as a notebook, so nothing could be graded: {0}",
            "فایل به‌صورت نوت‌بوک خوانده نشد، پس هیچ بخشی نمره‌دهی نشد: {0}"),
        [FeedbackKey.Foreign] = ("This notebook is not a submission of this assignment (its assignment id is '{0}' and none of its graded cells match); submit the notebook you were given.",
            "این نوت‌بوک مربوط به این تکلیف نیست (شناسهٔ تکلیف آن «{0}» است و هیچ سلول نمره‌دار آن مطابقت ندارد)؛ نوت‌بوکی را که به شما داده شده ارسال کنید."),
        [FeedbackKey.MissingSolution] = ("The solution cell '{0}' is missing (deleted, or its metadata removed); the parts that use it cannot pass.",
            "سلول پاسخ «{0}» وجود ندارد (حذف شده یا فرادادهٔ آن پاک شده)؛ بخش‌هایی که از آن استفاده می‌کنند قبول نمی‌شوند."),
        [FeedbackKey.MissingTest] = ("The check cell '{0}' was deleted (or its metadata removed), so this part scores zero. Do not delete check cells.",
            "سلول بررسی «{0}» حذف شده (یا فرادادهٔ آن پاک شده)، پس این بخش نمرهٔ صفر می‌گیرد. سلول‌های بررسی را حذف نکنید."),
        [FeedbackKey.Passed] = ("All checks passed, hidden tests included.", "همهٔ بررسی‌ها، از جمله آزمون‌های پنهان، قبول شد."),
        [FeedbackKey.Failed] = ("A check failed: {0}", "یک بررسی قبول نشد: {0}"),
        [FeedbackKey.NotImplemented] = ("Not implemented yet: the function still throws NotImplementedException ({0}).",
            "هنوز پیاده‌سازی نشده: تابع همچنان NotImplementedException پرتاب می‌کند ({0})."),
        [FeedbackKey.MissingName] = ("A function or variable the checks call does not exist; did you rename or delete it? {0}",
            "تابع یا متغیری که بررسی‌ها فراخوانی می‌کنند وجود ندارد؛ آیا نام آن را تغییر داده یا حذفش کرده‌اید؟ {0}"),
        [FeedbackKey.CompileError] = ("The code does not compile: {0}", "کد کامپایل نمی‌شود: {0}"),
        [FeedbackKey.TimedOut] = ("Your code did not answer the checks within {0} s (an infinite loop?); it was stopped.",
            "کد شما در {0} ثانیه به بررسی‌ها پاسخ نداد (حلقهٔ بی‌پایان؟)؛ متوقف شد."),
        [FeedbackKey.Flooded] = ("Your code printed {0} bytes, more than the grader accepts; it was stopped. Remove the printing from your code.",
            "کد شما {0} بایت چاپ کرد، بیش از آنچه ارزیاب می‌پذیرد؛ متوقف شد. چاپ را از کدتان حذف کنید."),
        [FeedbackKey.KernelDied] = ("The process running your code stopped during this part (a stack overflow, Environment.Exit, or a memory, CPU or process limit?): {0}",
            "فرایندی که کد شما را اجرا می‌کرد در این بخش متوقف شد (سرریز پشته، Environment.Exit، یا محدودیت حافظه، پردازنده یا فرایند؟): {0}"),
        [FeedbackKey.Threw] = ("Your function threw an exception: {0}", "تابع شما یک استثنا پرتاب کرد: {0}"),
        [FeedbackKey.WrongType] = ("Your function {0}; keep the signature you were given.", "تابع شما {0}؛ امضای داده‌شده را حفظ کنید."),
        [FeedbackKey.FreshFailed] = ("A check on new inputs chosen at grading time failed (the visible checks passed): {0}",
            "یک بررسی روی ورودی‌های تازه‌ای که هنگام نمره‌دهی انتخاب شدند قبول نشد (بررسی‌های آشکار قبول شدند): {0}"),
        [FeedbackKey.CellFailed] = ("A solution cell did not compile or failed when it ran: {0}", "یک سلول پاسخ کامپایل نشد یا هنگام اجرا خطا داد: {0}"),
        [FeedbackKey.NotRun] = ("This part could not run: {0}", "این بخش اجرا نشد: {0}"),
        [FeedbackKey.UngradedCellFailed] = ("Note (no points depend on it directly): {0}", "یادداشت (نمره‌ای مستقیماً به آن وابسته نیست): {0}"),
        [FeedbackKey.ManualAnswered] = ("Manual: needs the instructor. Your written answer ({0} words) is graded by hand; no automatic points.",
            "دستی: نیاز به استاد. پاسخ نوشتاری شما ({0} واژه) به‌صورت دستی نمره‌دهی می‌شود؛ نمرهٔ خودکاری ندارد."),
        [FeedbackKey.ManualUnanswered] = ("Manual: needs the instructor. No answer was written in '{0}' (it is empty or still says YOUR ANSWER HERE).",
            "دستی: نیاز به استاد. در «{0}» پاسخی نوشته نشده (خالی است یا هنوز YOUR ANSWER HERE است)."),
    };

    private static readonly Dictionary<string, (string En, string Fa)> Labels = new(StringComparer.Ordinal)
    {
        ["title"] = ("Feedback", "بازخورد"),
        ["student"] = ("Student", "دانشجو"),
        ["assignment"] = ("Assignment", "تکلیف"),
        ["score"] = ("Score", "نمره"),
        ["part"] = ("Part", "بخش"),
        ["points"] = ("Points", "امتیاز"),
        ["result"] = ("Result", "نتیجه"),
        ["notes"] = ("Notes", "یادداشت‌ها"),
        ["manual"] = ("points graded by the instructor", "امتیاز با نمره‌دهی استاد"),
        ["checkedCol"] = ("What was checked", "چه چیزی بررسی شد"),
        ["expected"] = ("Expected", "مقدار مورد انتظار"),
        ["actual"] = ("Came out", "نتیجهٔ کد شما"),
        ["checked"] = ("{0}, called {1} by the checks (hidden tests included), then on {2} chosen at grading time",
            "{0}، {1} با بررسی‌ها (از جمله آزمون‌های پنهان) و سپس روی {2} انتخاب‌شده هنگام نمره‌دهی فراخوانی شد"),
        ["checkedNoFresh"] = ("{0}, called {1} by the checks (hidden tests included)",
            "{0}، {1} با بررسی‌ها (از جمله آزمون‌های پنهان) فراخوانی شد"),
        ["callsOne"] = ("once", "۱ بار"),
        ["callsMany"] = ("{0} times", "{0} بار"),
        ["freshOne"] = ("1 new input", "۱ ورودی تازهٔ"),
        ["freshMany"] = ("{0} new inputs", "{0} ورودی تازهٔ"),
        ["checkedNone"] = ("nothing could be called", "هیچ چیز فراخوانی نشد"),
        ["expectedPass"] = ("the values of the reference solution", "مقدارهای پاسخ مرجع"),
        ["actualPass"] = ("the same values", "همان مقدارها"),
        ["footer"] = ("Graded automatically by normdecay grade: your solution cells ran in a sandbox, and the original checks and hidden tests compared the values your functions returned with the reference.",
            "به‌طور خودکار با normdecay grade نمره‌دهی شد: سلول‌های پاسخ شما در یک محیط ایزوله اجرا شدند و بررسی‌های اصلی و آزمون‌های پنهان مقدارهایی را که تابع‌های شما برگرداندند با مرجع مقایسه کردند."),
    };

    /// <summary>The sentence for <paramref name="key"/> with <paramref name="argument"/>, in "fa" or (otherwise) English; in Persian a
    /// purely numeric argument is written in Persian digits.</summary>
    public static string Format(FeedbackKey key, string argument, string language)
    {
        var (en, fa) = Sentences[key];
        if (language != "fa")
        {
            return string.Format(CultureInfo.InvariantCulture, en, argument);
        }

        // A bare number (a word count, seconds, characters) is prose and takes Persian digits; messages from code keep theirs.
        bool number = argument.Length > 0 && argument.All(char.IsAsciiDigit);
        return string.Format(CultureInfo.InvariantCulture, fa, number ? Export.SiteStrings.LocalDigits(argument, "fa") : argument);
    }

    /// <summary>The gradebook note of a failed part: the kind of failure in a few English words.</summary>
    public static string Note(FeedbackKey key) => key switch
    {
        FeedbackKey.TimedOut => "timed out",
        FeedbackKey.Flooded => "output flood",
        FeedbackKey.KernelDied => "sandbox process ended",
        FeedbackKey.NotImplemented => "not implemented",
        FeedbackKey.MissingName or FeedbackKey.CompileError or FeedbackKey.MissingSolution => "does not compile",
        FeedbackKey.Threw => "threw",
        FeedbackKey.WrongType => "wrong type",
        FeedbackKey.FreshFailed => "fresh inputs differ",
        FeedbackKey.Failed => "check failed",
        FeedbackKey.Unreadable => "unreadable",
        FeedbackKey.Foreign => "not this assignment",
        FeedbackKey.NotRun => "not run",
        _ => "",
    };

    /// <summary>A page label ("title", "student", "assignment", "score", "part", "points", "result", "notes", "manual", "footer").</summary>
    public static string Label(string name, string language) => language == "fa" ? Labels[name].Fa : Labels[name].En;
}
