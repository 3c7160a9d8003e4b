using System.Globalization;
using System.Text.Json.Nodes;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// nbgrader's cell metadata (<c>metadata.nbgrader</c>, schema 3): a cell with <see cref="Solution"/> is where the student
/// writes; a cell with <see cref="Grade"/> and not <see cref="Solution"/> is an autograded test worth <see cref="Points"/>;
/// <see cref="Locked"/> cells are restored from the instructor's source when grading.
/// </summary>
/// <param name="GradeId">The cell's unique name within the assignment (nbgrader <c>grade_id</c>).</param>
/// <param name="Points">Points of a graded cell (0 otherwise).</param>
/// <param name="Solution">The student edits this cell.</param>
/// <param name="Grade">The cell is graded.</param>
/// <param name="Locked">The cell is read-only for the student.</param>
public sealed record GradeCell(string GradeId, double Points, bool Solution, bool Grade, bool Locked)
{
    /// <summary>True for an autograded test cell (graded, not a solution).</summary>
    public bool IsTest => Grade && !Solution;

    /// <summary>True for a manually graded answer cell (graded and a solution: nbgrader's "manually graded answer").</summary>
    public bool IsManual => Grade && Solution;

    /// <summary>The nbgrader metadata of <paramref name="cell"/>, or null when it has none (or no grade_id).</summary>
    public static GradeCell? Of(NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Json["metadata"]?["nbgrader"] is not JsonObject nb || nb["grade_id"] is not JsonValue idValue || !idValue.TryGetValue(out string? id) || string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        double points = nb["points"] is JsonValue p && p.TryGetValue(out double d) && double.IsFinite(d) && d >= 0 ? d : 0;
        return new GradeCell(id, points, Flag(nb, "solution"), Flag(nb, "grade"), Flag(nb, "locked"));
    }

    /// <summary>The assignment id of a notebook: <c>metadata.normdecay.assignment</c>, or null.</summary>
    public static string? AssignmentId(NotebookFile notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return notebook.Root["metadata"]?["normdecay"]?["assignment"] is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s) ? s : null;
    }

    /// <summary>Points as text ("3", "1.5").</summary>
    public static string Format(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    private static bool Flag(JsonObject nb, string name) => nb[name] is JsonValue v && v.TryGetValue(out bool b) && b;
}
