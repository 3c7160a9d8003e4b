using System.Diagnostics;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Coursework;

/// <summary>The score of one part.</summary>
/// <param name="GradeId">The part (its test cell's grade_id).</param>
/// <param name="Points">Points earned: all or nothing, as in nbgrader.</param>
/// <param name="Max">Points available.</param>
/// <param name="Line">What happened, for the feedback.</param>
/// <param name="Manual">True for a manually graded part: 0 automatic points, "manual: needs the instructor".</param>
public sealed record PartScore(string GradeId, double Points, double Max, FeedbackLine Line, bool Manual = false)
{
    /// <summary>The gradebook note of a manual part.</summary>
    public const string ManualNote = "manual: needs the instructor";

    /// <summary>True when the part earned its points (never for a manual part, which the autograder does not score).</summary>
    public bool Passed => !Manual && (Points > 0 || (Max == 0 && Line.Key == FeedbackKey.Passed));

    /// <summary>The gradebook note: <see cref="ManualNote"/> for a manual part, else empty.</summary>
    public string Note => Manual ? ManualNote : "";
}

/// <summary>The grade of one submission.</summary>
/// <param name="Student">The student (see <see cref="Submission.Student"/>).</param>
/// <param name="File">The submitted file.</param>
/// <param name="Assignment">The assignment id, or "(unidentified)".</param>
/// <param name="Language">"en" or "fa": the feedback's language.</param>
/// <param name="Parts">One score per part of the assignment.</param>
/// <param name="Notes">Problems not tied to one part (unreadable file, deleted cells, failing ungraded cells).</param>
/// <param name="Executed">False when the notebook could not be run at all (unreadable, foreign, kernel did not start).</param>
/// <param name="Elapsed">Wall-clock grading time, kernel start included.</param>
public sealed record SubmissionGrade(string Student, string File, string Assignment, string Language, IReadOnlyList<PartScore> Parts, IReadOnlyList<FeedbackLine> Notes, bool Executed, TimeSpan Elapsed)
{
    /// <summary>Points earned automatically.</summary>
    public double Score => Parts.Where(p => !p.Manual).Sum(p => p.Points);

    /// <summary>Points the autograder can award (manual parts excluded).</summary>
    public double Max => Parts.Where(p => !p.Manual).Sum(p => p.Max);

    /// <summary>Points left to the instructor (manual parts).</summary>
    public double ManualMax => Parts.Where(p => p.Manual).Sum(p => p.Max);
}

/// <summary>
/// Grades submitted notebooks against instructors' sources (<see cref="AssignmentKey"/>). Each submission is prepared
/// (<see cref="Submission"/>), copied into its own scratch folder holding only that notebook and a private copy of the
/// course libraries, executed in its own kernel process with time, output and memory limits
/// (<see cref="GradingKernel"/>), and scored all-or-nothing per part. The submission file is only read.
/// </summary>
public static class Grader
{
    /// <summary>The assignment name used when a submission matches none of several assignments.</summary>
    public const string Unidentified = "(unidentified)";

    /// <summary>Grades one submission.</summary>
    public static async Task<SubmissionGrade> GradeAsync(string submissionPath, IReadOnlyList<AssignmentKey> keys, GradeOptions options, string? executedDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        Submission s = Submission.Prepare(submissionPath, keys, out AssignmentKey? key);
        var notes = new List<FeedbackLine>(s.Problems);
        if (key is null)
        {
            return new SubmissionGrade(s.Student, s.Path, Unidentified, s.Language, [new PartScore(Unidentified, 0, 0, s.Problems[0])], notes, false, clock.Elapsed);
        }

        if (s.Prepared is null)
        {
            FeedbackLine why = s.Problems[0];
            return new SubmissionGrade(s.Student, s.Path, key.Id, s.Language, [.. key.Parts.Select(p => new PartScore(p.GradeId, 0, p.Points, why, p.Manual))], notes, false, clock.Elapsed);
        }

        string scratch = Path.Combine(Path.GetTempPath(), "normdecay-grade", Guid.NewGuid().ToString("N"));
        IReadOnlyList<CellOutcome> outcomes;
        try
        {
            CopyDirectory(options.LibraryDirectory ?? Path.Combine(options.Root, "artifacts", "lib"), Path.Combine(scratch, "artifacts", "lib"));
            string nbPath = Path.Combine(scratch, "notebooks", s.Language, Path.GetFileName(key.SourcePath));
            s.Prepared.Save(nbPath);
            outcomes = await GradingKernel.RunAsync(s.Prepared, nbPath, s.PartCells.Keys.ToHashSet(), s.Language, options, cancellationToken).ConfigureAwait(false);
            if (executedDirectory is not null)
            {
                s.Prepared.Save(Path.Combine(executedDirectory, $"{s.Student}-{key.Id}.ipynb"));
            }
        }
        finally
        {
            if (!options.KeepScratch && Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        var parts = new List<PartScore>();
        foreach (GradedPart part in key.Parts)
        {
            if (part.Manual)
            {
                parts.Add(new PartScore(part.GradeId, 0, part.Points, ManualLine(s.Prepared, part.GradeId), Manual: true));
                continue;
            }

            if (s.Forfeited.TryGetValue(part.GradeId, out FeedbackLine? forfeit))
            {
                parts.Add(new PartScore(part.GradeId, 0, part.Points, forfeit));
                continue;
            }

            int index = s.PartCells.First(kv => kv.Value.GradeId == part.GradeId).Key;
            CellOutcome? o = outcomes.FirstOrDefault(x => x.Index == index);
            parts.Add(o is { Passed: true }
                ? new PartScore(part.GradeId, part.Points, part.Points, new FeedbackLine(FeedbackKey.Passed, ""))
                : new PartScore(part.GradeId, 0, part.Points, o?.Line ?? new FeedbackLine(FeedbackKey.NotRun, "-")));
        }

        foreach (CellOutcome o in outcomes.Where(o => !o.Passed && !s.PartCells.ContainsKey(o.Index) && o.Line is not null))
        {
            string id = s.Prepared.Cells[o.Index].Id ?? $"#{o.Index + 1}";
            notes.Add(new FeedbackLine(FeedbackKey.UngradedCellFailed, $"cell '{id}': {o.Line!.Text(s.Language)}"));
        }

        bool executed = outcomes.Any(o => o.Line?.Key != FeedbackKey.NotRun);
        return new SubmissionGrade(s.Student, s.Path, key.Id, s.Language, parts, notes, executed, clock.Elapsed);
    }

    /// <summary>
    /// Grades every submission (sorted by path, <see cref="GradeOptions.Parallelism"/> at a time) and writes
    /// <paramref name="outputDirectory"/>/gradebook.csv, feedback/&lt;student&gt;.html and executed/ copies, all atomically.
    /// </summary>
    public static async Task<IReadOnlyList<SubmissionGrade>> GradeAllAsync(
        IReadOnlyList<string> submissions, IReadOnlyList<AssignmentKey> keys, string outputDirectory, GradeOptions options,
        Action<SubmissionGrade>? onDone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        string outDir = Path.GetFullPath(outputDirectory);
        var sorted = submissions.Select(Path.GetFullPath).Distinct().Order(StringComparer.Ordinal).ToList();
        var grades = new SubmissionGrade[sorted.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sorted.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                grades[i] = await GradeAsync(sorted[i], keys, options, Path.Combine(outDir, "executed"), ct).ConfigureAwait(false);
                onDone?.Invoke(grades[i]);
            }).ConfigureAwait(false);
        Gradebook.Write(Path.Combine(outDir, "gradebook.csv"), grades);
        foreach (SubmissionGrade g in grades)
        {
            string name = keys.Count == 1 ? g.Student : $"{g.Student}-{g.Assignment}";
            AtomicWrite.WriteAllText(Path.Combine(outDir, "feedback", FileName(name) + ".html"), FeedbackPage.Render(g));
        }

        return grades;
    }

    /// <summary>The feedback line of a manual part: the answer's length in words, or that it is still unanswered.</summary>
    private static FeedbackLine ManualLine(Notebooks.NotebookFile prepared, string gradeId)
    {
        NotebookCell? cell = prepared.Cells.FirstOrDefault(c => GradeCell.Of(c)?.GradeId == gradeId);
        string text = cell is null ? "" : System.Text.RegularExpressions.Regex.Replace(cell.Source, "<[^>]*>", " ").Trim();
        if (text.Length == 0 || string.Equals(text, Regions.MarkdownAnswer, StringComparison.OrdinalIgnoreCase))
        {
            return new FeedbackLine(FeedbackKey.ManualUnanswered, gradeId);
        }

        int words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return new FeedbackLine(FeedbackKey.ManualAnswered, words.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string FileName(string name)
    {
        char[] bad = Path.GetInvalidFileNameChars();
        return new string([.. name.Select(c => bad.Contains(c) ? '_' : c)]);
    }

    private static void CopyDirectory(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            throw new DirectoryNotFoundException($"The course libraries are not at '{from}' (build them: dotnet build src/NormDecay.Notebook).");
        }

        Directory.CreateDirectory(to);
        foreach (string f in Directory.EnumerateFiles(from))
        {
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
    }
}
