using NormDecay.Cli.Coursework;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Tests.Support;

namespace NormDecay.Cli.Tests.Coursework;

/// <summary>Manually graded parts (a written answer in a markdown cell marked grade and solution), without a kernel.</summary>
public class ManualPartsTests
{
    private static string A2 => Path.Combine(Repo.Root, "notebooks", "en", "a2-test-time.ipynb");

    [Fact]
    public void Load_A2_WrittenAnswerIsManualPartAndExcludedFromAutoMax()
    {
        AssignmentKey key = AssignmentKey.Load(A2);
        Assert.Equal(["running-update-tests", "train-eval-gap-tests", "batch-size-answer"], key.Parts.Select(p => p.GradeId));
        Assert.Equal([false, false, true], key.Parts.Select(p => p.Manual));
        Assert.Equal(5, key.MaxScore);
        Assert.Equal(2, key.ManualScore);
    }

    [Fact]
    public void Release_A2_WrittenAnswerBecomesYourAnswerHereAndModelAnswerIsGone()
    {
        NotebookFile release = Assigner.Release(NotebookFile.Load(A2));
        Assert.Equal(Regions.MarkdownAnswer, release.Cells.Single(c => c.Id == "batch-size-answer").Source);
        string json = release.ToJson();
        Assert.DoesNotContain("Expected more than 1 value per channel when training\").", json, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN HIDDEN TESTS", json, StringComparison.Ordinal);
        Assert.DoesNotContain("momentum: 0.3", json, StringComparison.Ordinal); // a hidden test
        Assert.DoesNotContain("PointwisePower(2).Sum() / (n - 1)", json, StringComparison.Ordinal); // the solution
    }

    [Fact]
    public void Format_ManualPart_ZeroPointsFullMaxAndNote()
    {
        var grade = new SubmissionGrade("ali", "ali.ipynb", "a2-test-time", "en",
        [
            new PartScore("running-update-tests", 3, 3, new FeedbackLine(FeedbackKey.Passed, "")),
            new PartScore("batch-size-answer", 0, 2, new FeedbackLine(FeedbackKey.ManualAnswered, "120"), Manual: true),
        ], [], true, TimeSpan.Zero);
        Assert.Equal(
            "student,assignment,part,points,max,note\nali,a2-test-time,running-update-tests,3,3,\nali,a2-test-time,batch-size-answer,0,2,manual: needs the instructor\n",
            Gradebook.Format([grade]));
        Assert.Equal(3, grade.Score);
        Assert.Equal(3, grade.Max);
        Assert.Equal(2, grade.ManualMax);
        Assert.False(grade.Parts[1].Passed);
    }

    [Theory]
    [InlineData("en", "Manual: needs the instructor. Your written answer (120 words) is graded by hand", "2 points graded by the instructor")]
    [InlineData("fa", "دستی: نیاز به استاد. پاسخ نوشتاری شما (۱۲۰ واژه)", "2 امتیاز با نمره‌دهی استاد")]
    public void Render_ManualPart_ListedAsManualRowWithPendingPoints(string language, string row, string pending)
    {
        var grade = new SubmissionGrade("ali", "ali.ipynb", "a2-test-time", language,
            [new PartScore("batch-size-answer", 0, 2, new FeedbackLine(FeedbackKey.ManualAnswered, "120"), Manual: true)], [], true, TimeSpan.Zero);
        string html = FeedbackPage.Render(grade);
        string line = html.Split('\n').Single(l => l.Contains("data-part=\"batch-size-answer\"", StringComparison.Ordinal));
        Assert.Contains("class=\"manual\"", line, StringComparison.Ordinal);
        Assert.Contains(row, line, StringComparison.Ordinal);
        Assert.Contains(pending, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_GradeHelp_SaysManualPartsNeedTheInstructor()
    {
        var o = new StringWriter();
        int code = await new Cli.Commands.Cli(o, new StringWriter(), Support.Repo.Root).RunAsync(["grade", "--help"]);
        Assert.Equal(0, code);
        Assert.Contains("grade <SUBMISSIONS> [OPTIONS]", o.ToString(), StringComparison.Ordinal);
        Assert.Contains("manual: needs the instructor", o.ToString(), StringComparison.Ordinal);
    }
}
