using System.Reflection;
using System.Runtime.Loader;

namespace NormDecay.Notebook;

/// <summary>
/// Works around the FSharp.Core version clash of the pinned kernel: <c>Microsoft.dotnet-interactive</c> 1.0.712001 loads
/// FSharp.Core 10.0.0.0, Plotly.NET 6.0.0 asks for 10.1.0.0, and the default load context refuses to hand out the lower
/// version, so the first chart of a fresh kernel throws <see cref="FileNotFoundException"/>. The fix answers
/// <see cref="AssemblyLoadContext.Resolving"/> of <see cref="AssemblyLoadContext.Default"/> with the FSharp.Core already loaded.
/// </summary>
/// <remarks>
/// This type references no Plotly type on purpose: it must run before the JIT loads anything from Plotly.NET.
/// Installing it twice is harmless (the handler is added once per process).
/// </remarks>
public static class FSharpCoreFix
{
    private static readonly Lock Gate = new();
    private static bool installed;

    /// <summary>True once <see cref="Install"/> has added the handler in this process.</summary>
    public static bool IsInstalled
    {
        get
        {
            lock (Gate)
            {
                return installed;
            }
        }
    }

    /// <summary>Adds the resolver to <see cref="AssemblyLoadContext.Default"/> (once per process).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (installed)
            {
                return;
            }

            AssemblyLoadContext.Default.Resolving += Resolve;
            installed = true;
        }
    }

    /// <summary>
    /// The resolver: for a request named <c>FSharp.Core</c> (any version) returns the FSharp.Core assembly already loaded in
    /// the process, or null (let other resolvers try) when the request is for another assembly or none is loaded.
    /// </summary>
    /// <param name="context">The load context asking (unused: the loaded assembly is returned whatever asks).</param>
    /// <param name="name">The requested assembly name.</param>
    public static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!string.Equals(name.Name, "FSharp.Core", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (string.Equals(assembly.GetName().Name, "FSharp.Core", StringComparison.OrdinalIgnoreCase))
            {
                return assembly;
            }
        }

        return null;
    }
}
