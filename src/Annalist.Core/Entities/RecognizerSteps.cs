namespace Annalist.Core.Entities;

/// <summary>
/// The rule steps <see cref="EntityRecognizer"/> runs after the tagger, for measuring what each contributes
/// (<c>annalist train ner --folds K --without STEP,…</c>); the product runs <see cref="All"/>.
/// </summary>
[Flags]
public enum RecognizerSteps
{
    None = 0,
    DropCapitalizedCommonWords = 1 << 0,
    OrganizationsByHead = 1 << 1,
    Gazetteer = 1 << 2,
    Context = 1 << 3,
    Lists = 1 << 4,
    Groups = 1 << 5,
    PlacesModifyingPeoples = 1 << 6,
    Propagation = 1 << 7,
    RoleNouns = 1 << 8,
    TypeVote = 1 << 9,
    ListedPeople = 1 << 10,
    All = (1 << 11) - 1,
}
