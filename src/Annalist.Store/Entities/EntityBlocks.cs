namespace Annalist.Store.Entities;

/// <summary>
/// The key under which document entities are compared, so that gathering never compares all pairs:
/// only entities with the same key can become one. People: type and surname (<c>person:stalin</c>);
/// places with a gazetteer entry: that entry; anything else: type and folded name. A name that is only a
/// title (<c>the Ambassador</c>) gets a key of its own document: it may be anyone from one record to the next.
/// </summary>
public static class EntityBlocks
{
    public static string KeyOf(string type, string name, string? gazetteer, long documentId, string localId)
    {
        if (!string.IsNullOrEmpty(gazetteer)) return "gazetteer:" + gazetteer;
        bool person = type == "person";
        var parsed = EntityName.Parse(name, person);
        string key = person ? parsed.Surname : parsed.Folded;
        // One letter is an initial, not a name to gather by.
        if (key.Length < 2) return $"{type}:document-{documentId}:{localId}";
        return type + ":" + key;
    }

    /// <summary>The key a user's name would be looked up under (no document of its own).</summary>
    public static string? KeyOfQuery(string type, string name)
    {
        bool person = type == "person";
        var parsed = EntityName.Parse(name, person);
        string key = person ? parsed.Surname : parsed.Folded;
        return key.Length < 2 ? null : type + ":" + key;
    }
}
