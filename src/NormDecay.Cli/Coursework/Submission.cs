using NormDecay.Charts.Text;
using NormDecay.Cli.Execution;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// What the grader takes from a submitted notebook: the source of each solution cell, found by the grade_id of the
/// instructor's solution cells (the first code cell with that grade_id; nothing else of the submission is read: not
/// its outputs, not its test or helper cells, not its order), the answers of manually graded cells, and the language.
/// </summary>
public sealed class Submission
{
    private Submission(string path, string student, string language)
    {
        Path = path;
        Student = student;
        Language = language;
    }

    /// <summary>The submitted file.</summary>
    public string Path { get; }

    /// <summary>
    /// The student: in nbgrader's layout <c>submitted/&lt;student&gt;/&lt;assignment&gt;/*.ipynb</c> the folder above the
    /// assignment folder; for <c>&lt;student&gt;/&lt;assignment&gt;.ipynb</c> the parent folder; else the file name.
    /// </summary>
    public string Student { get; }

    /// <summary>
    /// The submission's language, one of <see cref="CourseLanguage.Supported"/>: the notebook's own
    /// (<c>metadata.normdecay.lang</c>, which <c>translate</c> writes and <c>assign</c> keeps), else its folder's name,
    /// else <see cref="CourseLanguage.Default"/>, as <c>run</c> and <c>export</c> decide it.
    /// </summary>
    public string Language { get; private set; }

    /// <summary>Solution sources by grade_id (missing: the cell was deleted or its metadata removed).</summary>
    public Dictionary<string, string> Solutions { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers of manually graded cells by grade_id.</summary>
    public Dictionary<string, string> Answers { get; } = new(StringComparer.Ordinal);

    /// <summary>Problems found before grading, each a sentence for the feedback; the first one stops grading when <see cref="Usable"/> is false.</summary>
    public List<FeedbackLine> Problems { get; } = [];

    /// <summary>False when the file could not be used at all (unreadable, or not this assignment).</summary>
    public bool Usable { get; private set; }

    /// <summary>The language of a submitted notebook (see <see cref="Language"/>).</summary>
    internal static string LanguageOf(NotebookFile submitted, string path) =>
        CourseLanguage.OrDefault(NotebookMetadata.Language(submitted) ?? RepositoryLayout.LanguageOfFolder(path));

    /// <summary>The student name for a submission path (see <see cref="Student"/>).</summary>
    public static string StudentOf(string path, IEnumerable<AssignmentKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        string full = System.IO.Path.GetFullPath(path);
        string stem = System.IO.Path.GetFileNameWithoutExtension(full);
        string? dir = System.IO.Path.GetDirectoryName(full);
        string folder = System.IO.Path.GetFileName(dir) ?? "";
        bool Named(string s) => keys.Any(k => string.Equals(s, System.IO.Path.GetFileNameWithoutExtension(k.SourcePath), StringComparison.OrdinalIgnoreCase) || string.Equals(s, k.Id, StringComparison.OrdinalIgnoreCase));
        if (Named(folder) && System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(dir)) is { Length: > 0 } student)
        {
            return student; // submitted/<student>/<assignment>/<file>.ipynb
        }

        string bare = stem.EndsWith(".fa", StringComparison.OrdinalIgnoreCase) ? stem[..^3] : stem;
        return Named(bare) && folder.Length > 0 ? folder : stem;
    }

    /// <summary>Reads a submission. Never throws for bad submissions: problems go to <see cref="Problems"/>.</summary>
    /// <param name="path">The submitted .ipynb.</param>
    /// <param name="keys">The assignments being graded.</param>
    /// <param name="key">The assignment it was matched to (the only one, when a single assignment is graded), or null.</param>
    public static Submission Prepare(string path, IReadOnlyList<AssignmentKey> keys, out AssignmentKey? key)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var s = new Submission(System.IO.Path.GetFullPath(path), StudentOf(path, keys), "en");
        key = keys.Count == 1 ? keys[0] : null;
        NotebookFile submitted;
        try
        {
            submitted = NotebookFile.Parse(File.ReadAllText(s.Path), System.IO.Path.GetFileName(s.Path));
            s.Language = LanguageOf(submitted, s.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            s.Problems.Add(new FeedbackLine(FeedbackKey.Unreadable, e.Message));
            return s;
        }

        string? id = GradeCell.AssignmentId(submitted);
        var gradeIds = submitted.Cells.Select(GradeCell.Of).Where(g => g is not null).Select(g => g!.GradeId).ToHashSet(StringComparer.Ordinal);
        AssignmentKey? matched = keys.FirstOrDefault(k => k.Id == id)
            ?? keys.FirstOrDefault(k => string.Equals(System.IO.Path.GetFileName(k.SourcePath), System.IO.Path.GetFileName(s.Path), StringComparison.OrdinalIgnoreCase))
            ?? keys.Where(k => k.Parts.Any(p => gradeIds.Contains(p.GradeId))).OrderByDescending(k => k.Parts.Count(p => gradeIds.Contains(p.GradeId))).FirstOrDefault();
        if (matched is null || (id is not null && id != matched.Id) || !matched.Source.Cells.Select(GradeCell.Of).Any(g => g is not null && gradeIds.Contains(g.GradeId)))
        {
            s.Problems.Add(new FeedbackLine(FeedbackKey.Foreign, id ?? "-"));
            return s;
        }

        key = matched;
        var solutionIds = matched.Source.Cells.Where(c => c.IsCode).Select(GradeCell.Of).Where(g => g is { Solution: true, Grade: false }).Select(g => g!.GradeId).ToList();
        var manualIds = matched.Parts.Where(p => p.Manual).Select(p => p.GradeId).ToHashSet(StringComparer.Ordinal);
        foreach (NotebookCell c in submitted.Cells)
        {
            if (GradeCell.Of(c) is not { } g)
            {
                continue;
            }

            if (c.IsCode && solutionIds.Contains(g.GradeId))
            {
                s.Solutions.TryAdd(g.GradeId, c.Source);
            }
            else if (manualIds.Contains(g.GradeId))
            {
                s.Answers.TryAdd(g.GradeId, c.Source);
            }
        }

        foreach (string missing in solutionIds.Where(i => !s.Solutions.ContainsKey(i)))
        {
            s.Problems.Add(new FeedbackLine(FeedbackKey.MissingSolution, missing));
        }

        s.Usable = true;
        return s;
    }
}
