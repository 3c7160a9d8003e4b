namespace NormDecay.Cli.Export;

/// <summary>Options of <see cref="SiteExporter"/>. Every property has a documented default; <see cref="Default"/> uses them all.</summary>
public sealed record ExportOptions
{
    /// <summary>The default options.</summary>
    public static ExportOptions Default { get; } = new();

    /// <summary>Site title shown on the English side of the index. Default: "NormDecay: Batch Normalization and Learning-Rate Decay".</summary>
    public string SiteTitle { get; init; } = "NormDecay: Batch Normalization and Learning-Rate Decay";

    /// <summary>Site title shown on the Persian side of the index. Default: "نرمال‌سازی دسته‌ای و کاهش نرخ یادگیری (NormDecay)".</summary>
    public string SiteTitlePersian { get; init; } = "نرمال‌سازی دسته‌ای و کاهش نرخ یادگیری (NormDecay)";

    /// <summary>
    /// Language of a notebook whose parent folder is not a two-letter language code (notebooks normally sit in
    /// <c>…/en/</c> or <c>…/fa/</c>, and the folder name is the language). Default: "en".
    /// </summary>
    public string DefaultLanguage { get; init; } = "en";
}
