using NormDecay.Charts.Text;

namespace NormDecay.Notebook;

/// <summary>Hands the notebook's language to NormDecay.Charts, whose string table (<see cref="ChartText"/>) gives chart titles and labels.</summary>
internal static class ChartLanguage
{
    /// <summary>Sets <see cref="ChartText.Language"/> to <paramref name="language"/> ("en" or "fa").</summary>
    public static void Apply(string language) => ChartText.Language = language;
}
