using System.Reflection;
using NormDecay.Cli.Notebooks;

namespace NormDecay.Cli.Tests.Support;

/// <summary>The repository root recorded at build time, and scratch course layouts for tests.</summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "NormDecay.RepositoryRoot").Value!.TrimEnd('/', '\\');

    public static string Lib => Path.Combine(Root, "artifacts", "lib");

    /// <summary>A fresh folder with notebooks/{en,fa}, notebooks/i18n/fa and artifacts/lib linked to the real one.</summary>
    public static string NewCourse()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-cli-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(dir, "notebooks", "en"));
        Directory.CreateDirectory(Path.Combine(dir, "notebooks", "fa"));
        Directory.CreateDirectory(Path.Combine(dir, "notebooks", "i18n", "fa"));
        Directory.CreateDirectory(Path.Combine(dir, "artifacts"));
        Directory.CreateSymbolicLink(Path.Combine(dir, "artifacts", "lib"), Lib);
        return dir;
    }

    /// <summary>A valid source notebook: title, setup cell, the given code cells (ids c1, c2, ...), a closing markdown cell.</summary>
    public static NotebookFile Notebook(params string[] code)
    {
        NotebookFile nb = NotebookFile.Create();
        nb.AddCell(NotebookCell.Markdown("title", "# A test notebook\n\nSome *markdown*."));
        nb.AddCell(NotebookCell.Code("setup", SetupCell.Text));
        for (int i = 0; i < code.Length; i++)
        {
            nb.AddCell(NotebookCell.Code($"c{i + 1}", code[i]));
        }

        nb.AddCell(NotebookCell.Markdown("next", "## What to try next\n\nChange a number."));
        NotebookMetadata.Apply(nb);
        return nb;
    }
}
