namespace NormDecay.Cli.Translation;

/// <summary>
/// The course layout: <c>notebooks/en/NAME.ipynb</c> (source), <c>notebooks/fa/NAME.ipynb</c> (generated),
/// <c>notebooks/i18n/fa/NAME.json</c> (translation).
/// </summary>
public static class CoursePaths
{
    /// <summary>The language of a notebook from its folder ("en", "fa"), or null.</summary>
    public static string? LanguageOf(string notebookPath) => Execution.RepositoryLayout.LanguageOf(notebookPath);

    /// <summary>The same notebook in <paramref name="language"/>'s folder.</summary>
    public static string Counterpart(string notebookPath, string language)
    {
        string full = Path.GetFullPath(notebookPath);
        string languageDir = Path.GetDirectoryName(full)!;
        return Path.Combine(Path.GetDirectoryName(languageDir)!, language, Path.GetFileName(full));
    }

    /// <summary>The translation file of an English notebook into <paramref name="language"/>.</summary>
    public static string TranslationFile(string englishNotebookPath, string language)
    {
        string full = Path.GetFullPath(englishNotebookPath);
        string notebooksDir = Path.GetDirectoryName(Path.GetDirectoryName(full)!)!;
        return Path.Combine(notebooksDir, "i18n", language, Path.GetFileNameWithoutExtension(full) + ".json");
    }
}
