using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// One graded part: an autograded test cell of the instructor's source (hidden tests included) and its points, or a
/// manually graded answer cell (nbgrader <c>grade</c> and <c>solution</c> both true, e.g. a written answer in markdown),
/// which the grader records with 0 automatic points as "manual: needs the instructor".
/// </summary>
/// <param name="GradeId">The cell's grade_id (the part's name in the gradebook).</param>
/// <param name="Points">The part's points.</param>
/// <param name="Source">The instructor's test code, hidden tests included (for a manual part: the model answer).</param>
/// <param name="Manual">True for a part the instructor grades by hand.</param>
public sealed record GradedPart(string GradeId, double Points, string Source, bool Manual = false);

/// <summary>
/// The instructor's source of one assignment, as the grader uses it: its id, its graded parts (autograded and manual, in
/// notebook order), and
/// every cell the grader trusts (all cells except the solution cells, which come from the submission).
/// </summary>
public sealed class AssignmentKey
{
    private readonly Lock gate = new();
    private TrustedTests? tests;

    private AssignmentKey(string id, string path, NotebookFile source, IReadOnlyList<GradedPart> parts)
    {
        Id = id;
        SourcePath = path;
        Source = source;
        Parts = parts;
    }

    /// <summary>The assignment id (<c>metadata.normdecay.assignment</c>, else the file name without extension).</summary>
    public string Id { get; }

    /// <summary>The instructor's source notebook.</summary>
    public string SourcePath { get; }

    /// <summary>The instructor's source (never modified).</summary>
    public NotebookFile Source { get; }

    /// <summary>The graded parts in notebook order: autograded test cells and manually graded answer cells (<see cref="GradedPart.Manual"/>).</summary>
    public IReadOnlyList<GradedPart> Parts { get; }

    /// <summary>The points the autograder can award (manual parts excluded).</summary>
    public double MaxScore => Parts.Where(p => !p.Manual).Sum(p => p.Points);

    /// <summary>The points the instructor awards by hand (manual parts).</summary>
    public double ManualScore => Parts.Where(p => p.Manual).Sum(p => p.Points);

    /// <summary>The tests compiled for the grader's process (once per key), checked against the instructor's solution.</summary>
    /// <param name="libraryDirectory">The course libraries (artifacts/lib).</param>
    /// <exception cref="InvalidDataException">See <see cref="TrustedTests.Compile"/>.</exception>
    public TrustedTests Tests(string libraryDirectory)
    {
        lock (gate)
        {
            return tests ??= TrustedTests.Compile(this, libraryDirectory);
        }
    }

    /// <summary>Reads an instructor source.</summary>
    /// <exception cref="InvalidDataException">Unreadable, no graded part, or a duplicate grade_id (named).</exception>
    public static AssignmentKey Load(string path)
    {
        string full = Path.GetFullPath(path);
        NotebookFile nb = NotebookFile.Load(full);
        var parts = new List<GradedPart>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (NotebookCell cell in nb.Cells)
        {
            if (GradeCell.Of(cell) is not { } g)
            {
                continue;
            }

            if (!ids.Add(g.GradeId))
            {
                throw new InvalidDataException($"{full}: grade_id '{g.GradeId}' is used by two cells.");
            }

            if (g.IsTest && cell.IsCode)
            {
                parts.Add(new GradedPart(g.GradeId, g.Points, cell.Source));
            }
            else if (g.IsManual)
            {
                parts.Add(new GradedPart(g.GradeId, g.Points, cell.Source, Manual: true));
            }
        }

        if (!parts.Any(p => !p.Manual))
        {
            throw new InvalidDataException($"{full}: no autograded cell (nbgrader grade=true, solution=false); is this an assignment source?");
        }

        return new AssignmentKey(GradeCell.AssignmentId(nb) ?? Path.GetFileNameWithoutExtension(full), full, nb, parts);
    }
}
