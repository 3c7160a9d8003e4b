using NormDecay.Cli.Commands;

namespace NormDecay.Cli.Execution;

/// <summary>Checks that a folder can be written, before any work that would write into it starts.</summary>
public static class OutputFolder
{
    /// <summary>
    /// Creates <paramref name="directory"/> if needed and writes and deletes a probe file in it.
    /// </summary>
    /// <exception cref="OutputFolderException">The folder cannot be created or written; the message names it and why.</exception>
    public static void EnsureWritable(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string full = Path.GetFullPath(directory);
        string probe = Path.Combine(full, $".normdecay-write-test-{Guid.NewGuid():N}");
        try
        {
            if (File.Exists(full))
            {
                throw new IOException("it is a file, not a folder");
            }

            Directory.CreateDirectory(full);
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new OutputFolderException($"cannot write to the output folder '{full}': {Reason(e)}; choose another with -o DIR");
        }
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        _ when e.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) => "read-only file system",
        _ => e.Message.TrimEnd('.'),
    };
}
