using System.Text;

namespace NormDecay.Cli.IO;

/// <summary>
/// The tool's one way to write a file: the content goes to a temporary file in the target's folder, is flushed to disk,
/// and is then renamed over the target, so a reader never sees a half-written file and a crash leaves the old one. Every
/// verb (build, run, export, translate, assign, grade) writes through here.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) to <paramref name="path"/> atomically, creating the folder.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or has no parent folder.</exception>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAllBytes(path, Utf8NoBom.GetBytes(text));
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/> atomically, creating the folder; skips the write (the file
    /// keeps its time stamp) when it already holds exactly these bytes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or has no parent folder.</exception>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(bytes);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no parent folder.", nameof(path));
        Directory.CreateDirectory(dir);
        if (File.Exists(full) && new FileInfo(full).Length == bytes.Length && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes))
        {
            return;
        }

        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                fs.Write(bytes);
                fs.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
