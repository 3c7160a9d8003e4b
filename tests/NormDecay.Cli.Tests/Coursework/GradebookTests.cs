using NormDecay.Cli.Coursework;

namespace NormDecay.Cli.Tests.Coursework;

public class GradebookTests
{
    [Fact]
    public void Format_Grades_SortedRowsWithQuotedAwkwardNames()
    {
        var ok = new FeedbackLine(FeedbackKey.Passed, "");
        var b = new SubmissionGrade("zoe", "z.ipynb", "a1", "en", [new PartScore("p1", 1.5, 2, ok)], [], true, TimeSpan.Zero);
        var a = new SubmissionGrade("doe, jane", "d.ipynb", "a1", "en", [new PartScore("p1", 0, 2, ok), new PartScore("p2", 3, 3, ok)], [], true, TimeSpan.Zero);
        var c = new SubmissionGrade("=cmd", "c.ipynb", "a1", "en", [new PartScore("p1", 0, 2, ok)], [], true, TimeSpan.Zero);
        Assert.Equal(
            "student,assignment,part,points,max,note\n\"=cmd\",a1,p1,0,2,\n\"doe, jane\",a1,p1,0,2,\n\"doe, jane\",a1,p2,3,3,\nzoe,a1,p1,1.5,2,\n",
            Gradebook.Format([b, a, c]));
    }

    [Fact]
    public void Render_PersianGrade_RightToLeftPersianTextAndEncodedStudentText()
    {
        var g = new SubmissionGrade("<b>x</b>", "x.ipynb", "a1", "fa", [new PartScore("p1", 0, 2, new FeedbackLine(FeedbackKey.Failed, "dgamma <differs>"))], [], true, TimeSpan.Zero);
        string html = FeedbackPage.Render(g);
        Assert.Contains("<html lang=\"fa\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("یک بررسی قبول نشد: dgamma &lt;differs&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
        Assert.Contains("0 / 2", html, StringComparison.Ordinal);
    }
}
