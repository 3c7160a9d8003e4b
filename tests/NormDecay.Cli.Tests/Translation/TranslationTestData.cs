using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Translation;

namespace NormDecay.Cli.Tests.Translation;

internal static class TranslationTestData
{
    /// <summary>Writes a complete translation of every markdown cell of <paramref name="englishPath"/> ("ترجمهٔ " + id).</summary>
    public static TranslationFile WriteTranslation(string englishPath, string language)
    {
        NotebookFile en = NotebookFile.Load(englishPath);
        var file = new TranslationFile { Notebook = Path.GetFileName(englishPath), Language = language };
        foreach (NotebookCell c in en.Cells.Where(c => c.IsMarkdown))
        {
            file.Cells[c.Id!] = new CellTranslation(TranslationFile.Hash(c.Source), $"## ترجمهٔ {c.Id}\n\nمتن `code` و $x$.");
        }

        file.Save(CoursePaths.TranslationFile(englishPath, language));
        return file;
    }
}
