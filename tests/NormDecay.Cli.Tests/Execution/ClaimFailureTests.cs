using NormDecay.Cli.Execution;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Tests.Support;

namespace NormDecay.Cli.Tests.Execution;

/// <summary>A lesson's checked claim made false fails the run, and the failure names the claim: the build cannot publish a
/// sentence its own numbers contradict.</summary>
public class ClaimFailureTests
{
    private const string Lesson = "08-schedules.ipynb";
    private const string ClaimKey = "claim.l08.oneCycleEndsFarBelowPeak";
    private const string Condition = "oneCycle.MinLr < oneCycle.MaxLr / 1000";

    private static readonly RunOptions Options = new() { ToolDirectory = Repo.Root, CellTimeout = TimeSpan.FromSeconds(120) };

    private static async Task<NotebookRunResult> RunCopy(Func<string, string> edit)
    {
        NotebookFile lesson = NotebookFile.Load(Path.Combine(Repo.Root, "notebooks", "en", Lesson));
        NotebookCell cell = lesson.Cells.Single(c => c.Source.Contains(ClaimKey, StringComparison.Ordinal));
        cell.Source = edit(cell.Source);
        string course = Repo.NewCourse();
        string source = Path.Combine(course, "notebooks", "en", Lesson);
        lesson.Save(source);
        return await NotebookRunner.RunAsync(source, Path.Combine(course, "out", "en", Lesson), Options);
    }

    [Fact]
    public async Task RunAsync_LessonWithOneClaimNegated_FailsNamingTheClaim()
    {
        NotebookRunResult result = await RunCopy(source =>
        {
            Assert.Contains(Condition, source, StringComparison.Ordinal); // the lesson still checks this claim this way
            return source.Replace(Condition, $"!({Condition})", StringComparison.Ordinal);
        });

        Assert.False(result.Succeeded, "a lesson whose claim is false must fail");
        Assert.Equal("onecycle", result.Failure!.CellId);
        Assert.Contains("ClaimFailedException", result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains(ClaimKey, result.Describe(), StringComparison.Ordinal);
        Assert.Contains("times below its peak rate", result.Failure.Message, StringComparison.Ordinal); // the sentence, with its number
    }
}
