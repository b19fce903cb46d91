namespace Annalist.Core.Learning;

/// <summary>
/// The k-fold split every trainer cross-validates with: fold k holds the items at positions k, k + K, k + 2K, …
/// (documents in file-name order spread over the folds), the rest train.
/// </summary>
public static class Folds
{
    /// <summary>For each fold, its training items and its held-out items, both in their original order.</summary>
    public static IEnumerable<(int Fold, List<T> Training, List<T> HeldOut)> Of<T>(IReadOnlyList<T> items, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        for (int fold = 0; fold < folds; fold++)
        {
            var training = new List<T>(items.Count);
            var heldOut = new List<T>(items.Count / folds + 1);
            for (int i = 0; i < items.Count; i++) (i % folds == fold ? heldOut : training).Add(items[i]);
            yield return (fold, training, heldOut);
        }
    }
}
