using System.Globalization;
using System.Net;
using Microsoft.DotNet.Interactive;
using NormDecay.Charts.Text;

namespace NormDecay.Notebook;

/// <summary>
/// A sentence of a lesson ("the numbers show X") checked in code beside the numbers that back it:
/// <code>Claim.That("claim.l04.bnWidensRate", largestWithBn > largestWithout, largestWithBn, largestWithout);</code>
/// The sentence is looked up by key in the course's string table (<see cref="ChartText"/>, files
/// <c>src/NormDecay.Charts/Text/strings.{en,fa}.json</c>, keys starting with <c>claim.</c>) in the notebook's language, with
/// <c>{0}</c>, <c>{1}</c>, ... filled from the measured values (invariant culture, so numbers keep Latin digits; use format
/// items such as <c>{0:0.0%}</c>). When the condition holds, the reader sees a ticked line; when it does not, the cell fails
/// with <see cref="ClaimFailedException"/>, so the course build (which executes every notebook) fails too.
/// </summary>
public sealed class Claim
{
    /// <summary>The prefix every claim key starts with: <c>claim.</c>.</summary>
    public const string KeyPrefix = "claim.";

    // The sentence for HTML: in a right-to-left language every value is isolated left to right (U+2066 ... U+2069),
    // so a number such as 5.3e-15 stays in one piece beside Persian text instead of splitting at its letter.
    private readonly string htmlText;

    private Claim(string key, string text, string htmlText, bool holds, string language)
    {
        Key = key;
        Text = text;
        this.htmlText = htmlText;
        Holds = holds;
        Language = language;
    }

    /// <summary>The string-table key of the sentence.</summary>
    public string Key { get; }

    /// <summary>The sentence with the measured values filled in, in <see cref="Language"/>.</summary>
    public string Text { get; }

    /// <summary>Whether the condition held.</summary>
    public bool Holds { get; }

    /// <summary>The language the sentence is written in (<c>en</c> or <c>fa</c>).</summary>
    public string Language { get; }

    /// <summary>
    /// Checks a lesson's claim: shows "✓ sentence" when <paramref name="holds"/> is true, throws otherwise.
    /// </summary>
    /// <param name="key">The sentence's key in the string table; must start with <see cref="KeyPrefix"/>.</param>
    /// <param name="holds">The condition, computed from the cell's own results.</param>
    /// <param name="values">The measured values the sentence quotes, in the order of its format items.</param>
    /// <remarks>Returns nothing, so a claim as the last line of a cell is shown once: it is displayed in a notebook, printed on
    /// standard output elsewhere.</remarks>
    /// <exception cref="ArgumentException">The key does not start with <see cref="KeyPrefix"/>.</exception>
    /// <exception cref="KeyNotFoundException">The key has no sentence in the current language.</exception>
    /// <exception cref="FormatException">The sentence's format items do not match <paramref name="values"/>.</exception>
    /// <exception cref="ClaimFailedException"><paramref name="holds"/> is false; the message is the sentence.</exception>
    public static void That(string key, bool holds, params object?[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A claim key starts with '{KeyPrefix}'; got '{key}'.", nameof(key));
        }

        string language = ChartText.Language;
        string sentence = ChartText.Get(key, language);
        string text = string.Format(CultureInfo.InvariantCulture, sentence, values);
        string htmlText = CourseLanguage.IsRightToLeft(language) && values is { Length: > 0 }
            ? string.Format(CultureInfo.InvariantCulture, sentence, [.. values.Select(v => (object)new LeftToRight(v))])
            : text;
        var claim = new Claim(key, text, htmlText, holds, language);
        if (!holds)
        {
            throw new ClaimFailedException(claim);
        }

        Show(claim);
    }

    /// <summary>The claim as one plain-text line: <c>✓ sentence</c>.</summary>
    public override string ToString() => (Holds ? "\u2713 " : "\u2717 ") + Text;

    /// <summary>The claim as HTML: a green ticked line, right-to-left for Persian (numbers and code inside stay isolated).</summary>
    public string ToHtml()
    {
        string dir = CourseLanguage.HtmlDirectionAttributes(Language);
        return $"<div class=\"normdecay-claim\" data-holds=\"{(Holds ? "true" : "false")}\" data-key=\"{WebUtility.HtmlEncode(Key)}\"{dir} " +
               "style=\"color:#1a7f37;background:#dafbe1;border-radius:4px;padding:2px 8px;margin:2px 0;display:inline-block\">" +
               $"<strong>\u2713</strong> <bdi{dir}>{WebUtility.HtmlEncode(htmlText)}</bdi></div>";
    }

    // A value formatted as string.Format would, between a left-to-right isolate and its closing mark.
    private sealed class LeftToRight(object? value) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            "\u2066" + (value is IFormattable f ? f.ToString(format, formatProvider) : value?.ToString()) + "\u2069";

        public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
    }

    private static void Show(Claim claim)
    {
        // Outside a kernel (a test, a console program) the kernel's assembly is absent: print instead of displaying.
        bool inKernel = AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.DotNet.Interactive");
        if (!inKernel || !DisplayInKernel(claim))
        {
            Console.WriteLine(claim.ToString());
        }
    }

    // Kept apart so the JIT resolves no kernel type unless the kernel's assembly is loaded.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool DisplayInKernel(Claim claim)
    {
        KernelInvocationContext? context = KernelInvocationContext.Current;
        if (context is null)
        {
            return false;
        }

        context.Display(claim, NormDecay.Charts.Output.ChartOutput.HtmlMimeType, "text/plain");
        return true;
    }
}

/// <summary>A lesson's claim that the numbers do not support; the message is the sentence and its key.</summary>
public sealed class ClaimFailedException : Exception
{
    /// <summary>Creates the exception for <paramref name="claim"/>.</summary>
    /// <param name="claim">The claim that did not hold.</param>
    public ClaimFailedException(Claim claim)
        : base($"Claim '{claim?.Key}' does not hold: {claim?.Text}")
    {
        ArgumentNullException.ThrowIfNull(claim);
        Claim = claim;
    }

    /// <summary>The claim that did not hold.</summary>
    public Claim Claim { get; }
}
