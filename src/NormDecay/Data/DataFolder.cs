namespace NormDecay.Data;

/// <summary>
/// Finds the repository's <c>data/</c> folder from wherever the code runs: a notebook (current directory
/// <c>notebooks/en</c> or <c>notebooks/fa</c>), a test (the artifacts <c>bin</c> folder), or the command-line tool.
/// </summary>
/// <remarks>
/// Search order: (1) the environment variable <c>NORMDECAY_DATA</c>, which must name a folder holding
/// <c>digits.csv</c>; (2) walking up from the current directory, at each level looking for <c>data/digits.csv</c>;
/// (3) the same walk from the directory of the NormDecay assembly; (4) the same walk from the source folder the
/// library was compiled from (recorded at build time, so a test whose build output lives outside the repository,
/// e.g. under a custom <c>ArtifactsPath</c>, still finds the repository's data). The first hit wins.
/// </remarks>
public static class DataFolder
{
    /// <summary>Name of the environment variable that overrides the search.</summary>
    public const string EnvironmentVariable = "NORMDECAY_DATA";

    /// <summary>The file whose presence marks the data folder.</summary>
    public const string MarkerFile = "digits.csv";

    /// <summary>The full path of the data folder.</summary>
    /// <exception cref="DirectoryNotFoundException">When no folder is found; the message lists every place looked.</exception>
    public static string Locate() =>
        Search(
            Environment.GetEnvironmentVariable(EnvironmentVariable),
            [Directory.GetCurrentDirectory(), Path.GetDirectoryName(typeof(DataFolder).Assembly.Location), Path.GetDirectoryName(CompiledSourceFile())]);

    private static string CompiledSourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    /// <summary>The search itself, with its inputs passed in (for tests).</summary>
    internal static string Search(string? env, string?[] starts)
    {
        var looked = new List<string>();
        if (!string.IsNullOrWhiteSpace(env))
        {
            string full = Path.GetFullPath(env);
            if (File.Exists(Path.Combine(full, MarkerFile)))
            {
                return full;
            }

            looked.Add($"{EnvironmentVariable}={full} (no {MarkerFile} there)");
        }

        foreach (string? start in starts.Distinct())
        {
            if (string.IsNullOrEmpty(start) || !Directory.Exists(start))
            {
                continue;
            }

            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, MarkerFile)))
                {
                    return candidate;
                }
            }

            looked.Add($"every parent of {start} (looking for data/{MarkerFile})");
        }

        throw new DirectoryNotFoundException(
            $"NormDecay could not find its data folder. Looked in: {string.Join("; ", looked)}. " +
            $"Set the environment variable {EnvironmentVariable} to the folder that holds {MarkerFile}.");
    }

    /// <summary>The full path of <paramref name="fileName"/> inside the data folder.</summary>
    /// <exception cref="DirectoryNotFoundException">When the data folder is not found.</exception>
    public static string PathOf(string fileName) => Path.Combine(Locate(), fileName);
}
