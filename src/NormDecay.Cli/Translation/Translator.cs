using NormDecay.Charts.Text;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Translation;

/// <summary>
/// Generates a notebook in another language from the English source and a <see cref="TranslationFile"/>: code cells
/// (and any non-markdown cell) are copied byte for byte, markdown is replaced by its translation keyed by cell id, cell
/// ids and metadata stay the same. Right-to-left markdown (<see cref="CourseLanguage.IsRightToLeft"/>, e.g. Persian) is wrapped in <c>&lt;div dir="rtl" lang="fa"&gt;</c>
/// with blank lines around it, so VS Code, Jupyter and the exporter render it right-to-left while markdown inside still renders.
/// </summary>
public static class Translator
{
    /// <summary>The markdown stored in a generated cell for <paramref name="translated"/> text in <paramref name="language"/>.</summary>
    public static string Wrap(string translated, string language)
    {
        ArgumentNullException.ThrowIfNull(translated);
        string body = translated.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
        return CourseLanguage.IsRightToLeft(language) ? $"<div dir=\"rtl\" lang=\"{language}\">\n\n{body}\n\n</div>" : body;
    }

    /// <summary>
    /// Lists what keeps <paramref name="translation"/> from translating <paramref name="english"/>: markdown cells without an
    /// id, with no or an empty translation, or whose English text changed since translation (stale). Empty means complete.
    /// </summary>
    public static IReadOnlyList<TranslationProblem> Problems(NotebookFile english, TranslationFile translation)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(translation);
        var problems = new List<TranslationProblem>();
        string name = Path.GetFileName(english.Path ?? translation.Notebook);
        for (int i = 0; i < english.Cells.Count; i++)
        {
            NotebookCell cell = english.Cells[i];
            if (!cell.IsMarkdown)
            {
                continue;
            }

            if (cell.Id is null)
            {
                problems.Add(new TranslationProblem(name, $"cell {i + 1}", "has no id, so it cannot be translated (run 'check' for ids)"));
                continue;
            }

            string hash = TranslationFile.Hash(cell.Source);
            if (!translation.Cells.TryGetValue(cell.Id, out CellTranslation? t) || string.IsNullOrWhiteSpace(t.Text))
            {
                problems.Add(new TranslationProblem(name, cell.Id, $"has no {translation.Language} translation (cell {i + 1}, starts \"{Preview(cell.Source)}\")"));
            }
            else if (!string.Equals(t.SourceSha256, hash, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new TranslationProblem(name, cell.Id, $"is stale: the English text changed since it was translated (cell {i + 1}, now starts \"{Preview(cell.Source)}\"; translated hash {Short(t.SourceSha256)}; after updating the text set sourceSha256 to {hash})"));
            }
        }

        var ids = english.Cells.Where(c => c.IsMarkdown && c.Id is not null).Select(c => c.Id!).ToHashSet(StringComparer.Ordinal);
        foreach (string orphan in translation.Cells.Keys.Where(k => !ids.Contains(k)))
        {
            problems.Add(new TranslationProblem(name, orphan, "is translated but no English markdown cell has this id (deleted or re-created?)"));
        }

        return problems;
    }

    /// <summary>
    /// Builds the translated notebook, with its language in <c>metadata.normdecay.lang</c> (<see cref="NotebookMetadata.SetLanguage"/>),
    /// so that a copy kept outside <c>notebooks/&lt;language&gt;/</c> still runs and exports in its language. Throws when
    /// <see cref="Problems"/> is not empty.
    /// </summary>
    /// <exception cref="InvalidOperationException">The translation is missing or stale; the message lists every problem.</exception>
    public static NotebookFile Translate(NotebookFile english, TranslationFile translation)
    {
        IReadOnlyList<TranslationProblem> problems = Problems(english, translation).Where(p => !p.Message.StartsWith("is translated but", StringComparison.Ordinal)).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Cannot translate '{translation.Notebook}' to {translation.Language}:\n  " + string.Join("\n  ", problems.Select(p => p.ToString())));
        }

        NotebookFile result = english.Clone();
        NotebookMetadata.SetLanguage(result, translation.Language);
        for (int i = 0; i < result.Cells.Count; i++)
        {
            NotebookCell cell = result.Cells[i];
            if (cell.IsMarkdown)
            {
                cell.Source = Wrap(translation.Cells[cell.Id!].Text, translation.Language);
            }
        }

        return result;
    }

    /// <summary>
    /// A skeleton translation: existing translations kept (stale ones keep their text and old hash, so check still flags
    /// them), every untranslated markdown cell added with its hash and empty text.
    /// </summary>
    public static TranslationFile Stub(NotebookFile english, string language, TranslationFile? existing)
    {
        ArgumentNullException.ThrowIfNull(english);
        var stub = new TranslationFile { Notebook = Path.GetFileName(english.Path ?? existing?.Notebook ?? "notebook.ipynb"), Language = language };
        foreach (NotebookCell cell in english.Cells.Where(c => c.IsMarkdown && c.Id is not null))
        {
            stub.Cells[cell.Id!] = existing is not null && existing.Cells.TryGetValue(cell.Id!, out CellTranslation? t)
                ? t
                : new CellTranslation(TranslationFile.Hash(cell.Source), "");
        }

        return stub;
    }

    private static string Preview(string s)
    {
        string line = s.Split('\n')[0].Trim();
        return line.Length > 40 ? line[..40] + "…" : line;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}

/// <summary>A translation that is missing, stale or orphaned.</summary>
/// <param name="Notebook">The English notebook's file name.</param>
/// <param name="CellId">The cell id (or "cell N" when the cell has none).</param>
/// <param name="Message">What is wrong.</param>
public sealed record TranslationProblem(string Notebook, string CellId, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Notebook}: cell {CellId} {Message}";
}
