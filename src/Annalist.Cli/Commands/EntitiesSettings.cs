using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>What every <c>annalist entities</c> command takes: the store.</summary>
public class EntitiesSettings : StoreSettings
{
}

/// <summary>The arguments of <c>annalist entities list</c>.</summary>
public sealed class EntitiesListSettings : EntitiesSettings
{
    [CommandOption("--type <TYPE>")]
    [Description("Only entities of this type: person, place, organization, group, …")]
    public string? Type { get; init; }

    [CommandOption("--name <NAME>")]
    [Description("Only entities with a name like this (case, accents and titles aside; a surname finds every bearer).")]
    public string? Name { get; init; }

    [CommandOption("-n|--limit <N>")]
    [Description("At most this many (default 50).")]
    [DefaultValue(50)]
    public int Limit { get; init; } = 50;

    public override ValidationResult Validate() => Limit < 1 ? ValidationResult.Error("--limit must be 1 or more.") : base.Validate();
}

/// <summary>The arguments of <c>annalist entities show</c>.</summary>
public sealed class EntitiesShowSettings : EntitiesSettings
{
    [CommandArgument(0, "<ID|NAME>")]
    [Description("A corpus entity id, or a name (every entity it finds is shown).")]
    public string[] Entity { get; init; } = [];

    [CommandOption("-n|--limit <N>")]
    [Description("At most this many document entities, mentions and turns each (default 20).")]
    [DefaultValue(20)]
    public int Limit { get; init; } = 20;

    public string EntityText => string.Join(' ', Entity);

    public override ValidationResult Validate() =>
        Entity.Length == 0 ? ValidationResult.Error("Give an entity id or name.") : Limit < 1 ? ValidationResult.Error("--limit must be 1 or more.") : base.Validate();
}

/// <summary>The arguments of <c>annalist entities merge</c>.</summary>
public sealed class EntitiesMergeSettings : EntitiesSettings
{
    [CommandArgument(0, "<A>")]
    [Description("The entity that stays (an id, or a name that finds one entity).")]
    public string Into { get; init; } = "";

    [CommandArgument(1, "<B>")]
    [Description("The entity that becomes part of A.")]
    public string From { get; init; } = "";

    [CommandOption("--note <TEXT>")]
    [Description("Why, in your words; kept with the correction.")]
    public string? Note { get; init; }
}

/// <summary>The arguments of <c>annalist entities split</c>.</summary>
public sealed class EntitiesSplitSettings : EntitiesSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The entity to split (an id, or a name that finds one entity).")]
    public string Entity { get; init; } = "";

    [CommandOption("--names <NAME>")]
    [Description("Names whose document entities go into an entity of their own (repeat for several).")]
    public string[] Names { get; init; } = [];

    [CommandOption("--note <TEXT>")]
    [Description("Why, in your words; kept with the correction.")]
    public string? Note { get; init; }

    public override ValidationResult Validate() => Names.Length == 0 ? ValidationResult.Error("Give --names NAME (one or more).") : base.Validate();
}
