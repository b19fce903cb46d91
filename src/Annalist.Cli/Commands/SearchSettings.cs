using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>The arguments of <c>annalist search</c>.</summary>
public sealed class SearchSettings : StoreSettings
{
    [CommandArgument(0, "<QUERY>")]
    [Description("Words a paragraph must all contain (any form: car finds cars); \"quoted words\" must occur together.")]
    public string[] Query { get; init; } = [];

    [CommandOption("-n|--limit <N>")]
    [Description("At most this many paragraphs, best first (default 20).")]
    [DefaultValue(20)]
    public int Limit { get; init; } = 20;

    public string QueryText => string.Join(' ', Query);

    public override ValidationResult Validate()
    {
        if (Query.Length == 0 || string.IsNullOrWhiteSpace(QueryText)) return ValidationResult.Error("Give words to search for.");
        if (Limit < 1) return ValidationResult.Error("--limit must be 1 or more.");
        return base.Validate();
    }
}
