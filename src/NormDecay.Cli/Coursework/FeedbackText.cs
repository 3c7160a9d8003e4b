using System.Globalization;
using NormDecay.Charts.Text;
using NormDecay.Cli.Text;

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

/// <summary>
/// The grader's sentences and page labels in each course language, from the tool's string table (<see cref="ToolText"/>:
/// <c>feedback.&lt;key&gt;</c> for a <see cref="FeedbackKey"/>, <c>feedback.page.&lt;name&gt;</c> for a label).
/// </summary>
public static class FeedbackText
{
    /// <summary>The names <see cref="Label"/> takes, in the order the feedback page uses them.</summary>
    public static IReadOnlyList<string> LabelNames { get; } =
        ["title", "student", "assignment", "score", "part", "points", "result", "notes", "manual", "checkedCol", "expected", "actual", "checked", "checkedNoFresh", "callsOne", "callsMany", "freshOne", "freshMany", "checkedNone", "expectedPass", "actualPass", "footer"];

    /// <summary>The sentence for <paramref name="key"/> with <paramref name="argument"/>, in <paramref name="language"/> (English for a
    /// language the course does not have); in Persian a purely numeric argument is written in Persian digits.</summary>
    public static string Format(FeedbackKey key, string argument, string language)
    {
        ArgumentNullException.ThrowIfNull(argument);
        string lang = CourseLanguage.OrDefault(language);

        // A bare number (a word count, seconds, characters) is prose and takes local digits; messages from code keep theirs.
        bool number = argument.Length > 0 && argument.All(char.IsAsciiDigit);
        return string.Format(CultureInfo.InvariantCulture, ToolText.Get(SentenceKey(key), lang), number ? CourseLanguage.LocalDigits(argument, lang) : argument);
    }

    /// <summary>The string-table key of <paramref name="key"/>'s sentence: <c>feedback.</c> and the name in camel case.</summary>
    public static string SentenceKey(FeedbackKey key)
    {
        string name = key.ToString();
        return "feedback." + char.ToLowerInvariant(name[0]) + name[1..];
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

    /// <summary>A page label, one of <see cref="LabelNames"/> ("title", "student", "score", ..., "footer").</summary>
    /// <exception cref="KeyNotFoundException">An unknown name; the message names it.</exception>
    public static string Label(string name, string language) => ToolText.Get("feedback.page." + name, language);
}
