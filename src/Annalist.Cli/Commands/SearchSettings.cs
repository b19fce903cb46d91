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

    [CommandOption("--person <NAME|ID>")]
    [Description("Only paragraphs mentioning this person (a corpus entity id or a name; repeat for several, all must be there).")]
    public string[] Persons { get; init; } = [];

    [CommandOption("--place <NAME|ID>")]
    [Description("Only paragraphs mentioning this place.")]
    public string[] Places { get; init; } = [];

    [CommandOption("--speaker <NAME|ID>")]
    [Description("Only paragraphs in this speaker's turns: \"what did Stalin say about cars\" is 'search cars --speaker Stalin'.")]
    public string[] Speakers { get; init; } = [];

    [CommandOption("--event <TYPE>")]
    [Description("Only paragraphs with an event of this type (meeting, delivery, agreement, …).")]
    public string[] EventTypes { get; init; } = [];

    [CommandOption("--from <DATE>")]
    [Description("Only paragraphs dated (by a date in them, or their document's date) on or after YYYY[[-MM[[-DD]]]] (the brackets mark what may be left out).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Only paragraphs dated on or before YYYY[[-MM[[-DD]]]].")]
    public string? To { get; init; }

    public string QueryText => string.Join(' ', Query);

    public Annalist.Store.Search.SearchFilters Filters => new()
    {
        Persons = Persons,
        Places = Places,
        Speakers = Speakers,
        EventTypes = EventTypes,
        From = From,
        To = To,
    };

    public override ValidationResult Validate()
    {
        if (Query.Length == 0 || string.IsNullOrWhiteSpace(QueryText)) return ValidationResult.Error("Give words to search for.");
        if (Limit < 1) return ValidationResult.Error("--limit must be 1 or more.");
        return base.Validate();
    }
}
