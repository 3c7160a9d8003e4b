namespace NormDecay.Cli.Coursework;

/// <summary>
/// What <c>Console</c> means inside the instructor's test cells when the grader runs them in its own process (an alias in
/// the test scripts): their progress lines ("Part 1: all checks passed.") are dropped instead of mixing into the
/// grader's output.
/// </summary>
public static class QuietConsole
{
    /// <summary>Drops the line.</summary>
    public static void WriteLine() { }

    /// <summary>Drops the line.</summary>
    public static void WriteLine(object? value) => _ = value;

    /// <summary>Drops the line.</summary>
    public static void WriteLine(string? value) => _ = value;

    /// <summary>Drops the text.</summary>
    public static void Write(object? value) => _ = value;

    /// <summary>Drops the text.</summary>
    public static void Write(string? value) => _ = value;
}
