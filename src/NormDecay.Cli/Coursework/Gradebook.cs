using System.Globalization;
using System.Text;
using NormDecay.Cli.IO;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Coursework;

/// <summary>One row of the long gradebook.</summary>
/// <param name="Student">The student.</param>
/// <param name="Assignment">The assignment id.</param>
/// <param name="Part">The part (grade_id).</param>
/// <param name="Points">Points earned.</param>
/// <param name="Max">Points available.</param>
/// <param name="Note">Empty for a pass; the failure's kind, or "manual: needs the instructor".</param>
public sealed record GradebookRow(string Student, string Assignment, string Part, double Points, double Max, string Note);

/// <summary>
/// The gradebooks, written atomically: the long one (<c>gradebook.csv</c>: <c>student,assignment,part,points,max,note</c>,
/// a row per student and part, sorted) and the wide one (<c>gradebook-wide.csv</c>: a row per student, a column per
/// assignment part, then each assignment's score and the total). Shards' gradebooks merge into one
/// (<see cref="Merge"/>). A manually graded part has 0 points, its full points as max, and the note "manual: needs the instructor".
/// </summary>
public static class Gradebook
{
    /// <summary>The header line of the long gradebook.</summary>
    public const string Header = "student,assignment,part,points,max,note";

    /// <summary>The long gradebook's file name.</summary>
    public const string LongFile = "gradebook.csv";

    /// <summary>The wide gradebook's file name.</summary>
    public const string WideFile = "gradebook-wide.csv";

    /// <summary>The rows of <paramref name="grades"/>, sorted by student, assignment, then part order.</summary>
    public static IReadOnlyList<GradebookRow> Rows(IEnumerable<SubmissionGrade> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        return [.. grades.OrderBy(g => g.Student, StringComparer.Ordinal).ThenBy(g => g.Assignment, StringComparer.Ordinal).ThenBy(g => g.File, StringComparer.Ordinal)
            .SelectMany(g => g.Parts.Select(p => new GradebookRow(g.Student, g.Assignment, p.GradeId, p.Points, p.Max, p.Note)))];
    }

    /// <summary>The long CSV text.</summary>
    public static string Format(IEnumerable<SubmissionGrade> grades) => FormatLong(Rows(grades));

    /// <summary>The long CSV text of <paramref name="rows"/> (in their order).</summary>
    public static string FormatLong(IEnumerable<GradebookRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder(Header).Append('\n');
        foreach (GradebookRow r in rows)
        {
            sb.Append(Quote(r.Student)).Append(',').Append(Quote(r.Assignment)).Append(',').Append(Quote(r.Part)).Append(',')
              .Append(GradeCell.Format(r.Points)).Append(',').Append(GradeCell.Format(r.Max)).Append(',').Append(Quote(r.Note)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// The wide CSV text: <c>student</c>, then <c>&lt;assignment&gt;/&lt;part&gt;</c> columns (points; in first-seen order),
    /// <c>&lt;assignment&gt;/score</c> (autograded points), and <c>total</c>; an empty cell where a student has no row.
    /// </summary>
    public static string FormatWide(IEnumerable<GradebookRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var columns = list.Select(r => (r.Assignment, r.Part)).Distinct().ToList();
        var assignments = columns.Select(c => c.Assignment).Distinct().ToList();
        var sb = new StringBuilder("student");
        foreach (string a in assignments)
        {
            foreach (var c in columns.Where(c => c.Assignment == a))
            {
                sb.Append(',').Append(Quote($"{a}/{c.Part}"));
            }

            sb.Append(',').Append(Quote($"{a}/score"));
        }

        sb.Append(",total\n");
        foreach (var student in list.GroupBy(r => r.Student).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byKey = student.GroupBy(r => (r.Assignment, r.Part)).ToDictionary(g => g.Key, g => g.First());
            sb.Append(Quote(student.Key));
            double total = 0;
            foreach (string a in assignments)
            {
                double score = 0;
                bool any = false;
                foreach (var c in columns.Where(c => c.Assignment == a))
                {
                    sb.Append(',');
                    if (byKey.TryGetValue(c, out GradebookRow? r))
                    {
                        sb.Append(GradeCell.Format(r.Points));
                        score += r.Points;
                        any = true;
                    }
                }

                sb.Append(',').Append(any ? GradeCell.Format(score) : "");
                total += score;
            }

            sb.Append(',').Append(GradeCell.Format(total)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Writes both gradebooks of <paramref name="grades"/> into <paramref name="directory"/>.</summary>
    public static void Write(string directory, IEnumerable<SubmissionGrade> grades) => Write(directory, Rows(grades));

    /// <summary>Writes both gradebooks of <paramref name="rows"/> into <paramref name="directory"/>.</summary>
    public static void Write(string directory, IReadOnlyList<GradebookRow> rows)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, LongFile), FormatLong(rows));
        AtomicFile.WriteAllText(Path.Combine(directory, WideFile), FormatWide(rows));
    }

    /// <summary>Reads a long gradebook.</summary>
    /// <exception cref="InvalidDataException">Not a gradebook (header), or a malformed line (named with its number).</exception>
    public static IReadOnlyList<GradebookRow> Read(string path)
    {
        string[] lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new InvalidDataException($"{path}: not a gradebook (the first line is not '{Header}').");
        }

        var rows = new List<GradebookRow>();
        for (int i = 1; i < lines.Length; i++)
        {
            List<string> f = Split(lines[i]);
            if (f.Count != 6 || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double pts) || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out double max))
            {
                throw new InvalidDataException($"{path}, line {i + 1}: expected 6 fields (student,assignment,part,points,max,note) with numeric points and max.");
            }

            rows.Add(new GradebookRow(f[0], f[1], f[2], pts, max, f[5]));
        }

        return rows;
    }

    /// <summary>Merges shards' long gradebooks: rows are combined and sorted; the same (student, assignment, part) twice with different values is an error.</summary>
    /// <exception cref="InvalidDataException">A conflict (named), or an unreadable gradebook.</exception>
    public static IReadOnlyList<GradebookRow> Merge(IEnumerable<IReadOnlyList<GradebookRow>> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var seen = new Dictionary<(string, string, string), GradebookRow>();
        var order = new List<GradebookRow>();
        foreach (GradebookRow r in shards.SelectMany(s => s))
        {
            if (seen.TryGetValue((r.Student, r.Assignment, r.Part), out GradebookRow? old))
            {
                if (old != r)
                {
                    throw new InvalidDataException($"student '{r.Student}', {r.Assignment}/{r.Part} is graded twice with different results ({GradeCell.Format(old.Points)} and {GradeCell.Format(r.Points)}); did two shards overlap?");
                }

                continue;
            }

            seen[(r.Student, r.Assignment, r.Part)] = r;
            order.Add(r);
        }

        return [.. order.Select((r, i) => (r, i)).OrderBy(x => x.r.Student, StringComparer.Ordinal).ThenBy(x => x.r.Assignment, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.r)];
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.ToString());
        return fields;
    }

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 || s.StartsWith('=') || s.StartsWith('+') || s.StartsWith('-') || s.StartsWith('@')
            ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : s;
}
