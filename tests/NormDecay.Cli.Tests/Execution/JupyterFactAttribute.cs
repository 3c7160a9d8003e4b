namespace NormDecay.Cli.Tests.Execution;

/// <summary>A fact that needs the real Jupyter client (<c>jupyter-nbconvert</c> on PATH); skipped, saying so, where it is missing.</summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    /// <summary>True when <c>jupyter-nbconvert</c> is on PATH.</summary>
    public static bool NbconvertInstalled { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, "jupyter-nbconvert")));

    /// <summary>Skips the test unless jupyter nbconvert is installed.</summary>
    public JupyterFactAttribute()
    {
        if (!NbconvertInstalled)
        {
            Skip = "jupyter nbconvert is not installed (Debian: apt-get install jupyter-nbconvert python3-ipykernel; .ci/run does it)";
        }
    }
}
