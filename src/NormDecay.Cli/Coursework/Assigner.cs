using NormDecay.Cli.IO;
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

    /// <summary>
    /// The notebook a student is handed, exactly as <see cref="Assign"/> writes it: <see cref="Release"/> of
    /// <paramref name="source"/> with the repository's setup cell replaced by the release's (<see cref="SetupCell.ReleaseText"/>,
    /// which loads <c>lib/</c> beside the notebook). The site's assignment pages show this notebook and offer it for
    /// download, so the site and <c>assign</c> strip solutions one way. <paramref name="source"/> may be an executed copy:
    /// its outputs are cleared with the rest.
    /// </summary>
    /// <exception cref="InvalidDataException">A region is malformed, or a solution cell has no solution region (named).</exception>
    public static NotebookFile StudentNotebook(NotebookFile source)
    {
        NotebookFile release = Release(source);
        NotebookCell? setup = release.Cells.FirstOrDefault(c => c.IsCode);
        if (setup is not null && SetupCell.Matches(setup.Source))
        {
            setup.Source = SetupCell.ReleaseText;
        }

        return release;
    }

    /// <summary>
    /// True when <paramref name="notebook"/> is coursework whose source must not be shown to students: it names its
    /// assignment (<c>metadata.normdecay.assignment</c>, as <c>grade</c> matches submissions), or a cell carries nbgrader's
    /// solution or grade marks, or a code cell has a solution or hidden-tests region.
    /// </summary>
    public static bool IsAssignment(NotebookFile notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return GradeCell.AssignmentId(notebook) is not null
            || notebook.Cells.Any(c => GradeCell.Of(c) is { } g && (g.Solution || g.Grade)
                || (c.IsCode && (Regions.HasSolution(c.Source) || Regions.HasHiddenTests(c.Source))));
    }

    /// <summary>The file name of a release notebook: <c>&lt;assignment&gt;.ipynb</c> (English), <c>&lt;assignment&gt;.fa.ipynb</c> (Persian).</summary>
    public static string ReleaseFileName(string assignment, string? language) =>
        language is null or "en" ? assignment + ".ipynb" : $"{assignment}.{language}.ipynb";

    /// <summary>
    /// Writes nbgrader's release tree into the course folder <paramref name="outputDirectory"/>: for each assignment
    /// <c>release/&lt;assignment&gt;/</c> holding its notebooks (<see cref="ReleaseFileName"/>; the setup cell loads
    /// <c>lib/</c> beside the notebook), <c>lib/</c> (the course libraries from <paramref name="libraryDirectory"/>),
    /// <c>.config/dotnet-tools.json</c> (the pinned kernel, when <paramref name="toolManifest"/> is given) and a README.
    /// The folder, zipped and unzipped anywhere, runs with the .NET SDK and the pinned kernel only. Writes are atomic;
    /// sources are never written.
    /// </summary>
    /// <returns>The notebooks written, in the order of <paramref name="sources"/>.</returns>
    /// <exception cref="InvalidOperationException">A release would overwrite its own source.</exception>
    /// <exception cref="DirectoryNotFoundException">The libraries are not built (says how to build them).</exception>
    public static IReadOnlyList<string> Assign(IReadOnlyList<string> sources, string outputDirectory, string? libraryDirectory = null, string? toolManifest = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var written = new List<string>();
        var planned = new List<(NotebookFile Release, string Target)>();
        foreach (string s in sources)
        {
            string full = Path.GetFullPath(s);
            NotebookFile source = NotebookFile.Load(full);
            string id = GradeCell.AssignmentId(source) ?? Path.GetFileNameWithoutExtension(full);
            string target = Path.Combine(Path.GetFullPath(outputDirectory), "release", id, ReleaseFileName(id, Execution.RepositoryLayout.LanguageOf(full)));
            if (string.Equals(target, full, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The release of '{full}' would overwrite the source; choose another -o.");
            }

            NotebookFile release = StudentNotebook(source); // every source is checked before anything is written
            planned.Add((release, target));
        }

        if (libraryDirectory is not null && !SetupCell.Libraries.All(l => File.Exists(Path.Combine(libraryDirectory, l + ".dll"))))
        {
            throw new DirectoryNotFoundException($"The course libraries are not all in '{libraryDirectory}'; build them first: dotnet build src/NormDecay.Notebook -c Release.");
        }

        foreach (var (release, target) in planned)
        {
            release.Save(target);
            written.Add(target);
            string folder = Path.GetDirectoryName(target)!;
            if (libraryDirectory is not null)
            {
                foreach (string dll in Directory.EnumerateFiles(libraryDirectory, "*.dll"))
                {
                    AtomicFile.WriteAllBytes(Path.Combine(folder, "lib", Path.GetFileName(dll)), File.ReadAllBytes(dll));
                }
            }

            if (toolManifest is not null)
            {
                AtomicFile.WriteAllText(Path.Combine(folder, ".config", "dotnet-tools.json"), File.ReadAllText(toolManifest));
            }

            AtomicFile.WriteAllText(Path.Combine(folder, "README.md"), ReleaseReadme(Path.GetFileName(folder)));
        }

        return written;
    }

    private static string ReleaseReadme(string id) => $$"""
        # {{id}}

        Open `{{id}}.ipynb` (English) or `{{id}}.fa.ipynb` (Persian) in VS Code (Polyglot Notebooks extension) or Jupyter,
        from this folder: the first cell loads the course libraries from `lib/` beside the notebook, so keep the folder
        together. You need the .NET SDK (10) and the course's pinned kernel:

            dotnet tool restore                                  # in this folder: installs the pinned dotnet-interactive
            dotnet tool run dotnet-interactive jupyter install   # for Jupyter: registers the .net-csharp kernel

        Write your code where a cell says `throw new NotImplementedException(...)`, keep the function signatures, run the
        checks, and hand in the notebook.

        """;
}
