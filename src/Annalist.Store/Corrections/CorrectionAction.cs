namespace Annalist.Store.Corrections;

/// <summary>What a correction does to the annotations of one layer at one span.</summary>
public enum CorrectionAction
{
    /// <summary>Adds an annotation with the correction's fields (or, when one is already at the span, gives it those fields).</summary>
    Add,

    /// <summary>Removes the annotations at the span (only those whose fields include the correction's fields, when it has any).</summary>
    Remove,

    /// <summary>Sets fields of the annotations at the span: any field, for any layer.</summary>
    SetFields,

    /// <summary>Gives a mention another type (a field change on <c>type</c>).</summary>
    Retype,

    /// <summary>Gives a speaker turn another speaker (a field change on <c>speaker</c>).</summary>
    ChangeSpeaker,

    /// <summary>Gives a temporal expression another normalized value (a field change on <c>value</c>).</summary>
    FixDate,

    /// <summary>Attaches a mention to another entity, merging it into that entity (a field change on <c>entity</c>).</summary>
    MergeEntity,

    /// <summary>Detaches a mention into an entity of its own (a field change on <c>entity</c>).</summary>
    SplitEntity,
}

public static class CorrectionActions
{
    /// <summary>True for every action that changes fields of existing annotations.</summary>
    public static bool ChangesFields(this CorrectionAction action) => action is not (CorrectionAction.Add or CorrectionAction.Remove);

    /// <summary>The name stored in the database and used on the command line.</summary>
    public static string Name(this CorrectionAction action) => action switch
    {
        CorrectionAction.Add => "add",
        CorrectionAction.Remove => "remove",
        CorrectionAction.SetFields => "set",
        CorrectionAction.Retype => "retype",
        CorrectionAction.ChangeSpeaker => "speaker",
        CorrectionAction.FixDate => "date",
        CorrectionAction.MergeEntity => "merge",
        CorrectionAction.SplitEntity => "split",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static bool TryParse(string name, out CorrectionAction action)
    {
        foreach (var candidate in Enum.GetValues<CorrectionAction>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                action = candidate;
                return true;
            }
        }
        action = default;
        return false;
    }
}
