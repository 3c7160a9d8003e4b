using NormDecay.Cli.Coursework;

namespace NormDecay.Cli.Tests.Coursework;

/// <summary>The "what was checked" sentence of a feedback row (<see cref="Grader.CheckedText(string, IReadOnlyList{string}, int, int)"/>).</summary>
public class GraderCheckedTextTests
{
    [Fact]
    public void CheckedText_NoFreshInputs_DoesNotMentionThem()
    {
        string en = Grader.CheckedText("en", ["Forward"], 6, 0);
        Assert.Equal("Forward, called 6 times by the checks (hidden tests included)", en);
        string fa = Grader.CheckedText("fa", ["Forward"], 6, 0);
        Assert.Equal("Forward، ۶ بار با بررسی‌ها (از جمله آزمون‌های پنهان) فراخوانی شد", fa);
        Assert.DoesNotContain("ورودی", fa, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckedText_FreshInputs_CountedInWordsThatAgree()
    {
        Assert.Equal("Forward, Backward, called once by the checks (hidden tests included), then on 1 new input chosen at grading time",
            Grader.CheckedText("en", ["Forward", "Backward"], 1, 1));
        Assert.Equal("Forward, called 12 times by the checks (hidden tests included), then on 3 new inputs chosen at grading time",
            Grader.CheckedText("en", ["Forward"], 12, 3));
    }

    [Fact]
    public void CheckedText_Persian_CountsInPersianDigits()
    {
        string fa = Grader.CheckedText("fa", ["Forward", "Backward"], 12, 3);
        Assert.Equal("Forward، Backward، ۱۲ بار با بررسی‌ها (از جمله آزمون‌های پنهان) و سپس روی ۳ ورودی تازهٔ انتخاب‌شده هنگام نمره‌دهی فراخوانی شد", fa);
        Assert.DoesNotContain(fa, char.IsAsciiDigit);
    }
}
