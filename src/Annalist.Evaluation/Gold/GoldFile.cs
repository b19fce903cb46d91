using System.Collections.Immutable;

namespace Annalist.Evaluation.Gold;

/// <summary>
/// A hand-made gold file (<c>annalist-gold/1</c>, see <c>docs/gold-format.md</c>). A layer that is
/// null was absent from the file and is not scored; an empty layer is scored (and anything the
/// system finds there is spurious).
/// </summary>
public sealed record GoldFile
{
    public const string FormatVersion = "annalist-gold/1";

    /// <summary>The file this was read from (for messages).</summary>
    public required string Path { get; init; }

    /// <summary>The <c>document</c> field as written: relative to the gold file, optionally <c>volume.xml#id</c>.</summary>
    public required string Document { get; init; }

    /// <summary>ISO date anchoring relative expressions, or null to anchor to the narrative.</summary>
    public string? ReferenceTime { get; init; }

    /// <summary>The turn modes annotated exhaustively; system turns of other modes are not scored.</summary>
    public ImmutableArray<string> TurnModes { get; init; } = ["direct", "reported"];

    public ImmutableArray<GoldEntity>? Entities { get; init; }
    public ImmutableArray<GoldTimex>? Timexes { get; init; }
    public ImmutableArray<GoldTurn>? Turns { get; init; }
    public ImmutableArray<GoldEvent>? Events { get; init; }
    public ImmutableArray<GoldQuantity>? Quantities { get; init; }
    public ImmutableArray<GoldEditorial>? Editorial { get; init; }
    public ImmutableArray<GoldAttribution>? Attributions { get; init; }
}

/// <summary>An entity: each mention is a list of acceptable alternatives whose first is the core form.</summary>
public sealed record GoldEntity(string Id, string Type, string Name, ImmutableArray<ImmutableArray<string>> Mentions, ImmutableArray<string> AlsoTypes)
{
    public bool AcceptsType(string? type) => type is not null && (type == Type || AlsoTypes.Contains(type));
}

public sealed record GoldTimex(string Text, string Type, string Value, int Occurrence, bool Editorial);

public sealed record GoldTurn(ImmutableArray<string> Speakers, string? Mode, string Starts, string? Ends, int Occurrence);

public sealed record GoldEventItem(string Item, double? Quantity);

public sealed record GoldEvent(
    string Type,
    string Evidence,
    ImmutableDictionary<string, ImmutableArray<string>> Roles,
    ImmutableArray<GoldEventItem> Items,
    string? TimeStart,
    string? TimeEnd,
    string Polarity,
    string? Source,
    int Occurrence);

public sealed record GoldQuantity(string Text, double? Value, double? Min, double? Max, string? Unit, string? Qualifier, int Occurrence);

public sealed record GoldEditorial(string Kind, string Text, int Occurrence);

public sealed record GoldAttribution(string Text, string Evidentiality, string? SourceHolder, int Occurrence);
