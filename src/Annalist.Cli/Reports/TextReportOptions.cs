namespace Annalist.Cli.Reports;

/// <summary>How much of each layer the text report shows.</summary>
public sealed record TextReportOptions
{
    public static TextReportOptions Default { get; } = new();

    /// <summary>Every item of every list, for <c>analyze --all</c>.</summary>
    public static TextReportOptions All { get; } = new() { MaxListedItems = int.MaxValue, SampleItems = int.MaxValue };

    /// <summary>Items listed in each section (people, transcript, dates …) before "… and N more".</summary>
    public int MaxListedItems { get; init; } = 10;

    /// <summary>Items shown as a sample for other layers.</summary>
    public int SampleItems { get; init; } = 5;

    /// <summary>Characters of a quotation's text shown before it is cut.</summary>
    public int MaxQuotationLength { get; init; } = 300;

    /// <summary>Characters of any other excerpt shown before it is cut.</summary>
    public int MaxExcerptLength { get; init; } = 80;
}
