using NormDecay.Charts.Text;

namespace NormDecay.Notebook;

/// <summary>
/// The language of the running notebook (one of <see cref="CourseLanguage.Supported"/>), inferred so that code cells never name it and stay byte-identical
/// across languages. Order: the environment variable <see cref="EnvironmentVariable"/> (set by <c>normdecay run</c>), else
/// the name of the kernel's working folder (VS Code and Jupyter start the kernel in the notebook's folder, and notebooks
/// live in <c>notebooks/en/</c> and <c>notebooks/fa/</c>), else <see cref="CourseLanguage.Default"/>. Which languages exist and
/// which are right to left is <see cref="CourseLanguage"/>'s to say.
/// </summary>
public static class NotebookLanguage
{
    /// <summary>The environment variable the runner sets to the notebook's language (<see cref="CourseLanguage.EnvironmentVariable"/>).</summary>
    public const string EnvironmentVariable = CourseLanguage.EnvironmentVariable;

    /// <summary>The language detected from this process's environment variable and working folder.</summary>
    public static string Current => Detect(Environment.GetEnvironmentVariable(EnvironmentVariable), Environment.CurrentDirectory);

    /// <summary>
    /// Infers the language from <paramref name="environmentValue"/> (used when it is a supported language) or from the last
    /// folder name of <paramref name="workingDirectory"/>; returns <see cref="CourseLanguage.Default"/> when neither names one.
    /// </summary>
    /// <param name="environmentValue">Value of <see cref="EnvironmentVariable"/>, or null. Case and spaces are ignored.</param>
    /// <param name="workingDirectory">The kernel's working folder, or null.</param>
    public static string Detect(string? environmentValue, string? workingDirectory)
    {
        string? fromEnvironment = CourseLanguage.Normalize(environmentValue);
        if (fromEnvironment is not null)
        {
            return fromEnvironment;
        }

        if (!string.IsNullOrWhiteSpace(workingDirectory))
        {
            string folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(workingDirectory));
            string? fromFolder = CourseLanguage.Normalize(folder);
            if (fromFolder is not null)
            {
                return fromFolder;
            }
        }

        return CourseLanguage.Default;
    }
}
