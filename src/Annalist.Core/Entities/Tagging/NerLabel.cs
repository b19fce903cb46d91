namespace Annalist.Core.Entities.Tagging;

/// <summary>Begin-inside-outside labels over the three types the statistical tagger learns.</summary>
public static class NerLabel
{
    public const int Outside = 0;
    public const int Count = 7;

    private static readonly string[] Names = ["O", "B-PER", "I-PER", "B-PLACE", "I-PLACE", "B-ORG", "I-ORG"];

    public static string Name(int label) => Names[label];

    public static int Begin(EntityType type) => type switch
    {
        EntityType.Person => 1,
        EntityType.Place => 3,
        EntityType.Organization => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "The tagger does not learn this type."),
    };

    public static int Inside(EntityType type) => Begin(type) + 1;

    public static bool IsBegin(int label) => label is 1 or 3 or 5;

    public static bool IsInside(int label) => label is 2 or 4 or 6;

    public static EntityType TypeOf(int label) => label switch
    {
        1 or 2 => EntityType.Person,
        3 or 4 => EntityType.Place,
        _ => EntityType.Organization,
    };

    /// <summary>Whether <paramref name="label"/> may follow <paramref name="previous"/> (-1 for the sentence start).</summary>
    public static bool CanFollow(int previous, int label) =>
        !IsInside(label) || (previous >= 0 && (previous == label || previous == label - 1));

    /// <summary>A mask of every label.</summary>
    public const ushort AllLabels = (1 << Count) - 1;
}
