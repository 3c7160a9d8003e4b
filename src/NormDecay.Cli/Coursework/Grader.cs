using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NormDecay.Charts.Text;
using NormDecay.Cli.IO;
using NormDecay.Cli.Notebooks;
using NormDecay.Grading.Worker.Protocol;

namespace NormDecay.Cli.Coursework;

/// <summary>The score of one part.</summary>
/// <param name="GradeId">The part (its test cell's grade_id).</param>
/// <param name="Points">Points earned: all or nothing, as in nbgrader.</param>
/// <param name="Max">Points available.</param>
/// <param name="Line">What happened, for the feedback.</param>
/// <param name="Manual">True for a manually graded part: 0 automatic points, "manual: needs the instructor".</param>
/// <param name="Checked">What was checked (the functions called, how often, fresh inputs), for the feedback.</param>
/// <param name="Expected">What was expected (from the failing check), or empty.</param>
/// <param name="Actual">What came out, or empty.</param>
public sealed record PartScore(string GradeId, double Points, double Max, FeedbackLine Line, bool Manual = false, string Checked = "", string Expected = "", string Actual = "")
{
    /// <summary>The gradebook note of a manual part.</summary>
    public const string ManualNote = "manual: needs the instructor";

    /// <summary>True when the part earned its points (never for a manual part, which the autograder does not score).</summary>
    public bool Passed => !Manual && (Points > 0 || (Max == 0 && Line.Key == FeedbackKey.Passed));

    /// <summary>The gradebook note: <see cref="ManualNote"/> for a manual part, the failure's kind (e.g. "timed out") otherwise, empty for a pass.</summary>
    public string Note => Manual ? ManualNote : Passed ? "" : FeedbackText.Note(Line.Key);
}

/// <summary>The grade of one submission.</summary>
/// <param name="Student">The student (see <see cref="Submission.Student"/>).</param>
/// <param name="File">The submitted file.</param>
/// <param name="Assignment">The assignment id, or "(unidentified)".</param>
/// <param name="Language">"en" or "fa": the feedback's language.</param>
/// <param name="Parts">One score per part of the assignment.</param>
/// <param name="Notes">Problems not tied to one part (unreadable file, deleted cells, cells that did not compile).</param>
/// <param name="Executed">False when nothing could be run (unreadable, foreign, sandbox did not start).</param>
/// <param name="Elapsed">Wall-clock grading time.</param>
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
/// Grades submitted notebooks against instructors' sources (<see cref="AssignmentKey"/>) so that the verdict is out of
/// the student code's reach: the submission's solution cells (found by the source's grade_ids) run in a sandboxed
/// worker process (<see cref="WorkerProcess"/>) that only returns the values of the graded functions; the tests,
/// hidden tests included, run in this process (<see cref="TrustedTests"/>) on those values, followed by fresh inputs
/// chosen at grading time (<see cref="FreshInputs"/>) compared with the instructor's solution. The submission file is
/// only read. See docs/coursework.md for the threat model.
/// </summary>
public static partial class Grader
{
    /// <summary>The assignment name used when a submission matches none of several assignments.</summary>
    public const string Unidentified = "(unidentified)";

    /// <summary>Fresh inputs per graded function and part.</summary>
    public const int FreshPerFunction = 3;

    private const int MaxWorkerStarts = 3;

    /// <summary>Grades one submission (the worker is staged from <paramref name="stage"/>).</summary>
    public static Task<SubmissionGrade> GradeAsync(string submissionPath, IReadOnlyList<AssignmentKey> keys, GradeOptions options, WorkerStage stage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stage);
        return Task.Run(() => Grade(submissionPath, keys, options, stage, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Grades the submissions of shard <see cref="GradeOptions.Shard"/> (sorted by path, <see cref="GradeOptions.Parallelism"/>
    /// at a time) and writes, atomically, <paramref name="outputDirectory"/>/gradebook.csv (long: student, assignment,
    /// part, points, max, note), gradebook-wide.csv (a row per student) and feedback/&lt;student&gt;/&lt;assignment&gt;/&lt;assignment&gt;.html.
    /// </summary>
    /// <exception cref="SandboxUnavailableException">Bubblewrap is required and cannot create a sandbox here.</exception>
    public static async Task<IReadOnlyList<SubmissionGrade>> GradeAllAsync(
        IReadOnlyList<string> submissions, IReadOnlyList<AssignmentKey> keys, string outputDirectory, GradeOptions options,
        Action<SubmissionGrade>? onDone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sandbox.Kind == SandboxKind.Bubblewrap && WorkerProcess.Probe(options.Sandbox) is { Ok: false } probe)
        {
            throw new SandboxUnavailableException(probe.Detail);
        }

        string outDir = Path.GetFullPath(outputDirectory);
        var sorted = submissions.Select(Path.GetFullPath).Distinct().Order(StringComparer.Ordinal).ToList();
        var mine = options.Shard is { } sh ? sorted.Where((_, i) => i % sh.Count == sh.Index).ToList() : sorted;
        string lib = options.LibraryDirectory ?? Path.Combine(options.Root, "artifacts", "lib");
        foreach (AssignmentKey k in keys)
        {
            k.Tests(lib); // compile and self-check each assignment once, before any submission
        }

        var grades = new SubmissionGrade[mine.Count];
        using (WorkerStage stage = WorkerStage.Create(options.WorkerDirectory ?? WorkerStage.DefaultSource(options.Root)))
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, mine.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    grades[i] = await GradeAsync(mine[i], keys, options, stage, ct).ConfigureAwait(false);
                    onDone?.Invoke(grades[i]);
                }).ConfigureAwait(false);
        }

        Gradebook.Write(outDir, grades);
        foreach (SubmissionGrade g in grades)
        {
            AtomicFile.WriteAllText(FeedbackPath(outDir, g), FeedbackPage.Render(g));
        }

        return grades;
    }

    /// <summary>Where the feedback page of <paramref name="grade"/> goes: nbgrader's feedback/&lt;student&gt;/&lt;assignment&gt;/&lt;assignment&gt;.html.</summary>
    public static string FeedbackPath(string outputDirectory, SubmissionGrade grade)
    {
        ArgumentNullException.ThrowIfNull(grade);
        return Path.Combine(outputDirectory, "feedback", FileName(grade.Student), FileName(grade.Assignment), FileName(grade.Assignment) + ".html");
    }

    private static SubmissionGrade Grade(string submissionPath, IReadOnlyList<AssignmentKey> keys, GradeOptions options, WorkerStage stage, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Submission s = Submission.Prepare(submissionPath, keys, out AssignmentKey? key);
        var notes = new List<FeedbackLine>(s.Problems);
        if (key is null)
        {
            return new SubmissionGrade(s.Student, s.Path, Unidentified, s.Language, [new PartScore(Unidentified, 0, 0, s.Problems[0])], notes, false, clock.Elapsed);
        }

        if (!s.Usable)
        {
            FeedbackLine why = s.Problems[0];
            return new SubmissionGrade(s.Student, s.Path, key.Id, s.Language, [.. key.Parts.Select(p => new PartScore(p.GradeId, 0, p.Points, why, p.Manual))], notes, false, clock.Elapsed);
        }

        TrustedTests tests = key.Tests(options.LibraryDirectory ?? Path.Combine(options.Root, "artifacts", "lib"));
        var job = new GradingJob(tests.WorkerUsings, [.. tests.ReferenceCells.Select(c => new SolutionCode(c.GradeId, s.Solutions.GetValueOrDefault(c.GradeId, "")))], [.. tests.Functions.Select(f => f.ToWire())]);
        var random = new Random(RandomNumberGenerator.GetInt32(int.MaxValue)); // the run's secret seed: fresh inputs differ every run
        var parts = new List<PartScore>();
        WorkerProcess? worker = null;
        int starts = 0;
        bool executed = false;
        FeedbackLine? broken = null;
        try
        {
            foreach (GradedPart part in key.Parts)
            {
                ct.ThrowIfCancellationRequested();
                if (part.Manual)
                {
                    parts.Add(new PartScore(part.GradeId, 0, part.Points, ManualLine(part.GradeId, s.Answers.GetValueOrDefault(part.GradeId, "")), Manual: true));
                    continue;
                }

                if (worker is null || worker.IsDead)
                {
                    worker?.Dispose();
                    worker = null;
                    if (starts >= MaxWorkerStarts)
                    {
                        broken ??= new FeedbackLine(FeedbackKey.NotRun, $"the sandbox was restarted {MaxWorkerStarts} times already");
                    }
                    else
                    {
                        starts++;
                        try
                        {
                            worker = WorkerProcess.Start(stage.Directory, job, options.Sandbox, options);
                            executed = true;
                            if (starts == 1)
                            {
                                notes.AddRange(worker.Report.CellErrors.Select(e => new FeedbackLine(FeedbackKey.CellFailed, e)));
                            }
                        }
                        catch (GradedCallException e)
                        {
                            broken = Classify(e);
                            executed = true;
                        }
                    }
                }

                if (worker is null)
                {
                    parts.Add(new PartScore(part.GradeId, 0, part.Points, broken ?? new FeedbackLine(FeedbackKey.NotRun, "-"), Checked: CheckedText(s.Language, [], 0)));
                    broken = starts >= MaxWorkerStarts ? broken : null;
                    continue;
                }

                parts.Add(GradePart(part, tests, new DeadlineCode(worker, options.CellTimeout), random, s.Language));
            }
        }
        finally
        {
            worker?.Dispose();
        }

        return new SubmissionGrade(s.Student, s.Path, key.Id, s.Language, parts, notes, executed, clock.Elapsed);
    }

    private static PartScore GradePart(GradedPart part, TrustedTests tests, DeadlineCode code, Random random, string language)
    {
        (IReadOnlyList<RecordedCall> calls, Exception? error) = tests.Run(part.GradeId, code);
        if (error is not null)
        {
            FeedbackLine line = Classify(error);
            (string expected, string actual) = ExpectedActual(line, error);
            return new PartScore(part.GradeId, 0, part.Points, line, Checked: CheckedText(language, calls, 0, tests), Expected: expected, Actual: actual);
        }

        // Fresh inputs: a few of the calls the tests made, perturbed with the run's secret seed, compared with the instructor's solution.
        int fresh = 0;
        foreach (var group in calls.GroupBy(c => c.Function))
        {
            var list = group.ToList();
            var picks = Enumerable.Range(0, FreshPerFunction).Select(k => list[(int)((long)k * (list.Count - 1) / Math.Max(1, FreshPerFunction - 1))]).Distinct().ToList();
            foreach (RecordedCall call in picks)
            {
                object?[] args = FreshInputs.Perturb(call.Arguments, random);
                object? expected;
                try
                {
                    expected = tests.Reference.Call(call.Function, [.. args.Select(TrustedGlobals.Copy)]).Value;
                }
                catch (GradedCallException)
                {
                    continue; // the perturbed input is outside the reference's domain: not a check
                }

                if (expected is double d && !double.IsFinite(d))
                {
                    continue;
                }

                fresh++;
                GradedSignature f = tests.Functions[call.Function];
                string where = $"{f.Name}({FreshInputs.Describe(args)})";
                object? actual;
                try
                {
                    actual = code.Call(call.Function, args).Value;
                }
                catch (GradedCallException e)
                {
                    FeedbackLine line = Classify(e);
                    return new PartScore(part.GradeId, 0, part.Points, line, Checked: CheckedText(language, calls, fresh, tests), Expected: "-", Actual: where + ": " + e.Message);
                }

                if (FreshInputs.Compare(expected, actual) is { } diff)
                {
                    var line = new FeedbackLine(FeedbackKey.FreshFailed, $"{where}: {diff}");
                    (string ex, string ac) = ExpectedActual(line, new InvalidOperationException(diff));
                    return new PartScore(part.GradeId, 0, part.Points, line, Checked: CheckedText(language, calls, fresh, tests), Expected: ex, Actual: ac);
                }
            }
        }

        return new PartScore(part.GradeId, part.Points, part.Points, new FeedbackLine(FeedbackKey.Passed, ""), Checked: CheckedText(language, calls, fresh, tests),
            Expected: FeedbackText.Label("expectedPass", language), Actual: FeedbackText.Label("actualPass", language));
    }

    /// <summary>Turns the exception that ended a test into a feedback line.</summary>
    public static FeedbackLine Classify(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is GradedCallException g)
        {
            return g.Failure switch
            {
                CallFailure.Threw when g.ExceptionType == typeof(NotImplementedException).FullName => new FeedbackLine(FeedbackKey.NotImplemented, g.Message),
                CallFailure.Threw => new FeedbackLine(FeedbackKey.Threw, $"{g.ExceptionType}: {FirstLine(g.Message)}"),
                CallFailure.Unavailable when g.Message.Contains("CS0103", StringComparison.Ordinal) || g.Message.Contains("does not exist", StringComparison.Ordinal) => new FeedbackLine(FeedbackKey.MissingName, FirstLine(g.Message)),
                CallFailure.Unavailable => new FeedbackLine(FeedbackKey.CompileError, FirstLine(g.Message)),
                CallFailure.WrongType => new FeedbackLine(FeedbackKey.WrongType, g.Message),
                CallFailure.TimedOut => new FeedbackLine(FeedbackKey.TimedOut, g.Message),
                CallFailure.Flooded => new FeedbackLine(FeedbackKey.Flooded, g.Message),
                _ => new FeedbackLine(FeedbackKey.KernelDied, g.Message),
            };
        }

        return new FeedbackLine(FeedbackKey.Failed, FirstLine(error.Message));
    }

    private static (string Expected, string Actual) ExpectedActual(FeedbackLine line, Exception error)
    {
        if (line.Key is FeedbackKey.Failed or FeedbackKey.FreshFailed && ExpectedGot().Match(error.Message) is { Success: true } m)
        {
            return (m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim());
        }

        return ("-", line.Argument);
    }

    private static string CheckedText(string language, IReadOnlyList<RecordedCall> calls, int fresh, TrustedTests? tests = null) =>
        tests is null || calls.Count == 0
            ? FeedbackText.Label("checkedNone", language)
            : CheckedText(language, calls.Select(c => c.Function).Distinct().Select(i => tests.Functions[i].Name).ToList(), calls.Count, fresh);

    /// <summary>
    /// The "what was checked" sentence of a part: the functions called, how often the checks called them and, only when
    /// there were any, on how many fresh inputs; counts in words that agree with them ("once", "1 new input"), Persian digits in Persian.
    /// </summary>
    internal static string CheckedText(string language, IReadOnlyList<string> functions, int calls, int fresh)
    {
        string Count(string one, string many, int n) => n == 1
            ? FeedbackText.Label(one, language)
            : string.Format(CultureInfo.InvariantCulture, FeedbackText.Label(many, language), CourseLanguage.LocalDigits(n.ToString(CultureInfo.InvariantCulture), language));

        string names = string.Join(CourseLanguage.IsRightToLeft(language) ? "، " : ", ", functions);
        return fresh > 0
            ? string.Format(CultureInfo.InvariantCulture, FeedbackText.Label("checked", language), names, Count("callsOne", "callsMany", calls), Count("freshOne", "freshMany", fresh))
            : string.Format(CultureInfo.InvariantCulture, FeedbackText.Label("checkedNoFresh", language), names, Count("callsOne", "callsMany", calls));
    }

    private static string FirstLine(string message) => message.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? message;

    /// <summary>The feedback line of a manual part: the answer's length in words, or that it is still unanswered.</summary>
    private static FeedbackLine ManualLine(string gradeId, string answer)
    {
        string text = Regex.Replace(answer, "<[^>]*>", " ").Trim();
        if (text.Length == 0 || string.Equals(text, Regions.MarkdownAnswer, StringComparison.OrdinalIgnoreCase))
        {
            return new FeedbackLine(FeedbackKey.ManualUnanswered, gradeId);
        }

        int words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return new FeedbackLine(FeedbackKey.ManualAnswered, words.ToString(CultureInfo.InvariantCulture));
    }

    private static string FileName(string name)
    {
        char[] bad = Path.GetInvalidFileNameChars();
        string clean = new([.. name.Select(c => bad.Contains(c) ? '_' : c)]);
        return clean is "." or ".." || clean.Length == 0 ? "_" : clean;
    }

    [GeneratedRegex(@"expected (.+?), got (.+?)(?: \(|$)")]
    private static partial Regex ExpectedGot();

    /// <summary>Gives each part a time budget: every call waits at most until the part's deadline.</summary>
    private sealed class DeadlineCode(WorkerProcess worker, TimeSpan budget) : IGradedCode
    {
        private readonly DateTime deadline = DateTime.UtcNow + budget;

        public (object? Value, object?[] ArgumentsAfter) Call(int index, object?[] arguments)
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                worker.Kill();
                throw new GradedCallException(CallFailure.TimedOut, budget.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture));
            }

            worker.CallTimeout = left;
            try
            {
                return worker.Call(index, arguments);
            }
            catch (GradedCallException e) when (e.Failure == CallFailure.TimedOut)
            {
                throw new GradedCallException(CallFailure.TimedOut, budget.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture));
            }
        }
    }
}

/// <summary>Bubblewrap is required (the default) but cannot create a sandbox on this machine.</summary>
public sealed class SandboxUnavailableException(string detail) : Exception(
    $"Cannot grade: bubblewrap (bwrap) cannot create a sandbox here ({detail}). Install it (apt-get install bubblewrap) and allow user namespaces, or pass --no-sandbox to grade without isolation (only for submissions you trust).")
{
    /// <summary>Why the probe failed.</summary>
    public string Detail { get; } = detail;
}
