using Annalist.Core.Learning;

namespace Annalist.Core.Tests.Learning;

public sealed class FoldsTests
{
    [Fact]
    public void Each_item_is_held_out_in_exactly_one_fold_and_trains_in_the_others()
    {
        int[] items = [.. Enumerable.Range(0, 11)];
        var folds = Folds.Of(items, 3).ToList();
        Assert.Equal([0, 1, 2], folds.Select(f => f.Fold));
        Assert.Equal(items, folds.SelectMany(f => f.HeldOut).Order());
        foreach (var (_, training, heldOut) in folds)
        {
            Assert.Empty(training.Intersect(heldOut));
            Assert.Equal(items, training.Concat(heldOut).Order());
            Assert.Equal(training.Order(), training);
        }
        // Every third item from the fold's number: documents in file-name order spread over the folds.
        Assert.Equal([1, 4, 7, 10], folds[1].HeldOut);
    }

    [Fact]
    public void Fewer_than_two_folds_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Folds.Of([1, 2, 3], 1).ToList());
    }
}
