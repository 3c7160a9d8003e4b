namespace NormDecay.Cli.Coursework;

/// <summary>
/// A private, world-readable copy of the grading worker's build output (its .dll and .json files only: the worker,
/// Roslyn, MathNet.Numerics), bound read-only at <c>/grader</c> in every sandbox of a grading run. Nothing else of the
/// repository (sources, hidden tests, course libraries) is in it. Deleted on disposal.
/// </summary>
public sealed class WorkerStage : IDisposable
{
    private WorkerStage(string directory) => Directory = directory;

    /// <summary>The staged folder.</summary>
    public string Directory { get; }

    /// <summary>Where the worker's build output is: beside this tool's own output folder (artifacts/build/bin/NormDecay.Grading.Worker/&lt;config&gt;).</summary>
    public static string DefaultSource(string root)
    {
        string here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        string config = Path.GetFileName(here);
        string sibling = Path.GetFullPath(Path.Combine(here, "..", "..", "NormDecay.Grading.Worker", config));
        if (File.Exists(Path.Combine(sibling, "NormDecay.Grading.Worker.dll")))
        {
            return sibling;
        }

        foreach (string c in new[] { "release", "debug" })
        {
            string p = Path.Combine(root, "artifacts", "build", "bin", "NormDecay.Grading.Worker", c);
            if (File.Exists(Path.Combine(p, "NormDecay.Grading.Worker.dll")))
            {
                return p;
            }
        }

        return sibling;
    }

    /// <summary>Copies the worker from <paramref name="source"/>.</summary>
    /// <exception cref="FileNotFoundException">The worker is not built there (says how to build it).</exception>
    public static WorkerStage Create(string source)
    {
        if (!File.Exists(Path.Combine(source, "NormDecay.Grading.Worker.dll")))
        {
            throw new FileNotFoundException($"The grading worker is not built at '{source}': dotnet build src/NormDecay.Grading.Worker -c Release.");
        }

        string dir = Path.Combine(Path.GetTempPath(), "normdecay-worker-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(dir);
        foreach (string f in System.IO.Directory.EnumerateFiles(source).Where(f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
        {
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            foreach (string f in System.IO.Directory.EnumerateFiles(dir))
            {
                File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }

        return new WorkerStage(dir);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
