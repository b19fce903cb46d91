namespace Annalist.Tests;

/// <summary>A fact that needs <c>../shared</c>; skipped with a message on a fresh clone.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (!SharedData.Available) Skip = SharedData.MissingMessage;
    }
}

/// <summary>A theory that needs <c>../shared</c>; skipped with a message on a fresh clone.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (!SharedData.Available) Skip = SharedData.MissingMessage;
    }
}
