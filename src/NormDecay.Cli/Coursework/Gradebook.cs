using System.Text;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// The gradebook: one CSV row per student and part (<c>student,assignment,part,points,max,note</c>), sorted, written
/// atomically. A manually graded part has 0 points, its full points as max, and the note "manual: needs the instructor".
/// </summary>
public static class Gradebook
{
    /// <summary>The header line.</summary>
    public const string Header = "student,assignment,part,points,max,note";

    /// <summary>The CSV text for <paramref name="grades"/> (rows sorted by student, assignment, then part order).</summary>
    public static string Format(IEnumerable<SubmissionGrade> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var sb = new StringBuilder(Header).Append('\n');
        foreach (SubmissionGrade g in grades.OrderBy(g => g.Student, StringComparer.Ordinal).ThenBy(g => g.Assignment, StringComparer.Ordinal).ThenBy(g => g.File, StringComparer.Ordinal))
        {
            foreach (PartScore p in g.Parts)
            {
                sb.Append(Quote(g.Student)).Append(',').Append(Quote(g.Assignment)).Append(',').Append(Quote(p.GradeId)).Append(',')
                  .Append(GradeCell.Format(p.Points)).Append(',').Append(GradeCell.Format(p.Max)).Append(',').Append(Quote(p.Note)).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Writes <see cref="Format"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, IEnumerable<SubmissionGrade> grades) => AtomicWrite.WriteAllText(path, Format(grades));

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 || s.StartsWith('=') || s.StartsWith('+') || s.StartsWith('-') || s.StartsWith('@')
            ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : s;
}
