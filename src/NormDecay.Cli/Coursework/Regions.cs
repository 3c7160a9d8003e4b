using System.Text;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// The nbgrader regions of a cell, written as C# <c>//</c> comments on lines of their own:
/// <c>// ### BEGIN SOLUTION</c> ... <c>// ### END SOLUTION</c> (replaced by a stub in the student release) and
/// <c>// ### BEGIN HIDDEN TESTS</c> ... <c>// ### END HIDDEN TESTS</c> (removed from the release, restored when grading).
/// Markers are matched after trimming, case-insensitively, with or without the <c>//</c>, as nbgrader does.
/// </summary>
public static class Regions
{
    /// <summary>Opens a solution region.</summary>
    public const string BeginSolution = "### BEGIN SOLUTION";

    /// <summary>Closes a solution region.</summary>
    public const string EndSolution = "### END SOLUTION";

    /// <summary>Opens a hidden-tests region.</summary>
    public const string BeginHiddenTests = "### BEGIN HIDDEN TESTS";

    /// <summary>Closes a hidden-tests region.</summary>
    public const string EndHiddenTests = "### END HIDDEN TESTS";

    /// <summary>What a markdown solution cell becomes in the release (nbgrader's text).</summary>
    public const string MarkdownAnswer = "YOUR ANSWER HERE";

    /// <summary>The statement a code solution region becomes in the student release.</summary>
    public static string Stub(string cellId) => $"throw new NotImplementedException(\"Write your code for '{cellId}' here.\");";

    /// <summary>True when <paramref name="source"/> has a solution region.</summary>
    public static bool HasSolution(string source) => Lines(source).Any(l => IsMarker(l, BeginSolution));

    /// <summary>True when <paramref name="source"/> has a hidden-tests region.</summary>
    public static bool HasHiddenTests(string source) => Lines(source).Any(l => IsMarker(l, BeginHiddenTests));

    /// <summary>Replaces every solution region (markers included) by <see cref="Stub"/>, indented like the opening marker.</summary>
    /// <param name="source">The cell source.</param>
    /// <param name="cellId">Names the cell in the stub and in errors.</param>
    /// <exception cref="InvalidDataException">A region is not closed, closed twice, or nested; the message names the cell and line.</exception>
    public static string StubSolutions(string source, string cellId) =>
        Replace(source, cellId, BeginSolution, EndSolution, indent => indent + Stub(cellId));

    /// <summary>Removes every hidden-tests region, markers included.</summary>
    /// <exception cref="InvalidDataException">A region is not closed, closed twice, or nested; the message names the cell and line.</exception>
    public static string RemoveHiddenTests(string source, string cellId) =>
        Replace(source, cellId, BeginHiddenTests, EndHiddenTests, _ => null);

    private static string Replace(string source, string cellId, string begin, string end, Func<string, string?> replacement)
    {
        ArgumentNullException.ThrowIfNull(source);
        var sb = new StringBuilder();
        string[] lines = Lines(source);
        int opened = -1;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (IsMarker(line, begin))
            {
                if (opened >= 0)
                {
                    throw new InvalidDataException($"cell '{cellId}': line {i + 1} opens '{begin}' inside the region opened on line {opened + 1}.");
                }

                opened = i;
                if (replacement(line[..(line.Length - line.TrimStart().Length)]) is { } text)
                {
                    sb.Append(text).Append('\n');
                }

                continue;
            }

            if (IsMarker(line, end))
            {
                if (opened < 0)
                {
                    throw new InvalidDataException($"cell '{cellId}': line {i + 1} has '{end}' without an opening '{begin}'.");
                }

                opened = -1;
                continue;
            }

            if (opened < 0)
            {
                sb.Append(line).Append('\n');
            }
        }

        if (opened >= 0)
        {
            throw new InvalidDataException($"cell '{cellId}': the region '{begin}' opened on line {opened + 1} is never closed with '{end}'.");
        }

        string result = sb.ToString();
        return source.EndsWith('\n') ? result : result.TrimEnd('\n');
    }

    private static string[] Lines(string source) => source.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static bool IsMarker(string line, string marker)
    {
        string t = line.Trim();
        if (t.StartsWith("//", StringComparison.Ordinal))
        {
            t = t[2..].Trim();
        }

        return string.Equals(t, marker, StringComparison.OrdinalIgnoreCase);
    }
}
