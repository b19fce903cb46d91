namespace Annalist.Core.Learning;

/// <summary>
/// A log-linear ranker over options: the probability of an option is the softmax of the options' summed feature
/// weights, and each example moves the weights along the gradient of the log-probability of its right options
/// (all of them together) by AdaGrad, with an L2 penalty applied to the features an example touches. Its scores
/// are log-potentials, so a beam decoding at temperature 1 sums log-probabilities that mean something.
/// Deterministic: the same examples in the same order give the same weights.
/// </summary>
internal sealed class SoftmaxRanker(double learningRate = 0.1, double l2 = 1e-4)
{
    private readonly Dictionary<ulong, double> _squares = [];
    private readonly Dictionary<ulong, double> _gradient = [];

    /// <summary>The live weights; the model being trained scores with them.</summary>
    public Dictionary<ulong, float> Weights { get; } = [];

    /// <summary>
    /// Learns from one example whose right options are marked in <paramref name="right"/> (none: nothing to learn);
    /// returns whether the best-scoring option before the step was wrong.
    /// </summary>
    public bool Learn(IReadOnlyList<ulong[]> options, bool[] right)
    {
        if (options.Count == 0 || !right.Contains(true)) return false;
        Span<double> scores = options.Count <= 64 ? stackalloc double[options.Count] : new double[options.Count];
        int predicted = 0;
        double max = double.NegativeInfinity;
        for (int i = 0; i < options.Count; i++)
        {
            scores[i] = SparseWeights.Score(Weights, options[i]);
            if (scores[i] > max) (max, predicted) = (scores[i], i);
        }
        double all = 0, rightSum = 0;
        for (int i = 0; i < options.Count; i++)
        {
            scores[i] = Math.Exp(scores[i] - max);
            all += scores[i];
            if (right[i]) rightSum += scores[i];
        }
        // d log P(right) / d w_f = Σ_i (q_i − p_i) · count_i(f): q the posterior among the right options, p among all.
        _gradient.Clear();
        for (int i = 0; i < options.Count; i++)
        {
            double g = (right[i] ? scores[i] / rightSum : 0) - scores[i] / all;
            if (g == 0) continue;
            foreach (ulong f in options[i]) _gradient[f] = _gradient.GetValueOrDefault(f) + g;
        }
        foreach (var (f, g0) in _gradient)
        {
            // A feature every option shares has a gradient of rounding error only; AdaGrad would scale it to a full step.
            if (Math.Abs(g0) < 1e-9) continue;
            double w = Weights.GetValueOrDefault(f);
            double g = g0 - l2 * w;
            double squares = _squares.GetValueOrDefault(f) + g * g;
            _squares[f] = squares;
            if (squares > 0) Weights[f] = (float)(w + learningRate * g / Math.Sqrt(squares));
        }
        return !right[predicted];
    }

    /// <summary>The weights, without those that are nothing.</summary>
    public Dictionary<ulong, float> Final() => Weights.Where(w => Math.Abs(w.Value) > 1e-6f).ToDictionary(w => w.Key, w => w.Value);
}
