using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// A submitted notebook turned into the notebook the grader executes. The instructor's source is the skeleton: every
/// cell except the solution cells comes from it (test cells with their hidden tests, setup, helpers), so nothing the
/// student did to those cells counts; solution cells come from the submission, matched by grade_id. Cells the student
/// added (without nbgrader metadata) are kept in place, since a solution may use them. A deleted or unmarked test cell is
/// not restored: its part scores zero.
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

    /// <summary>The student: the parent folder's name when the file is named like the assignment (nbgrader's layout), else the file name.</summary>
    public string Student { get; }

    /// <summary>"fa" when the markdown is wrapped right-to-left in Persian, else "en".</summary>
    public string Language { get; private set; }

    /// <summary>The notebook to execute, or null when the submission could not be used at all.</summary>
    public NotebookFile? Prepared { get; private set; }

    /// <summary>Which cell index of <see cref="Prepared"/> runs which part.</summary>
    public IReadOnlyDictionary<int, GradedPart> PartCells { get; private set; } = new Dictionary<int, GradedPart>();

    /// <summary>Problems found before execution, each a sentence for the feedback (e.g. a deleted test cell).</summary>
    public List<FeedbackLine> Problems { get; } = [];

    /// <summary>Parts that cannot score (their test cell is missing), with the reason.</summary>
    public Dictionary<string, FeedbackLine> Forfeited { get; } = new(StringComparer.Ordinal);

    /// <summary>The student name for a submission path (see <see cref="Student"/>).</summary>
    public static string StudentOf(string path, IEnumerable<AssignmentKey> keys)
    {
        string full = System.IO.Path.GetFullPath(path);
        string stem = System.IO.Path.GetFileNameWithoutExtension(full);
        bool namedLikeAssignment = keys.Any(k => string.Equals(stem, System.IO.Path.GetFileNameWithoutExtension(k.SourcePath), StringComparison.OrdinalIgnoreCase) || string.Equals(stem, k.Id, StringComparison.OrdinalIgnoreCase));
        return namedLikeAssignment ? System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(full)) ?? stem : stem;
    }

    /// <summary>Reads and prepares a submission. Never throws for bad submissions: problems go to <see cref="Problems"/>.</summary>
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
            string text = File.ReadAllText(s.Path);
            s.Language = text.Contains("dir=\\\"rtl\\\" lang=\\\"fa\\\"", StringComparison.Ordinal) ? "fa" : "en";
            submitted = NotebookFile.Parse(text, System.IO.Path.GetFileName(s.Path));
            s.Language = submitted.Cells.Any(c => c.IsMarkdown && c.Source.Contains("lang=\"fa\"", StringComparison.Ordinal)) ? "fa" : "en";
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
        s.Build(submitted, matched);
        return s;
    }

    private void Build(NotebookFile submitted, AssignmentKey key)
    {
        var byGradeId = new Dictionary<string, NotebookCell>(StringComparer.Ordinal);
        foreach (NotebookCell c in submitted.Cells)
        {
            if (GradeCell.Of(c) is { } g)
            {
                byGradeId.TryAdd(g.GradeId, c);
            }
        }

        // Source cells in order; each knows whether it is a solution cell, a test, or trusted.
        var sourceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < key.Source.Cells.Count; i++)
        {
            if (GradeCell.Of(key.Source.Cells[i]) is { } g)
            {
                sourceIndex[g.GradeId] = i;
            }
        }

        NotebookFile prepared = key.Source.Clone();
        var cells = new List<NotebookCell>();
        var parts = new Dictionary<int, GradedPart>();
        int emitted = -1; // last source cell index emitted

        void EmitSourceUpTo(int limit)
        {
            for (int i = emitted + 1; i <= limit; i++)
            {
                NotebookCell src = key.Source.Cells[i];
                GradeCell? g = GradeCell.Of(src);
                if (g is null)
                {
                    continue; // unmarked instructor cells (markdown, playground) are left to the submission
                }

                if (g.Solution)
                {
                    if (!byGradeId.ContainsKey(g.GradeId))
                    {
                        Problems.Add(new FeedbackLine(FeedbackKey.MissingSolution, g.GradeId));
                    }

                    continue;
                }

                if (g.IsTest && !byGradeId.ContainsKey(g.GradeId))
                {
                    Forfeited[g.GradeId] = new FeedbackLine(FeedbackKey.MissingTest, g.GradeId);
                    continue;
                }

                var copy = new NotebookCell((System.Text.Json.Nodes.JsonObject)src.Json.DeepClone());
                copy.ClearOutputs();
                if (g.IsTest)
                {
                    parts[cells.Count] = key.Parts.First(p => p.GradeId == g.GradeId);
                }

                cells.Add(copy);
            }

            emitted = Math.Max(emitted, limit);
        }

        foreach (NotebookCell c in submitted.Cells)
        {
            GradeCell? g = GradeCell.Of(c);
            if (g is not null && sourceIndex.TryGetValue(g.GradeId, out int at))
            {
                if (at <= emitted)
                {
                    continue; // moved above an earlier cell, or duplicated: the instructor's order wins
                }

                EmitSourceUpTo(at - 1);
                NotebookCell src = key.Source.Cells[at];
                GradeCell sg = GradeCell.Of(src)!;
                if (sg.Solution)
                {
                    var copy = new NotebookCell((System.Text.Json.Nodes.JsonObject)src.Json.DeepClone());
                    copy.Source = c.IsCode == src.IsCode ? c.Source : "";
                    copy.ClearOutputs();
                    cells.Add(copy);
                    emitted = at;
                }
                else
                {
                    EmitSourceUpTo(at);
                }
            }
            else if (c.IsCode && g is null)
            {
                var extra = new NotebookCell((System.Text.Json.Nodes.JsonObject)c.Json.DeepClone());
                extra.ClearOutputs();
                cells.Add(extra); // the student's own helper or playground cell
            }
        }

        EmitSourceUpTo(key.Source.Cells.Count - 1);
        var array = new System.Text.Json.Nodes.JsonArray();
        foreach (NotebookCell c in cells)
        {
            array.Add(c.Json.DeepClone());
        }

        prepared.Root["cells"] = array;
        Prepared = NotebookFile.Parse(prepared.ToJson(), System.IO.Path.GetFileName(Path));
        PartCells = parts;
    }
}
