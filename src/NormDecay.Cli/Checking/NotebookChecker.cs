using System.Text.RegularExpressions;
using NormDecay.Charts.Text;
using NormDecay.Cli.Notebooks;
using NormDecay.Cli.Translation;

namespace NormDecay.Cli.Checking;

/// <summary>
/// Checks committed notebook sources: nbformat 4.5 structure, C# kernel metadata, cell ids (present, valid, unique),
/// the setup cell as the first code cell, outputs cleared, the language metadata (if any) agreeing with the language folder,
/// and for a Persian notebook parity with its English source (the translation complete and fresh, the language in
/// <c>metadata.normdecay.lang</c>, and the committed cells equal to what <c>translate</c> generates).
/// </summary>
public static partial class NotebookChecker
{
    /// <summary>Checks one notebook; returns every problem found (empty when it passes).</summary>
    /// <param name="path">The notebook.</param>
    /// <param name="requireClearedOutputs">True for committed sources (default); false for executed copies.</param>
    public static IReadOnlyList<CheckProblem> Check(string path, bool requireClearedOutputs = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        var problems = new List<CheckProblem>();
        NotebookFile nb;
        try
        {
            nb = NotebookFile.Load(full);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            problems.Add(new CheckProblem(full, null, e.Message));
            return problems;
        }

        if (nb.Format != 4 || nb.FormatMinor < 5)
        {
            problems.Add(new CheckProblem(full, null, $"nbformat is {nb.Format}.{nb.FormatMinor}; expected 4.5 or later 4.x (cell ids need 4.5)"));
        }

        problems.AddRange(NotebookMetadata.Problems(nb).Select(p => new CheckProblem(full, null, p)));
        string? languageProblem = LanguageProblem(full, nb);
        if (languageProblem is not null)
        {
            problems.Add(new CheckProblem(full, null, languageProblem));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        NotebookCell? firstCode = null;
        for (int i = 0; i < nb.Cells.Count; i++)
        {
            NotebookCell cell = nb.Cells[i];
            string where = cell.Id is null ? $"cell {i + 1}" : $"cell {i + 1} (id {cell.Id})";
            if (cell.CellType is not ("code" or "markdown" or "raw"))
            {
                problems.Add(new CheckProblem(full, where, $"cell_type \"{cell.CellType}\" is not code, markdown or raw"));
            }

            if (cell.Id is null)
            {
                problems.Add(new CheckProblem(full, where, "has no id (nbformat 4.5 requires one)"));
            }
            else if (!CellId().IsMatch(cell.Id))
            {
                problems.Add(new CheckProblem(full, where, "id must be 1-64 characters of letters, digits, '-' and '_'"));
            }
            else if (!seen.Add(cell.Id))
            {
                problems.Add(new CheckProblem(full, where, "id is used by an earlier cell too"));
            }

            if (!cell.IsCode)
            {
                continue;
            }

            firstCode ??= cell;
            if (cell.KernelName != NotebookMetadata.KernelName)
            {
                problems.Add(new CheckProblem(full, where, $"metadata.polyglot_notebook.kernelName is {(cell.KernelName is null ? "missing" : $"\"{cell.KernelName}\"")} (expected \"csharp\")"));
            }

            problems.AddRange(MissingClaimSentences(cell.Source).Select(m => new CheckProblem(full, where, m)));
            if (requireClearedOutputs && ((cell.Outputs?.Count ?? 0) > 0 || cell.ExecutionCount is not null))
            {
                problems.Add(new CheckProblem(full, where, "has outputs or an execution count; committed sources must be cleared"));
            }
        }

        if (firstCode is null)
        {
            problems.Add(new CheckProblem(full, null, "has no code cell, so no setup cell"));
        }
        else if (!SetupCell.Matches(firstCode.Source))
        {
            problems.Add(new CheckProblem(full, $"id {firstCode.Id}", "the first code cell is not the setup cell (see notebooks/README.md for its exact text)"));
        }

        if (languageProblem is null)
        {
            problems.AddRange(CheckParity(full, nb));
        }

        return problems;
    }

    /// <summary>
    /// A notebook's language metadata (<c>metadata.normdecay.lang</c>, written by <c>translate</c>) must agree with the
    /// language folder it sits in; null when it does, when it is absent, or when the notebook is in no language folder.
    /// </summary>
    private static string? LanguageProblem(string path, NotebookFile nb)
    {
        string? declared = NotebookMetadata.Language(nb);
        string? folder = Execution.RepositoryLayout.LanguageOfFolder(path);
        return declared is not null && folder is not null && declared != folder
            ? $"metadata.{NotebookMetadata.OwnKey}.{NotebookMetadata.LanguageKey} is \"{declared}\" but the notebook is in the \"{folder}\" folder (a {folder} notebook must say \"{folder}\"; run 'translate' for a generated one)"
            : null;
    }

    /// <summary>Checks many notebooks (files or folders); an English notebook with no Persian counterpart is reported too.</summary>
    public static IReadOnlyList<CheckProblem> CheckAll(IEnumerable<string> paths, bool requireClearedOutputs = true)
    {
        var problems = new List<CheckProblem>();
        foreach (string nb in Execution.RepositoryLayout.ExpandNotebooks(paths))
        {
            problems.AddRange(Check(nb, requireClearedOutputs));
            if (CoursePaths.LanguageOf(nb) == CourseLanguage.English)
            {
                foreach (string other in CourseLanguage.Supported.Where(l => l != CourseLanguage.English && !File.Exists(CoursePaths.Counterpart(nb, l))))
                {
                    problems.Add(new CheckProblem(nb, null, $"has no {CourseLanguage.EnglishName(other)} counterpart {CoursePaths.Counterpart(nb, other)} (write {CoursePaths.TranslationFile(nb, other)} and run 'translate')"));
                }
            }
        }

        return problems;
    }

    private static IEnumerable<CheckProblem> CheckParity(string path, NotebookFile nb)
    {
        string? language = CoursePaths.LanguageOf(path);
        if (language is null or CourseLanguage.English)
        {
            yield break;
        }

        string englishPath = CoursePaths.Counterpart(path, CourseLanguage.English);
        if (!File.Exists(englishPath))
        {
            yield return new CheckProblem(path, null, $"has no English source {englishPath}");
            yield break;
        }

        string translationPath = CoursePaths.TranslationFile(englishPath, language);
        if (!File.Exists(translationPath))
        {
            yield return new CheckProblem(path, null, $"has no translation file {translationPath}");
            yield break;
        }

        NotebookFile english = NotebookFile.Load(englishPath);
        TranslationFile translation = TranslationFile.Load(translationPath);
        foreach (CheckProblem p in CheckWording(path, translationPath, translation))
        {
            yield return p;
        }

        IReadOnlyList<TranslationProblem> tp = Translator.Problems(english, translation);
        foreach (TranslationProblem p in tp)
        {
            yield return new CheckProblem(path, $"id {p.CellId}", $"translation ({Path.GetFileName(translationPath)}): {p.Message}");
        }

        if (tp.Count > 0)
        {
            yield break;
        }

        NotebookFile expected = Translator.Translate(english, translation);
        if (NotebookMetadata.Language(nb) != language)
        {
            yield return new CheckProblem(path, null, $"metadata.{NotebookMetadata.OwnKey}.{NotebookMetadata.LanguageKey} is missing (expected \"{language}\", so that a copy kept elsewhere still runs and exports in {language}); run 'translate'");
        }

        if (expected.Cells.Count != nb.Cells.Count)
        {
            yield return new CheckProblem(path, null, $"has {nb.Cells.Count} cells but the English source has {expected.Cells.Count}; run 'translate'");
            yield break;
        }

        for (int i = 0; i < nb.Cells.Count; i++)
        {
            NotebookCell want = expected.Cells[i], have = nb.Cells[i];
            string where = $"cell {i + 1} (id {have.Id})";
            if (want.Id != have.Id || want.CellType != have.CellType)
            {
                yield return new CheckProblem(path, where, $"is {have.CellType} id {have.Id} but the English cell {i + 1} is {want.CellType} id {want.Id}; run 'translate'");
            }
            else if (want.Source != have.Source)
            {
                yield return new CheckProblem(path, where, have.IsCode
                    ? "code differs from the English notebook (code cells must be identical byte for byte); run 'translate'"
                    : "markdown differs from what the translation file generates (edited by hand, or not regenerated); run 'translate'");
            }
        }
    }

    /// <summary>Every claim key a code cell names (<c>Claim.That("claim.x", ...)</c>) must have its sentence in every language of
    /// the string table (src/NormDecay.Charts/Text/strings.{en,fa}.json), or the cell would fail in that language.</summary>
    internal static IEnumerable<string> MissingClaimSentences(string code)
    {
        foreach (Match m in ClaimKey().Matches(code))
        {
            string key = m.Groups[1].Value;
            var missing = NormDecay.Charts.Text.CourseLanguage.Supported.Where(l => !NormDecay.Charts.Text.ChartText.Has(key, l)).ToArray();
            if (missing.Length > 0)
            {
                yield return $"claim key \"{key}\" has no sentence in strings.{string.Join(", strings.", missing)}.json";
            }
        }
    }

    /// <summary>
    /// The glossary and typography rules over every translated cell (see <see cref="Glossary"/> and <see cref="PersianTypography"/>):
    /// each stray variant is named with the translation file, the cell id, the variant and the term to use.
    /// Nothing is checked when the course has no <c>notebooks/i18n/&lt;language&gt;/glossary.json</c>.
    /// </summary>
    private static IEnumerable<CheckProblem> CheckWording(string path, string translationPath, TranslationFile translation)
    {
        Glossary? glossary;
        string? error = null;
        try
        {
            glossary = Glossary.ForTranslation(translationPath);
        }
        catch (InvalidDataException e)
        {
            glossary = null;
            error = e.Message;
        }

        if (error is not null)
        {
            yield return new CheckProblem(path, null, error);
            yield break;
        }

        if (glossary is null || translation.Language != "fa")
        {
            yield break;
        }

        bool assignment = IsAssignment(path);
        string file = Path.GetFileName(translationPath);
        foreach (var (id, cell) in translation.Cells)
        {
            foreach (GlossaryHit hit in glossary.Find(cell.Text, assignment))
            {
                yield return new CheckProblem(path, $"id {id}", $"translation ({file}): {hit}");
            }

            foreach (string problem in PersianTypography.Problems(cell.Text))
            {
                yield return new CheckProblem(path, $"id {id}", $"translation ({file}): {problem}");
            }
        }
    }

    [GeneratedRegex("\"(claim\\.[A-Za-z0-9_.-]+)\"")]
    private static partial Regex ClaimKey();

    /// <summary>True for an assignment notebook (<c>a1-...</c>, <c>a2-...</c>): the course's naming rule (notebooks/README.md).</summary>
    public static bool IsAssignment(string notebookPath) => AssignmentName().IsMatch(Path.GetFileName(notebookPath));

    [GeneratedRegex("^a[0-9]+-")]
    private static partial Regex AssignmentName();

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex CellId();
}

/// <summary>A check failure.</summary>
/// <param name="Notebook">Full path of the notebook.</param>
/// <param name="Where">The cell ("cell 3 (id abc)") or null for the whole notebook.</param>
/// <param name="Message">What is wrong.</param>
public sealed record CheckProblem(string Notebook, string? Where, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Where is null ? $"{Notebook}: {Message}" : $"{Notebook}: {Where}: {Message}";
}
