using System.Security.Cryptography;
using NormDecay.Cli.Coursework;
using NormDecay.Cli.Tests.Support;
using Xunit.Abstractions;

namespace NormDecay.Cli.Tests.Coursework;

/// <summary>Grades every synthetic submission (Submissions/) plus the assigned student release once, in the real kernel.</summary>
public sealed class GradedSubmissions
{
    public static string Folder => Path.Combine(Repo.Root, "tests", "NormDecay.Cli.Tests", "Coursework", "Submissions");

    public static string Source => Path.Combine(Repo.Root, "notebooks", "en", "a1-batchnorm.ipynb");

    public GradedSubmissions()
    {
        Output = Path.Combine(Path.GetTempPath(), "nd-grade-tests", Guid.NewGuid().ToString("N")[..8]);
        string release = Path.Combine(Output, "release");
        Assigner.Assign([Source], release);
        string releaseSubmission = Path.Combine(Output, "submitted", "untouched-release", "a1-batchnorm.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(releaseSubmission)!);
        File.Copy(Path.Combine(release, "release", "a1-batchnorm", "a1-batchnorm.ipynb"), releaseSubmission);
        var submissions = Directory.GetFiles(Folder, "*.ipynb").Append(releaseSubmission).ToList();
        Hashes = submissions.ToDictionary(p => p, p => SHA256.HashData(File.ReadAllBytes(p)));
        var options = new GradeOptions { Root = Repo.Root, CellTimeout = TimeSpan.FromSeconds(8) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Grades = Grader.GradeAllAsync(submissions, [AssignmentKey.Load(Source)], Path.Combine(Output, "graded"), options).GetAwaiter().GetResult()
            .ToDictionary(g => g.Student);
        Elapsed = clock.Elapsed;
        Submissions = submissions;
    }

    public string Output { get; }

    public IReadOnlyList<string> Submissions { get; }

    public Dictionary<string, byte[]> Hashes { get; }

    public Dictionary<string, SubmissionGrade> Grades { get; }

    public TimeSpan Elapsed { get; }

    public string Feedback(string student) => File.ReadAllText(Path.Combine(Output, "graded", "feedback", student, "a1-batchnorm", "a1-batchnorm.html"));
}

[Collection("Coursework grading")] // one grading fixture at a time: each runs two sandboxes on the 2-core machine
public class GraderTests(GradedSubmissions graded, ITestOutputHelper output) : IClassFixture<GradedSubmissions>
{
    [Theory]
    [InlineData("correct", 3, 2, 3)]
    [InlineData("partly-correct", 3, 0, 3)]
    [InlineData("wrong", 0, 0, 0)]
    [InlineData("throwing", 3, 2, 0)]
    [InlineData("looping", 3, 0, 3)]
    [InlineData("flooding", 3, 0, 3)]
    [InlineData("deleted-check", 3, 2, 3)] // check cells are never read from a submission: deleting one changes nothing
    [InlineData("renamed-function", 3, 0, 3)]
    [InlineData("persian", 3, 2, 0)]
    [InlineData("malformed", 0, 0, 0)]
    [InlineData("foreign", 0, 0, 0)]
    [InlineData("untouched-release", 0, 0, 0)]
    public void Grade_Submission_ExactPointsPerPart(string student, double forwardTrain, double forwardEval, double backward)
    {
        SubmissionGrade g = graded.Grades[student];
        output.WriteLine($"{student}: {g.Score}/{g.Max} in {g.Elapsed.TotalSeconds:0.0} s (all {graded.Submissions.Count} in {graded.Elapsed.TotalSeconds:0.0} s)");
        Assert.Equal([forwardTrain, forwardEval, backward], g.Parts.Select(p => p.Points));
        Assert.Equal(8, g.Max);
    }

    [Theory]
    [InlineData("partly-correct", "bn-forward-eval-tests", "y (eval mode) differs at row 0, feature 0: expected -0.9320, got -1.7221")]
    [InlineData("wrong", "bn-forward-train-tests", "xHat differs at row 0, feature 0")]
    [InlineData("wrong", "bn-backward-tests", "dx differs at row 0, feature 0")]
    [InlineData("throwing", "bn-backward-tests", "I gave up on the backward pass")]
    [InlineData("looping", "bn-forward-eval-tests", "did not answer the checks within 8 s")]
    [InlineData("flooding", "bn-forward-eval-tests", "more than the grader accepts")]
    [InlineData("renamed-function", "bn-forward-eval-tests", "The name &#39;BatchNormEval&#39; does not exist")]
    [InlineData("persian", "bn-backward-tests", "یک بررسی قبول نشد: dgamma differs at feature 0")]
    [InlineData("malformed", "bn-forward-train-tests", "is not valid JSON")]
    [InlineData("foreign", "bn-backward-tests", "not a submission of this assignment")]
    [InlineData("untouched-release", "bn-forward-train-tests", "Not implemented yet: the function still throws NotImplementedException (Write your code for &#39;bn-forward-train&#39; here.)")]
    public void Feedback_FailingPart_NamedWithItsReason(string student, string part, string expected)
    {
        string html = graded.Feedback(student);
        string row = html.Split('\n').Single(l => l.Contains($"data-part=\"{part}\"", StringComparison.Ordinal));
        Assert.Contains("class=\"fail\"", row, StringComparison.Ordinal);
        Assert.Contains(expected, row, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_PersianSubmission_RightToLeftPage()
    {
        Assert.Equal("fa", graded.Grades["persian"].Language);
        Assert.Contains("<html lang=\"fa\" dir=\"rtl\">", graded.Feedback("persian"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", graded.Feedback("correct"), StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_Submissions_NeverModified()
    {
        foreach (string s in graded.Submissions)
        {
            Assert.True(graded.Hashes[s].SequenceEqual(SHA256.HashData(File.ReadAllBytes(s))), $"{s} was modified by grading");
        }
    }

    [Fact]
    public void Gradebook_AllSubmissions_OneRowPerPartAndNoTemporaryFiles()
    {
        string[] lines = File.ReadAllLines(Path.Combine(graded.Output, "graded", "gradebook.csv"));
        Assert.Equal(Gradebook.Header, lines[0]);
        Assert.Equal(graded.Submissions.Count * 3, lines.Length - 1);
        Assert.Contains("correct,a1-batchnorm,bn-backward-tests,3,3,", lines);
        Assert.Contains(lines, l => l.StartsWith("wrong,a1-batchnorm,bn-forward-train-tests,0,3,", StringComparison.Ordinal)); // the note says why
        Assert.Empty(Directory.GetFiles(Path.Combine(graded.Output, "graded"), "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Grade_TamperedCheckCells_InstructorTestsRunInstead()
    {
        // wrong.ipynb replaced every check cell by a line printing "all checks passed"; the grader ran the instructor's cells.
        Assert.All(graded.Grades["wrong"].Parts, p => Assert.NotEqual(FeedbackKey.Passed, p.Line.Key));
        Assert.False(graded.Grades["malformed"].Executed);
        Assert.True(graded.Grades["looping"].Executed);
    }
}
