namespace NormDecay.Notebook;

/// <summary>
/// The language of the running notebook ("en" or "fa"), inferred so that code cells never name it and stay byte-identical
/// across languages. Order: the environment variable <see cref="EnvironmentVariable"/> (set by <c>normdecay run</c>), else
/// the name of the kernel's working folder (VS Code and Jupyter start the kernel in the notebook's folder, and notebooks
/// live in <c>notebooks/en/</c> and <c>notebooks/fa/</c>), else <see cref="Default"/>.
/// </summary>
public static class NotebookLanguage
{
    /// <summary>The environment variable the runner sets to the notebook's language: <c>NORMDECAY_LANG</c>.</summary>
    public const string EnvironmentVariable = "NORMDECAY_LANG";

    /// <summary>The language when nothing says otherwise: "en".</summary>
    public const string Default = "en";

    /// <summary>The languages the course is written in: "en", "fa".</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "fa"];

    /// <summary>The language detected from this process's environment variable and working folder.</summary>
    public static string Current => Detect(Environment.GetEnvironmentVariable(EnvironmentVariable), Environment.CurrentDirectory);

    /// <summary>
    /// Infers the language from <paramref name="environmentValue"/> (used when it is a supported language) or from the last
    /// folder name of <paramref name="workingDirectory"/>; returns <see cref="Default"/> when neither names one.
    /// </summary>
    /// <param name="environmentValue">Value of <see cref="EnvironmentVariable"/>, or null. Case and spaces are ignored.</param>
    /// <param name="workingDirectory">The kernel's working folder, or null.</param>
    public static string Detect(string? environmentValue, string? workingDirectory)
    {
        string? fromEnvironment = Normalize(environmentValue);
        if (fromEnvironment is not null)
        {
            return fromEnvironment;
        }

        if (!string.IsNullOrWhiteSpace(workingDirectory))
        {
            string folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(workingDirectory));
            string? fromFolder = Normalize(folder);
            if (fromFolder is not null)
            {
                return fromFolder;
            }
        }

        return Default;
    }

    /// <summary>True when <paramref name="language"/> is Persian (right-to-left).</summary>
    public static bool IsRightToLeft(string language) => string.Equals(language, "fa", StringComparison.OrdinalIgnoreCase);

    private static string? Normalize(string? value)
    {
        string? v = value?.Trim().ToLowerInvariant();
        return v is not null && Supported.Contains(v) ? v : null;
    }
}
