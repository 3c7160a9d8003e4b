using NormDecay.Cli.Coursework;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Tests.Support;
using Xunit.Abstractions;

namespace NormDecay.Cli.Tests.Coursework;

/// <summary>
/// Assigns A2 and A3, then grades (in the sandbox) the instructor's solutions, the untouched releases and two
/// submissions with a classic mistake each, made from the solutions by one textual edit; then grades the A2 ones again.
/// </summary>
public sealed class GradedAssignments
{
    public static string[] Sources { get; } = [.. new[] { "a2-test-time", "a3-schedules" }.Select(a => Path.Combine(Repo.Root, "notebooks", "en", a + ".ipynb"))];

    public GradedAssignments()
    {
        Output = Path.Combine(Path.GetTempPath(), "nd-grade-a2a3", Guid.NewGuid().ToString("N")[..8]);
        Assigner.Assign(Sources, Output);
        string submitted = Path.Combine(Output, "submitted");
        foreach (string source in Sources)
        {
            string name = Path.GetFileName(source);
            Copy(source, Path.Combine(submitted, "solution", name));
            Copy(Path.Combine(Output, "release", Path.GetFileNameWithoutExtension(name), name), Path.Combine(submitted, "untouched-release", name));
        }

        // Keras's momentum sense in Part 1 of A2 (the d2l erratum); the rest correct.
        Mistake(Sources[0], "running-update", "(1 - momentum) * runningMean + momentum * mean", "momentum * runningMean + (1 - momentum) * mean", Path.Combine(submitted, "keras-momentum", "a2-test-time.ipynb"));
        // Integer division in A3's inverse-time decay: t / s is floored as if staircase were always on.
        Mistake(Sources[1], "inverse-time", "(double)step / decaySteps", "step / decaySteps", Path.Combine(submitted, "integer-division", "a3-schedules.ipynb"));
        Keys = [.. Sources.Select(AssignmentKey.Load)];
        var options = new GradeOptions { Root = Repo.Root, CellTimeout = TimeSpan.FromSeconds(20) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Grades = [.. Grader.GradeAllAsync(NormDecay.Cli.Execution.RepositoryLayout.ExpandNotebooks([submitted]), Keys, Path.Combine(Output, "graded"), options).GetAwaiter().GetResult()];
        Elapsed = clock.Elapsed;
        Again = Path.Combine(Output, "graded-again");
        Grader.GradeAllAsync([Path.Combine(submitted, "solution", "a2-test-time.ipynb"), Path.Combine(submitted, "keras-momentum", "a2-test-time.ipynb")], Keys, Again, options).GetAwaiter().GetResult();
    }

    public string Output { get; }

    public string Again { get; }

    public IReadOnlyList<AssignmentKey> Keys { get; }

    public IReadOnlyList<SubmissionGrade> Grades { get; }

    public TimeSpan Elapsed { get; }

    public SubmissionGrade Grade(string student, string assignment) => Grades.Single(g => g.Student == student && g.Assignment == assignment);

    public string Feedback(string folder, string student, string assignment) => File.ReadAllText(Path.Combine(folder, "feedback", student, assignment, assignment + ".html"));

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    private static void Mistake(string source, string cellId, string from, string to, string target)
    {
        NotebookFile nb = NotebookFile.Load(source);
        NotebookCell cell = nb.Cells.Single(c => c.Id == cellId);
        Assert.Contains(from, cell.Source, StringComparison.Ordinal);
        cell.Source = cell.Source.Replace(from, to, StringComparison.Ordinal);
        nb.Save(target);
    }
}

[Collection("Coursework grading")] // one grading fixture at a time: each runs two sandboxes on the 2-core machine
public class AssignmentsGraderTests(GradedAssignments graded, ITestOutputHelper output) : IClassFixture<GradedAssignments>
{
    [Theory]
    [InlineData("solution", "a2-test-time", new[] { 3.0, 2.0, 0.0 })]
    [InlineData("untouched-release", "a2-test-time", new[] { 0.0, 0.0, 0.0 })]
    [InlineData("keras-momentum", "a2-test-time", new[] { 0.0, 2.0, 0.0 })]
    [InlineData("solution", "a3-schedules", new[] { 2.0, 2.0, 2.0, 3.0 })]
    [InlineData("untouched-release", "a3-schedules", new[] { 0.0, 0.0, 0.0, 0.0 })]
    [InlineData("integer-division", "a3-schedules", new[] { 2.0, 0.0, 2.0, 3.0 })]
    public void Grade_Submission_ExactPointsPerPart(string student, string assignment, double[] points)
    {
        SubmissionGrade g = graded.Grade(student, assignment);
        output.WriteLine($"{student}/{assignment}: {g.Score}/{g.Max} (+{g.ManualMax} manual) in {g.Elapsed.TotalSeconds:0.0} s; all {graded.Grades.Count} in {graded.Elapsed.TotalSeconds:0.0} s");
        Assert.True(g.Executed);
        Assert.Equal(points, g.Parts.Select(p => p.Points));
        Assert.Equal(assignment == "a2-test-time" ? 5 : 9, g.Max);
    }

    [Fact]
    public void Grade_Solutions_FullAutoMarksAndWrittenAnswerLeftToInstructor()
    {
        Assert.All(graded.Grades.Where(g => g.Student == "solution"), g => Assert.Equal(g.Max, g.Score));
        PartScore answer = graded.Grade("solution", "a2-test-time").Parts.Single(p => p.Manual);
        Assert.Equal(("batch-size-answer", 0.0, 2.0, FeedbackKey.ManualAnswered), (answer.GradeId, answer.Points, answer.Max, answer.Line.Key));
        Assert.Equal(FeedbackKey.ManualUnanswered, graded.Grade("untouched-release", "a2-test-time").Parts.Single(p => p.Manual).Line.Key);
        Assert.Empty(graded.Grade("solution", "a2-test-time").Notes);
        Assert.Empty(graded.Grade("solution", "a3-schedules").Notes);
    }

    [Fact]
    public void Gradebook_ManualPart_RowWithNote()
    {
        string[] lines = File.ReadAllLines(Path.Combine(graded.Output, "graded", "gradebook.csv"));
        Assert.Contains("solution,a2-test-time,batch-size-answer,0,2,manual: needs the instructor", lines);
        Assert.Contains("untouched-release,a2-test-time,batch-size-answer,0,2,manual: needs the instructor", lines);
        Assert.Contains("solution,a3-schedules,one-cycle-tests,3,3,", lines);
        Assert.Equal(1 + (3 * 3) + (3 * 4), lines.Length);
    }

    [Theory]
    [InlineData("untouched-release", "a2-test-time", "running-update-tests", "Not implemented yet", "fail")]
    [InlineData("untouched-release", "a2-test-time", "batch-size-answer", "No answer was written in &#39;batch-size-answer&#39;", "manual")]
    [InlineData("solution", "a2-test-time", "batch-size-answer", "Manual: needs the instructor. Your written answer (", "manual")]
    [InlineData("keras-momentum", "a2-test-time", "running-update-tests", "running mean after batch 1 (8 rows, momentum 0.1): the momentum weights the old value (Keras&#39;s sense", "fail")]
    [InlineData("integer-division", "a3-schedules", "inverse-time-tests", "inverse-time decay (Keras) differs at iteration 1: expected 0.0952381, got 0.1", "fail")]
    [InlineData("untouched-release", "a3-schedules", "one-cycle-tests", "Write your code for &#39;one-cycle&#39; here.", "fail")]
    public void Feedback_Part_NamedWithItsReason(string student, string assignment, string part, string expected, string cssClass)
    {
        string row = graded.Feedback(Path.Combine(graded.Output, "graded"), student, assignment).Split('\n')
            .Single(l => l.Contains($"data-part=\"{part}\"", StringComparison.Ordinal));
        Assert.Contains($"class=\"{cssClass}\"", row, StringComparison.Ordinal);
        Assert.Contains(expected, row, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_SameSubmissionsTwice_IdenticalGradebookRowsAndFeedback()
    {
        string[] first = File.ReadAllLines(Path.Combine(graded.Output, "graded", "gradebook.csv"));
        string[] again = File.ReadAllLines(Path.Combine(graded.Again, "gradebook.csv"));
        Assert.Equal(7, again.Length); // header + 3 parts for each of the two A2 submissions
        Assert.All(again.Skip(1), row => Assert.Contains(row, first));
        foreach (string student in new[] { "solution", "keras-momentum" })
        {
            Assert.Equal(
                graded.Feedback(Path.Combine(graded.Output, "graded"), student, "a2-test-time"),
                graded.Feedback(graded.Again, student, "a2-test-time"));
        }
    }
}
