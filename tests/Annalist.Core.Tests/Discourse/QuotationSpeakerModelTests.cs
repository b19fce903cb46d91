using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Discourse;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Discourse;

public sealed class QuotationSpeakerModelTests
{
    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    // Each untagged question follows a sentence whose object, not its subject, is the one who wakes and asks,
    // after another person named earlier: the rules give the quotation to the subject phrase, an untrained
    // ranking to the first person in its window; a model can learn the pattern from the gold.
    internal const string Text =
        "Nils Dahl had gone to bed early. The knocking woke Jonas Berg.\n\n“Who is there at this hour?”\n\n"
        + "Lena Ek was asleep upstairs. The smell of smoke reached Karel Vos.\n\n“Is the barn on fire?”\n\n"
        + "Ivar Lund had left at noon. A shout from the yard startled Agnes Moll.\n\n“What was that?”\n";

    internal static readonly string[] Expected = ["Berg", "Vos", "Moll"];

    [Fact]
    public void A_written_model_reads_back_with_the_same_weights()
    {
        var model = Train(epochs: 5);
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        var read = QuotationSpeakerModel.Read(stream);

        Assert.True(model.FeatureCount > 0);
        Assert.Equal(model.FeatureCount, read.FeatureCount);
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Text));
        Assert.Equal(Speakers(QuotationSpeakerTrainer.WithTurns(analyzed, model)), Speakers(QuotationSpeakerTrainer.WithTurns(analyzed, read)));
    }

    [Fact]
    public void Another_format_is_rejected()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) zip.Write("not a model"u8);
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => QuotationSpeakerModel.Read(stream));
    }

    [Fact]
    public void Training_learns_who_speaks_from_the_gold()
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Text));
        var rulesAlone = Speakers(QuotationSpeakerTrainer.WithTurns(analyzed, null));
        var model = Train(epochs: 8);
        var trained = Speakers(QuotationSpeakerTrainer.WithTurns(analyzed, model));
        var untrained = Speakers(QuotationSpeakerTrainer.WithTurns(analyzed, new QuotationSpeakerTrainer().Train(1, 1)));

        Assert.True(model.FeatureCount > 0);
        Assert.NotEqual(Expected, untrained.Select(s => s?.Split(' ')[^1]));

        Assert.Equal(Expected, trained.Select(s => s?.Split(' ')[^1]));
        Assert.NotEqual(Expected, rulesAlone.Select(s => s?.Split(' ')[^1]));
    }

    [Fact]
    public void Averaged_models_hold_the_mean_of_their_weights()
    {
        var first = new QuotationSpeakerModel(new Dictionary<ulong, float> { [1] = 2f, [2] = -1f });
        var second = new QuotationSpeakerModel(new Dictionary<ulong, float> { [1] = 4f, [3] = 3f });

        var averaged = QuotationSpeakerModel.Average([first, second]);

        Assert.Equal(3, averaged.FeatureCount);
        Assert.Equal(3f, averaged.Weights[1]);
        Assert.Equal(-0.5f, averaged.Weights[2]);
        Assert.Equal(1.5f, averaged.Weights[3]);
    }

    [Fact]
    public void One_order_is_the_single_model()
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Text));
        var trainer = new QuotationSpeakerTrainer();
        trainer.Add(analyzed, Gold());

        Assert.Equal(trainer.Train(4, 7).Weights, trainer.Train(4, 7, orders: 1).Weights);
        Assert.Equal(Expected, Speakers(QuotationSpeakerTrainer.WithTurns(analyzed, trainer.Train(8, 7, orders: 3))).Select(s => s?.Split(' ')[^1]));
    }

    private static QuotationSpeakerModel Train(int epochs)
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Text));
        var trainer = new QuotationSpeakerTrainer();
        trainer.Add(analyzed, Gold());
        return trainer.Train(epochs, seed: 7);
    }

    internal static IEnumerable<SpeakerGold> Gold()
    {
        string[] speakers = Expected;
        int from = 0;
        for (int i = 0; i < speakers.Length; i++)
        {
            int open = Text.IndexOf('“', from);
            int close = Text.IndexOf('”', open);
            from = close + 1;
            var mentions = AllOf(speakers[i]).ToImmutableArray();
            yield return new SpeakerGold(new TextSpan(open, close + 1), mentions, ImmutableHashSet.Create(speakers[i].ToLowerInvariant()));
        }
    }

    private static IEnumerable<TextSpan> AllOf(string word)
    {
        for (int at = Text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = Text.IndexOf(word, at + 1, StringComparison.Ordinal))
            yield return new TextSpan(at, at + word.Length);
    }

    private static List<string?> Speakers(AnalyzedDocument document) =>
        [.. document.GetLayer<Turn>(LayerNames.Turns).Select(t => t.SpeakerText)];
}
