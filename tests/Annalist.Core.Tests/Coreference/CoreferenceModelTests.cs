using Annalist.Core.Coreference;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tests.Coreference;

public sealed class CoreferenceModelTests
{
    private static readonly AnalysisPipeline Pipeline = DefaultPipeline.Create();

    // Invented gold: each pronoun refers to the person named first in its sentence pair, never the most recent one.
    private const string Text =
        "Mr. Aalto greeted Mr. Brenner at the door. Then he showed the guest to his chair.\n\n"
        + "Mr. Castell thanked Mr. Dorn for the wine. Then he poured a glass for his friend.\n\n"
        + "Mr. Eklund told Mr. Farkas the news. Then he left the room with his coat.\n";

    private static (Annalist.Core.Annotations.AnalyzedDocument Analyzed, List<CoreferenceGoldMention> Gold) Training()
    {
        var analyzed = Pipeline.Analyze(new SourceDocument("t", Text));
        var gold = new List<CoreferenceGoldMention>();
        void Add(string expression, int occurrence, string cluster)
        {
            // Whole words only: "he" is also inside "the".
            int at = -1;
            for (int i = 0; i <= occurrence; i++) at = Text.IndexOf(" " + expression + " ", at + 1, StringComparison.Ordinal) + 1;
            gold.Add(new CoreferenceGoldMention(new TextSpan(at, at + expression.Length), cluster));
        }
        foreach (var (first, second, n) in new[] { ("Aalto", "Brenner", 0), ("Castell", "Dorn", 1), ("Eklund", "Farkas", 2) })
        {
            Add(first, 0, first);
            Add(second, 0, second);
            Add("he", n, first);
            Add("his", n, first);
        }
        return (analyzed, gold);
    }

    [Fact]
    public void A_trained_model_writes_and_reads_back_to_the_same_choices()
    {
        var (analyzed, gold) = Training();
        var trainer = new CoreferenceTrainer();
        trainer.Add(analyzed, gold);
        var model = trainer.Train(epochs: 5, seed: 1);
        Assert.True(model.FeatureCount > 0);
        Assert.Equal(5, trainer.EpochErrors.Count);

        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        var read = CoreferenceModel.Read(stream);
        Assert.Equal(model.FeatureCount, read.FeatureCount);
        Assert.Equal(CoreferenceTrainer.Resolve(analyzed, model).ToArray(), CoreferenceTrainer.Resolve(analyzed, read).ToArray());
    }

    [Fact]
    public void Training_learns_what_recency_alone_gets_wrong()
    {
        var (analyzed, gold) = Training();
        var trainer = new CoreferenceTrainer();
        trainer.Add(analyzed, gold);
        var model = trainer.Train(epochs: 8, seed: 7);
        var links = CoreferenceTrainer.Resolve(analyzed, model);
        var rules = CoreferenceTrainer.Resolve(analyzed, null);
        string[] expected = ["aalto", "castell", "eklund"];
        Assert.Equal(expected, links.Where(l => Text[l.Span.Start..l.Span.End] == "he").Select(l => l.EntityId));
        Assert.NotEqual(expected, rules.Where(l => Text[l.Span.Start..l.Span.End] == "he").Select(l => l.EntityId));
    }

    [Fact]
    public void Out_of_fold_links_come_from_a_model_that_never_saw_the_document()
    {
        var (first, firstGold) = Training();
        const string other = "Mrs. Gray met Mr. Hollis at the gate. Then she gave the keys to her son.\n";
        var second = Pipeline.Analyze(new SourceDocument("u", other));
        int gray = other.IndexOf("Mrs. Gray", StringComparison.Ordinal), she = other.IndexOf(" she ", StringComparison.Ordinal) + 1;
        List<CoreferenceGoldMention> secondGold = [new(new TextSpan(gray, gray + 9), "Gray"), new(new TextSpan(she, she + 3), "Gray")];

        var remade = CoreferenceTrainer.OutOfFold([(first, firstGold), (second, secondGold)], folds: 2, epochs: 3, seed: 5);

        Assert.Equal(2, remade.Length);
        Assert.Same(first.Source, remade[0].Source);
        Assert.Same(second.Source, remade[1].Source);
        var onlySecond = new CoreferenceTrainer();
        onlySecond.Add(second, secondGold);
        var onlyFirst = new CoreferenceTrainer();
        onlyFirst.Add(first, firstGold);
        Assert.Equal(CoreferenceTrainer.Resolve(first, onlySecond.Train(3, 5)).ToArray(), remade[0].GetLayer<CoreferenceLink>(Annalist.Core.Annotations.LayerNames.Coreference).ToArray());
        Assert.Equal(CoreferenceTrainer.Resolve(second, onlyFirst.Train(3, 5)).ToArray(), remade[1].GetLayer<CoreferenceLink>(Annalist.Core.Annotations.LayerNames.Coreference).ToArray());
    }

    [Fact]
    public void Given_names_learn_the_gender_of_their_pronouns()
    {
        const string text = "Ottilie Brask came in. She sat down.\n\nOttilie Nyberg left early. She was tired.\n\nOttilie Roos smiled. Her sister laughed.\n";
        var analyzed = Pipeline.Analyze(new SourceDocument("t", text));
        var gold = new List<CoreferenceGoldMention>();
        foreach (string name in new[] { "Ottilie Brask", "Ottilie Nyberg", "Ottilie Roos" })
        {
            int at = text.IndexOf(name, StringComparison.Ordinal);
            gold.Add(new(new TextSpan(at, at + name.Length), name));
            int pronoun = text.IndexOfAny(['S', 'H'], at + name.Length);
            gold.Add(new(new TextSpan(pronoun, pronoun + 3), name));
        }
        var trainer = new CoreferenceTrainer();
        trainer.Add(analyzed, gold);
        var model = trainer.Train(epochs: 1, seed: 1);
        Assert.Equal(ReferentGender.Feminine, model.GenderOfName("ottilie"));
        Assert.Equal(ReferentGender.Unknown, model.GenderOfName("Brask"));
    }

    [Fact]
    public void Another_format_is_rejected()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) zip.Write(new byte[16]);
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => CoreferenceModel.Read(stream));
    }

    [Fact]
    public void The_shipped_model_is_built_in()
    {
        Assert.NotNull(CoreferenceModel.Shipped);
        Assert.True(CoreferenceModel.Shipped!.FeatureCount > 100);
    }
}
