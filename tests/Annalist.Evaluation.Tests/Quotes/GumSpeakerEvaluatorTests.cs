using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Text;
using Annalist.Evaluation.Quotes;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Tests.Quotes;

public class GumSpeakerEvaluatorTests
{
    // An invented two-speaker exchange in GUM's CoNLL-U shape (token lines shortened: only the text comments matter here).
    private const string Conllu =
        "# newdoc id = t\n# newpar\n# sent_id = t-1\n# text = A hearing on the appeal.\n1\tA\ta\tDET\n\n"
        + "# newpar\n# sent_id = t-2\n# speaker = JudgeAnnaKrol\n# text = Counsel, you may begin.\n1\tCounsel\tcounsel\tNOUN\n\n"
        + "# sent_id = t-3\n# speaker = JudgeAnnaKrol\n# text = Be brief.\n1\tBe\tbe\tAUX\n\n"
        + "# newpar\n# sent_id = t-4\n# speaker = MrPavelOrt\n# text = Thank you, Your Honor.\n1\tThank\tthank\tVERB\n\n";

    private static SpeakerDocument Read()
    {
        string path = Path.Combine(Path.GetTempPath(), $"gum-speakers-{Guid.NewGuid():N}.conllu");
        File.WriteAllText(path, Conllu);
        try { return GumSpeakerReader.Read(path); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_text_is_rebuilt_with_paragraphs_and_only_sentences_with_a_speaker_are_gold()
    {
        var document = Read();
        Assert.Equal("A hearing on the appeal.\n\nCounsel, you may begin. Be brief.\n\nThank you, Your Honor.", document.Text);
        Assert.Equal(["JudgeAnnaKrol", "JudgeAnnaKrol", "MrPavelOrt"], document.Sentences.Select(s => s.Speaker));
        Assert.Equal("Be brief.", document.Text[document.Sentences[1].Span.Start..document.Sentences[1].Span.End]);
    }

    [Fact]
    public void A_sentence_is_right_when_its_turn_names_a_part_of_the_speaker_id_and_pronouns_never_are()
    {
        var document = Read();
        var sentences = document.Sentences;
        SystemItem Turn(TextSpan span, string? speaker) =>
            new(span, document.Text[span.Start..span.End], FieldBag.Of(("speakers", ImmutableArray<string>.Empty), ("speaker_text", speaker)));
        var system = SystemLayers.Empty(document.Text).With(LayerNames.Turns,
        [
            Turn(new TextSpan(sentences[0].Span.Start, sentences[1].Span.End), "Judge Krol"),
            Turn(sentences[2].Span, "he"),
        ]);

        var score = GumSpeakerEvaluator.Score(document, system);
        double Metric(string name) => LayerMetrics.Compute("quotes", score.Counts).Single(m => m.Key == name).Value;

        Assert.Equal(3, Metric("n"));
        Assert.Equal(1.0, Metric("found"));
        Assert.Equal(2.0 / 3, Metric("speaker_accuracy"), 6);
        Assert.False(GumSpeakerEvaluator.Names("Krol's", "MrPavelOrt"));
        Assert.True(GumSpeakerEvaluator.Names("Mr. Ort", "MrPavelOrt"));
    }
}
