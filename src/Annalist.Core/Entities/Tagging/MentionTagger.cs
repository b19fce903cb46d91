using System.Buffers;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Text;

namespace Annalist.Core.Entities.Tagging;

/// <summary>A name the statistical tagger found: a run of tokens <c>[FirstToken, EndToken)</c> and its type.</summary>
public readonly record struct TaggedName(int FirstToken, int EndToken, EntityType Type, TextSpan Span);

/// <summary>Finds person, place and organization names with a <see cref="PerceptronModel"/>. Thread-safe.</summary>
public sealed class MentionTagger
{
    /// <summary>A tagger with the features <paramref name="model"/> was trained with (given names: by default the shipped ones).</summary>
    public MentionTagger(PerceptronModel model, Gazetteer gazetteer, GivenNames? givenNames = null)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Features = FeatureExtractor.For(model, gazetteer ?? throw new ArgumentNullException(nameof(gazetteer)), givenNames);
    }

    internal MentionTagger(PerceptronModel model, FeatureExtractor features)
    {
        Model = model;
        Features = features;
    }

    public PerceptronModel Model { get; }

    public FeatureExtractor Features { get; }

    /// <summary>The BIO label of every token (see <see cref="NerLabel"/>), decoded sentence by sentence in the model's <see cref="LabelScheme"/>.</summary>
    public byte[] Label(TaggingInput input)
    {
        int n = input.Count;
        var labels = new byte[n];
        if (n == 0) return labels;
        uint[] features = ArrayPool<uint>.Shared.Rent(n * FeatureExtractor.MaxFeaturesPerToken);
        int[] counts = ArrayPool<int>.Shared.Rent(n);
        float[] emissions = ArrayPool<float>.Shared.Rent(n * Model.Scheme.Count);
        try
        {
            Features.Extract(input, features, counts);
            Decode(Model, Features, input, features, counts, emissions, labels);
            if (Model.DocumentStage is { } second)
            {
                Features.AppendDocumentFeatures(input, labels, features, counts);
                Decode(second, Features, input, features, counts, emissions, labels);
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(features);
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<float>.Shared.Return(emissions);
        }
        return labels;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Decode(PerceptronModel model, FeatureExtractor extractor, TaggingInput input, uint[] features, int[] counts, float[] emissions, byte[] labels)
    {
        int n = input.Count;
        var scheme = model.Scheme;
        int L = scheme.Count;
        for (int i = 0; i < n; i++)
            model.Score(features.AsSpan(i * FeatureExtractor.MaxFeaturesPerToken, counts[i]), emissions.AsSpan(i * L, L));
        if (model.PairTemplates != LabelPairTemplates.None) DecodeWithPairs(model, extractor, input, emissions, labels);
        else
        {
            for (int start = 0; start < n;)
            {
                int end = start + 1;
                while (end < n && !input.SentenceStarts[end]) end++;
                Viterbi.Decode(scheme, emissions.AsSpan(start * L, (end - start) * L), end - start, model.Transitions, default, labels.AsSpan(start, end - start));
                start = end;
            }
        }
        scheme.ToBio(labels.AsSpan(0, n));
    }

    /// <summary>Viterbi over each token's own transition table (the model's, plus its label-pair features' tables).</summary>
    private static void DecodeWithPairs(PerceptronModel model, FeatureExtractor extractor, TaggingInput input, float[] emissions, byte[] labels)
    {
        int n = input.Count;
        int L = model.Scheme.Count, size = model.Transitions.Length;
        uint[] pairs = ArrayPool<uint>.Shared.Rent(n * LabelPairFeatures.MaxPerToken);
        float[] transitions = ArrayPool<float>.Shared.Rent(n * size);
        try
        {
            LabelPairFeatures.Extract(extractor, model.PairTemplates, input, pairs);
            for (int i = 0; i < n; i++)
                model.PairTransitions(pairs.AsSpan(i * LabelPairFeatures.MaxPerToken, LabelPairFeatures.MaxPerToken), transitions.AsSpan(i * size, size));
            for (int start = 0; start < n;)
            {
                int end = start + 1;
                while (end < n && !input.SentenceStarts[end]) end++;
                Viterbi.Decode(model.Scheme, emissions.AsSpan(start * L, (end - start) * L), end - start, transitions.AsSpan(start * size, (end - start) * size), size, default, labels.AsSpan(start, end - start));
                start = end;
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(pairs);
            ArrayPool<float>.Shared.Return(transitions);
        }
    }

    /// <summary>The names in <paramref name="input"/>, in order.</summary>
    public List<TaggedName> Tag(TaggingInput input) => Decode(input, Label(input));

    /// <summary>Turns BIO labels into names.</summary>
    public static List<TaggedName> Decode(TaggingInput input, ReadOnlySpan<byte> labels)
    {
        var names = new List<TaggedName>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == NerLabel.Outside) continue;
            int start = i;
            var type = NerLabel.TypeOf(labels[i]);
            int inside = NerLabel.Inside(type);
            while (i + 1 < labels.Length && labels[i + 1] == inside && !input.SentenceStarts[i + 1]) i++;
            names.Add(new TaggedName(start, i + 1, type, new TextSpan(input.Tokens[start].Start, input.Tokens[i].End)));
        }
        return names;
    }
}
