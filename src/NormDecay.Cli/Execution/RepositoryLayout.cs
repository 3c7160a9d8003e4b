using NormDecay.Charts.Text;

namespace NormDecay.Cli.Execution;

/// <summary>Where things are in a NormDecay checkout.</summary>
public static class RepositoryLayout
{
    /// <summary>
    /// The repository root: the nearest folder at or above <paramref name="start"/> holding <c>NormDecay.sln</c>, else the
    /// nearest one holding <c>.config/dotnet-tools.json</c>; null when neither exists.
    /// </summary>
    public static string? FindRoot(string start)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(start);
        string? toolRoot = null;
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NormDecay.sln")))
            {
                return dir.FullName;
            }

            toolRoot ??= File.Exists(Path.Combine(dir.FullName, ".config", "dotnet-tools.json")) ? dir.FullName : null;
        }

        return toolRoot;
    }

    /// <summary>
    /// The language of a notebook: its metadata (<see cref="Notebooks.NotebookMetadata.Language"/>, read when the file exists and
    /// parses), else its folder name ("en", "fa"), else null.
    /// </summary>
    public static string? LanguageOf(string notebookPath)
    {
        string full = Path.GetFullPath(notebookPath);
        if (File.Exists(full))
        {
            try
            {
                if (Notebooks.NotebookMetadata.Language(Notebooks.NotebookFile.Load(full)) is { } fromMetadata)
                {
                    return fromMetadata;
                }
            }
            catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
            {
                // Not readable as a notebook: the folder decides (the caller reports the file itself).
            }
        }

        return LanguageOfFolder(full);
    }

    /// <summary>The course language (<see cref="CourseLanguage.Supported"/>) named by a notebook's folder, or null.</summary>
    public static string? LanguageOfFolder(string notebookPath)
    {
        string folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(notebookPath))) ?? "";
        return CourseLanguage.IsSupported(folder) ? folder : null;
    }

    /// <summary>All .ipynb files under the given files/folders, sorted, without checkpoints and hidden folders.</summary>
    /// <exception cref="FileNotFoundException">A path does not exist (named in the message).</exception>
    public static IReadOnlyList<string> ExpandNotebooks(IEnumerable<string> paths)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string p in paths)
        {
            string full = Path.GetFullPath(p);
            if (File.Exists(full))
            {
                found.Add(full);
            }
            else if (Directory.Exists(full))
            {
                foreach (string f in Directory.EnumerateFiles(full, "*.ipynb", SearchOption.AllDirectories))
                {
                    string rel = Path.GetRelativePath(full, f);
                    if (!rel.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                    {
                        found.Add(f);
                    }
                }
            }
            else
            {
                throw new FileNotFoundException($"No notebook or folder at '{p}'.", p);
            }
        }

        return [.. found];
    }
}
