namespace Annalist.Core.Entities;

/// <summary>The coarse kinds of named thing the entity layers know.</summary>
public enum EntityType : byte
{
    Person,
    Place,
    Organization,
    /// <summary>Nationalities, peoples, political and religious groups (<c>the Chinese</c>, <c>Altai Kazakhs</c>).</summary>
    Group,
}

public static class EntityTypeNames
{
    /// <summary>The lower-case name written in layers: <c>person</c>, <c>place</c>, <c>organization</c>, <c>group</c>.</summary>
    public static string Of(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Place => "place",
        EntityType.Organization => "organization",
        _ => "group",
    };

    public static bool TryParse(string name, out EntityType type)
    {
        switch (name)
        {
            case "person": type = EntityType.Person; return true;
            case "place": type = EntityType.Place; return true;
            case "organization": type = EntityType.Organization; return true;
            case "group": type = EntityType.Group; return true;
            default: type = default; return false;
        }
    }
}
