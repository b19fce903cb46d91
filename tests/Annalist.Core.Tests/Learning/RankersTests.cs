using Annalist.Core.Learning;

namespace Annalist.Core.Tests.Learning;

public sealed class RankersTests
{
    // Three options; feature 1 marks the right one, features 2 and 3 two wrong ones, feature 9 all of them.
    private static readonly ulong[][] Options = [[9, 2], [9, 1], [9, 3]];
    private static readonly bool[] Right = [false, true, false];

    [Fact]
    public void The_softmax_ranker_raises_the_right_options_probability_and_is_deterministic()
    {
        var ranker = new SoftmaxRanker(learningRate: 0.5, l2: 0);
        // Untrained, every option scores zero and the first (a wrong one) is predicted.
        Assert.True(ranker.Learn(Options, Right));
        for (int i = 0; i < 20; i++) ranker.Learn(Options, Right);

        Assert.True(ranker.Weights[1] > 0);
        Assert.True(ranker.Weights[2] < 0 && ranker.Weights[3] < 0);
        // The feature every option has moves nothing: its gradient is zero.
        Assert.False(ranker.Weights.TryGetValue(9, out float shared) && Math.Abs(shared) > 1e-6);
        Assert.False(ranker.Learn(Options, Right));

        var again = new SoftmaxRanker(learningRate: 0.5, l2: 0);
        for (int i = 0; i < 22; i++) again.Learn(Options, Right);
        Assert.Equal(ranker.Weights, again.Weights);
    }

    [Fact]
    public void The_softmax_ranker_learns_nothing_without_a_right_option_and_l2_keeps_weights_smaller()
    {
        var ranker = new SoftmaxRanker();
        Assert.False(ranker.Learn(Options, [false, false, false]));
        Assert.Empty(ranker.Weights);

        var free = new SoftmaxRanker(0.5, 0);
        var penalized = new SoftmaxRanker(0.5, 0.5);
        for (int i = 0; i < 50; i++)
        {
            free.Learn(Options, Right);
            penalized.Learn(Options, Right);
        }
        Assert.True(penalized.Weights[1] < free.Weights[1]);
    }

    [Fact]
    public void A_structured_perceptron_step_promotes_one_history_and_demotes_the_other()
    {
        var perceptron = new RankingPerceptron();
        // The two histories share their first choice, which cancels.
        perceptron.Learn([[5, 1], [7]], [[5, 1], [8]]);

        Assert.Equal(1f, perceptron.Weights[7]);
        Assert.Equal(-1f, perceptron.Weights[8]);
        Assert.Equal(0f, perceptron.Weights.GetValueOrDefault(5UL));
        perceptron.Pass();
        // Averaged over two steps, the update made at the first counts from the second on.
        Assert.Equal(0.5f, perceptron.Averaged()[7]);
        Assert.False(perceptron.Averaged().ContainsKey(5));
    }
}
