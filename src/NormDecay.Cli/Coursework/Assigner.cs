using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// Makes the student release of an assignment (nbgrader's "generate assignment"): solution regions become a stub that
/// throws <see cref="NotImplementedException"/>, markdown solution cells become <see cref="Regions.MarkdownAnswer"/>,
/// hidden-test regions are removed, outputs and execution counts are cleared. Everything else (ids, metadata,
/// nbgrader marks) is kept, so the grader can match the submission back to the source.
/// </summary>
public static class Assigner
{
    /// <summary>The release of <paramref name="source"/> (a new notebook; the source is not modified).</summary>
    /// <exception cref="InvalidDataException">A region is malformed, or a solution cell has no solution region (named).</exception>
    public static NotebookFile Release(NotebookFile source)
    {
        ArgumentNullException.ThrowIfNull(source);
        NotebookFile release = source.Clone();
        foreach (NotebookCell cell in release.Cells)
        {
            string id = cell.Id ?? "(no id)";
            GradeCell? grade = GradeCell.Of(cell);
            if (cell.IsMarkdown && grade?.Solution == true)
            {
                cell.Source = Regions.MarkdownAnswer;
                continue;
            }

            if (!cell.IsCode)
            {
                continue;
            }

            string text = cell.Source;
            if (grade?.Solution == true && !Regions.HasSolution(text))
            {
                throw new InvalidDataException($"cell '{id}' is a solution cell but has no '// {Regions.BeginSolution}' region to replace.");
            }

            text = Regions.StubSolutions(text, grade?.GradeId ?? id);
            text = Regions.RemoveHiddenTests(text, id);
            cell.Source = text;
            cell.ClearOutputs();
        }

        return release;
    }

    /// <summary>Writes the release of each source to <paramref name="outputDirectory"/>/&lt;language&gt;/ (or the folder itself for sources outside en/fa), atomically.</summary>
    /// <returns>The paths written, in the order of <paramref name="sources"/>.</returns>
    /// <exception cref="InvalidOperationException">A release would overwrite its own source.</exception>
    public static IReadOnlyList<string> Assign(IReadOnlyList<string> sources, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var written = new List<string>();
        var planned = new List<(NotebookFile Release, string Target)>();
        foreach (string s in sources)
        {
            string full = Path.GetFullPath(s);
            string target = Path.Combine(Path.GetFullPath(outputDirectory), Execution.RepositoryLayout.LanguageOf(full) ?? "", Path.GetFileName(full));
            if (string.Equals(target, full, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The release of '{full}' would overwrite the source; choose another -o.");
            }

            planned.Add((Release(NotebookFile.Load(full)), target)); // every source is checked before anything is written
        }

        foreach (var (release, target) in planned)
        {
            release.Save(target);
            written.Add(target);
        }

        return written;
    }
}
