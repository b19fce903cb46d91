namespace Annalist.Core.Entities.Tagging;

/// <summary>
/// One training document: tokens, gold labels, and for partly annotated sources (distant supervision)
/// a mask per token of the labels it may take; where a mask allows several, training takes the best
/// path the model finds among them as the truth.
/// </summary>
public sealed record TrainingDocument(TaggingInput Input, byte[] Labels, ushort[]? Allowed = null)
{
    /// <summary>A first pass's labels of this document, for training a document stage (see <see cref="PerceptronModel.DocumentStage"/>).</summary>
    public byte[]? FirstPass { get; init; }
}

/// <summary>Options of <see cref="PerceptronTrainer"/>.</summary>
public sealed record PerceptronTrainerOptions
{
    public int Epochs { get; init; } = 8;

    /// <summary>Seed of the shuffling of documents between epochs; the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>Features seen fewer times than this in the training data are left out.</summary>
    public int MinimumFeatureCount { get; init; } = 2;

    /// <summary>
    /// When above zero, a passive-aggressive (PA-I) update instead of the perceptron's unit step: each wrong sentence moves
    /// the weights just far enough for the gold labels to beat the prediction by its number of wrong tokens, at most this far.
    /// </summary>
    public float Aggressiveness { get; init; }

    /// <summary>
    /// The share of capitalized tokens whose word-form features (the word, lower-cased and exact) are hidden for one
    /// sentence's update, drawn afresh every epoch: the model must also learn names from their affixes, shape, clusters
    /// and context, as it must for the names of an unseen document. 0 hides none.
    /// </summary>
    public float WordDropout { get; init; }

    /// <summary>
    /// The share of tokens whose given-name features (templates 35–38) are hidden for one sentence's update, drawn
    /// afresh every epoch from <see cref="Seed"/>: the model keeps learning the shape and context of names no list
    /// holds (a translated record's Russian or Chinese given names) instead of leaning on the list. 0 hides none.
    /// </summary>
    public float GivenNamesDropout { get; init; }

    /// <summary>
    /// With <see cref="GivenNamesDropout"/>, hide the given-name features only on the first word of a gold person name
    /// of two words or more (<c>John</c> of <c>John Hrad</c>): the model learns that a first name the list lacks still
    /// opens a person's name, while the list's evidence against a word (a listed word outside names) stays in every update.
    /// </summary>
    public bool GivenNamesDropoutFirstWords { get; init; }

    /// <summary>The labels the model learns; training documents give BIO labels whatever the scheme.</summary>
    public LabelScheme Scheme { get; init; } = LabelScheme.Bio;

    /// <summary>
    /// The number of document orders trained, with seeds <see cref="Seed"/>, <see cref="Seed"/> + 1 000 003, … (so that two seeds' orders do not overlap): the model is
    /// the mean of each order's averaged weights, since one order's model depends on the order almost as much as on
    /// the data. 1 trains one order, as before; training time grows with the count, tagging time does not.
    /// </summary>
    public int Orders { get; init; } = 1;

    /// <summary>
    /// The token properties conjoined with the label pair ending on the token (<see cref="LabelPairFeatures"/>): each gets a
    /// transition table of its own. None trains the first-order model with one table, as before.
    /// </summary>
    public LabelPairTemplates PairTemplates { get; init; }
}

/// <summary>Trains an averaged structured perceptron with Viterbi decoding. Deterministic for a seed; single-threaded.</summary>
public sealed class PerceptronTrainer
{
    private readonly FeatureExtractor _features;
    private readonly PerceptronTrainerOptions _options;

    public PerceptronTrainer(FeatureExtractor features, PerceptronTrainerOptions? options = null)
    {
        _features = features ?? throw new ArgumentNullException(nameof(features));
        _options = options ?? new PerceptronTrainerOptions();
    }

    /// <summary>Called after each epoch with its number and the share of tokens whose label was wrong.</summary>
    public Action<int, double>? EpochFinished { get; init; }

    /// <summary>
    /// Trains a model with a <see cref="PerceptronModel.DocumentStage"/>: the first pass is trained on all
    /// documents; the second on the first-pass labels that models trained without each document gave it
    /// (<paramref name="folds"/>-fold jackknife), so it learns how far to trust first-pass labels it never saw in training.
    /// </summary>
    public PerceptronModel TrainStacked(IReadOnlyList<TrainingDocument> documents, int folds = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var firstPass = new byte[documents.Count][];
        for (int fold = 0; fold < folds; fold++)
        {
            var part = new List<TrainingDocument>();
            for (int d = 0; d < documents.Count; d++)
            {
                if (d % folds != fold) part.Add(documents[d]);
            }
            var tagger = new MentionTagger(Train(part), _features);
            for (int d = fold; d < documents.Count; d += folds) firstPass[d] = tagger.Label(documents[d].Input);
        }
        var first = Train(documents);
        var second = Train([.. documents.Select((document, d) => document with { FirstPass = firstPass[d] })]);
        return first.WithDocumentStage(second);
    }

    /// <summary>Whether the BIO label at <paramref name="index"/> opens a person's name that goes on to the next token.</summary>
    private static bool OpensPersonName(byte[] labels, int index)
    {
        int begin = NerLabel.Begin(EntityType.Person);
        return labels[index] == begin && index + 1 < labels.Length && labels[index + 1] == NerLabel.Inside(EntityType.Person);
    }

    public PerceptronModel Train(IReadOnlyList<TrainingDocument> documents)
    {
        var extracted = new (int[] Features, int[] Offsets)[documents.Count];
        var lexical = new byte[documents.Count][];
        bool givenNamesLast = _options.GivenNamesDropout > 0;
        var givenNames = givenNamesLast ? new byte[documents.Count][] : null;
        var frequency = new Dictionary<uint, int>();
        var raw = new uint[documents.Count][];
        var rawCounts = new int[documents.Count][];
        for (int d = 0; d < documents.Count; d++)
        {
            var input = documents[d].Input;
            var features = new uint[input.Count * FeatureExtractor.MaxFeaturesPerToken];
            var counts = new int[input.Count];
            _features.Extract(input, features, counts);
            if (documents[d].FirstPass is { } firstPass) _features.AppendDocumentFeatures(input, firstPass, features, counts);
            raw[d] = features;
            rawCounts[d] = counts;
            for (int i = 0; i < input.Count; i++)
            {
                foreach (uint f in features.AsSpan(i * FeatureExtractor.MaxFeaturesPerToken, counts[i]))
                    frequency[f] = frequency.GetValueOrDefault(f) + 1;
            }
        }
        var index = new Dictionary<uint, int>();
        foreach (var (feature, count) in frequency.OrderBy(p => p.Key))
        {
            if (count >= _options.MinimumFeatureCount) index[feature] = index.Count;
        }
        frequency = null;
        for (int d = 0; d < documents.Count; d++)
        {
            int n = documents[d].Input.Count;
            var offsets = new int[n + 1];
            var list = new List<int>(n * 30);
            lexical[d] = new byte[n];
            if (givenNames is not null) givenNames[d] = new byte[n];
            for (int i = 0; i < n; i++)
            {
                offsets[i] = list.Count;
                var tokenFeatures = raw[d].AsSpan(i * FeatureExtractor.MaxFeaturesPerToken, rawCounts[d][i]);
                // The word-form features go first, so word dropout can skip them.
                for (int k = 0; k < tokenFeatures.Length; k++)
                {
                    if (FeatureExtractor.IsWordForm(k) && index.TryGetValue(tokenFeatures[k], out int row)) { list.Add(row); lexical[d][i]++; }
                }
                for (int k = 0; k < tokenFeatures.Length; k++)
                {
                    if (!FeatureExtractor.IsWordForm(k) && !(givenNamesLast && FeatureExtractor.IsGivenName(tokenFeatures[k])) && index.TryGetValue(tokenFeatures[k], out int row)) list.Add(row);
                }
                // With given-name dropout they go last, so it can stop before them.
                for (int k = 0; givenNamesLast && k < tokenFeatures.Length; k++)
                {
                    if (!FeatureExtractor.IsWordForm(k) && FeatureExtractor.IsGivenName(tokenFeatures[k]) && index.TryGetValue(tokenFeatures[k], out int row)) { list.Add(row); givenNames![d][i]++; }
                }
            }
            offsets[n] = list.Count;
            extracted[d] = ([.. list], offsets);
            raw[d] = null!;
        }
        var (pairs, pairIndex) = ExtractPairs(documents);

        var scheme = _options.Scheme;
        int L = scheme.Count;
        int featureCount = index.Count;
        int orders = Math.Max(1, _options.Orders);
        float[] weights = null!, transitions = null!, pairWeights = null!;
        for (int o = 0; o < orders; o++)
        {
            var (orderWeights, orderTransitions, orderPairWeights) = TrainOrder(documents, extracted, lexical, givenNames, pairs, featureCount, pairIndex.Count, unchecked(_options.Seed + o * 1_000_003));
            if (o == 0) (weights, transitions, pairWeights) = (orderWeights, orderTransitions, orderPairWeights);
            else
            {
                for (int i = 0; i < weights.Length; i++) weights[i] += orderWeights[i];
                for (int i = 0; i < transitions.Length; i++) transitions[i] += orderTransitions[i];
                for (int i = 0; i < pairWeights.Length; i++) pairWeights[i] += orderPairWeights[i];
            }
        }
        if (orders > 1)
        {
            for (int i = 0; i < weights.Length; i++) weights[i] /= orders;
            for (int i = 0; i < transitions.Length; i++) transitions[i] /= orders;
            for (int i = 0; i < pairWeights.Length; i++) pairWeights[i] /= orders;
        }

        var rows = new Dictionary<uint, int>();
        var kept = new List<float>();
        foreach (var (feature, row) in index)
        {
            var span = weights.AsSpan(row * L, L);
            bool any = false;
            foreach (float w in span) any |= MathF.Abs(w) > 1e-3f;
            if (!any) continue;
            rows[feature] = rows.Count;
            foreach (float w in span) kept.Add(w);
        }
        if (_options.PairTemplates == LabelPairTemplates.None)
            return new PerceptronModel(rows, [.. kept], transitions, _features.CommonWords, _features.Clusters, _features.Brown, scheme);
        int size = transitions.Length;
        var pairRows = new Dictionary<uint, int>();
        var keptPairs = new List<float>();
        foreach (var (feature, row) in pairIndex)
        {
            var span = pairWeights.AsSpan(row * size, size);
            bool any = false;
            foreach (float w in span) any |= MathF.Abs(w) > 1e-3f;
            if (!any) continue;
            pairRows[feature] = pairRows.Count;
            foreach (float w in span) keptPairs.Add(w);
        }
        return new PerceptronModel(rows, [.. kept], transitions, _features.CommonWords, _features.Clusters, _features.Brown, scheme, _options.PairTemplates, pairRows, [.. keptPairs]);
    }

    /// <summary>
    /// Each token's label-pair feature rows (<see cref="LabelPairFeatures.MaxPerToken"/> per token, -1 for none), keeping
    /// features seen at least <see cref="PerceptronTrainerOptions.MinimumFeatureCount"/> times; and the feature → row index.
    /// </summary>
    private (int[][] Rows, Dictionary<uint, int> Index) ExtractPairs(IReadOnlyList<TrainingDocument> documents)
    {
        var index = new Dictionary<uint, int>();
        var rows = new int[documents.Count][];
        if (_options.PairTemplates == LabelPairTemplates.None) return (rows, index);
        var ids = new uint[documents.Count][];
        var frequency = new Dictionary<uint, int>();
        for (int d = 0; d < documents.Count; d++)
        {
            ids[d] = new uint[documents[d].Input.Count * LabelPairFeatures.MaxPerToken];
            LabelPairFeatures.Extract(_features, _options.PairTemplates, documents[d].Input, ids[d]);
            foreach (uint f in ids[d])
            {
                if (f != 0) frequency[f] = frequency.GetValueOrDefault(f) + 1;
            }
        }
        foreach (var (feature, count) in frequency.OrderBy(p => p.Key))
        {
            if (count >= _options.MinimumFeatureCount) index[feature] = index.Count;
        }
        for (int d = 0; d < documents.Count; d++)
        {
            rows[d] = new int[ids[d].Length];
            for (int k = 0; k < ids[d].Length; k++) rows[d][k] = ids[d][k] != 0 && index.TryGetValue(ids[d][k], out int row) ? row : -1;
        }
        return (rows, index);
    }

    /// <summary>One order's training: <see cref="PerceptronTrainerOptions.Epochs"/> passes over the documents shuffled by <paramref name="seed"/>; the averaged weights and transitions.</summary>
    private (float[] Weights, float[] Transitions, float[] PairWeights) TrainOrder(IReadOnlyList<TrainingDocument> documents, (int[] Features, int[] Offsets)[] extracted, byte[][] lexical, byte[][]? givenNames, int[][] pairs, int featureCount, int pairCount, int seed)
    {
        var scheme = _options.Scheme;
        int L = scheme.Count;
        var weights = new float[featureCount * L];
        var totals = new double[featureCount * L];
        var transitions = new float[(L + 1) * L];
        var transitionTotals = new double[(L + 1) * L];
        int size = (L + 1) * L;
        bool withPairs = _options.PairTemplates != LabelPairTemplates.None;
        const int P = LabelPairFeatures.MaxPerToken;
        var pairWeights = new float[pairCount * size];
        var pairTotals = new double[pairCount * size];
        long step = 1;
        var order = Enumerable.Range(0, documents.Count).ToArray();
        var random = new Random(seed);
        // Its own stream, so that word dropout's draws are the same with or without it.
        var givenNamesRandom = givenNames is null ? null : new Random(unchecked(seed * 31 + 17));

        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            random.Shuffle(order);
            long wrong = 0, total = 0;
            foreach (int d in order)
            {
                var document = documents[d];
                var (features, offsets) = extracted[d];
                var input = document.Input;
                for (int start = 0; start < input.Count;)
                {
                    int end = start + 1;
                    while (end < input.Count && !input.SentenceStarts[end]) end++;
                    int length = end - start;
                    var emissions = new float[length * L];
                    var from = new int[length];
                    var to = new int[length];
                    for (int i = 0; i < length; i++)
                    {
                        from[i] = offsets[start + i];
                        to[i] = offsets[start + i + 1];
                        if (_options.WordDropout > 0 && input.Word(start + i) is [var c, ..] && char.IsUpper(c) && random.NextSingle() < _options.WordDropout)
                            from[i] += lexical[d][start + i];
                        if (givenNamesRandom is not null && givenNames![d][start + i] is byte hidden and > 0 && (!_options.GivenNamesDropoutFirstWords || OpensPersonName(document.Labels, start + i)) && givenNamesRandom.NextSingle() < _options.GivenNamesDropout)
                            to[i] -= hidden;
                    }
                    for (int i = 0; i < length; i++)
                    {
                        var row = emissions.AsSpan(i * L, L);
                        for (int k = from[i]; k < to[i]; k++)
                        {
                            int w = features[k] * L;
                            for (int y = 0; y < L; y++) row[y] += weights[w + y];
                        }
                    }
                    // Each token's own transition table when label pairs are on: the shared one plus its pair features' tables.
                    float[] here = transitions;
                    int stride = 0;
                    if (withPairs)
                    {
                        here = new float[length * size];
                        stride = size;
                        for (int i = 0; i < length; i++)
                        {
                            var table = here.AsSpan(i * size, size);
                            transitions.CopyTo(table);
                            foreach (int r in pairs[d].AsSpan((start + i) * P, P))
                            {
                                if (r < 0) continue;
                                var w = pairWeights.AsSpan(r * size, size);
                                for (int k = 0; k < size; k++) table[k] += w[k];
                            }
                        }
                    }
                    var predicted = new byte[length];
                    Viterbi.Decode(scheme, emissions, length, here, stride, default, predicted);
                    var gold = new byte[length];
                    if (document.Allowed is { } allowed)
                    {
                        var masks = new ushort[length];
                        for (int i = 0; i < length; i++) masks[i] = scheme.FromBioMask(allowed[start + i]);
                        Viterbi.Decode(scheme, emissions, length, here, stride, masks, gold);
                    }
                    else scheme.FromBio(document.Labels.AsSpan(start, length), gold);

                    float tau = 1;
                    if (_options.Aggressiveness > 0)
                    {
                        // Score difference and the squared norm of the feature difference (features taken as distinct).
                        float margin = 0, norm = 0, loss = 0;
                        for (int i = 0; i < length; i++)
                        {
                            int g = gold[i], p = predicted[i];
                            int gPrev = i == 0 ? -1 : gold[i - 1], pPrev = i == 0 ? -1 : predicted[i - 1];
                            if (g != p)
                            {
                                loss++;
                                margin += emissions[i * L + p] - emissions[i * L + g];
                                norm += 2 * (to[i] - from[i]);
                            }
                            if (g != p || gPrev != pPrev)
                            {
                                margin += here[i * stride + (pPrev + 1) * L + p] - here[i * stride + (gPrev + 1) * L + g];
                                norm += 2;
                                if (withPairs)
                                {
                                    foreach (int r in pairs[d].AsSpan((start + i) * P, P)) if (r >= 0) norm += 2;
                                }
                            }
                        }
                        tau = norm == 0 ? 0 : Math.Min(_options.Aggressiveness, (margin + loss) / norm);
                    }
                    for (int i = 0; i < length; i++)
                    {
                        total++;
                        int g = gold[i], p = predicted[i];
                        int gPrev = i == 0 ? -1 : gold[i - 1], pPrev = i == 0 ? -1 : predicted[i - 1];
                        if (g != p)
                        {
                            wrong++;
                            for (int k = from[i]; k < to[i]; k++)
                            {
                                int w = features[k] * L;
                                weights[w + g] += tau; totals[w + g] += tau * step;
                                weights[w + p] -= tau; totals[w + p] -= tau * step;
                            }
                        }
                        if (g != p || gPrev != pPrev)
                        {
                            int tg = (gPrev + 1) * L + g, tp = (pPrev + 1) * L + p;
                            transitions[tg] += tau; transitionTotals[tg] += tau * step;
                            transitions[tp] -= tau; transitionTotals[tp] -= tau * step;
                            if (withPairs)
                            {
                                foreach (int r in pairs[d].AsSpan((start + i) * P, P))
                                {
                                    if (r < 0) continue;
                                    pairWeights[r * size + tg] += tau; pairTotals[r * size + tg] += tau * step;
                                    pairWeights[r * size + tp] -= tau; pairTotals[r * size + tp] -= tau * step;
                                }
                            }
                        }
                    }
                    step++;
                    start = end;
                }
            }
            EpochFinished?.Invoke(epoch, total == 0 ? 0 : (double)wrong / total);
        }

        // Averaging: the mean weight over all steps is w − totals/step.
        for (int i = 0; i < weights.Length; i++) weights[i] -= (float)(totals[i] / step);
        for (int i = 0; i < transitions.Length; i++) transitions[i] -= (float)(transitionTotals[i] / step);
        for (int i = 0; i < pairWeights.Length; i++) pairWeights[i] -= (float)(pairTotals[i] / step);
        return (weights, transitions, pairWeights);
    }
}
