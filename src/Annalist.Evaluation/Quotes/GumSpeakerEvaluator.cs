using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Evaluation.Scoring;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Quotes;

/// <summary>
/// <c>annalist eval quotes gum</c>: each GUM sentence with a <c># speaker</c> against the system's <c>turns</c>.
/// A sentence is found when turns cover at least half of its characters; its speaker is right when the last
/// word of the turn (covering most of it)'s <c>speaker_text</c>, letters only and lowercase (at least two
/// letters), is contained in the speaker id likewise reduced (<c>Prelogar</c> in <c>GeneralElizabethBPrelogar</c>,
/// <c>Wikinews</c>). A pronoun (<c>I</c>, <c>he</c>) names no one and is never right. Speaker accuracy is over
/// all such sentences, so one no turn covers counts as wrong. Reported in the layer <c>quotes</c> (n, found, correct).
/// </summary>
public sealed class GumSpeakerEvaluator(AnalysisPipeline pipeline)
{
    public EvaluationResult Evaluate(IEnumerable<SpeakerDocument> documents, CancellationToken cancellationToken = default) =>
        TextScoring.Evaluate(pipeline, documents, d => d.Name, d => d.Text, Score, cancellationToken);

    public static LayerScore Score(SpeakerDocument document, SystemLayers system)
    {
        var score = new LayerScoreBuilder("quotes", system.Has(LayerNames.Turns), document.Name);
        score.Declare("n", "found", "correct");
        var turns = system.Get(LayerNames.Turns);
        foreach (var sentence in document.Sentences)
        {
            score.Add("n");
            int covered = 0, bestOverlap = 0;
            SystemItem? best = null;
            foreach (var turn in turns)
            {
                int overlap = Math.Min(turn.Span.End, sentence.Span.End) - Math.Max(turn.Span.Start, sentence.Span.Start);
                if (overlap <= 0) continue;
                covered += overlap;
                if (overlap > bestOverlap) (best, bestOverlap) = (turn, overlap);
            }
            string shown = document.Text.Substring(sentence.Span.Start, Math.Min(sentence.Span.Length, 60));
            if (best is null || covered * 2 < sentence.Span.Length)
            {
                score.Miss($"{sentence.Id} \"{shown}\" ({sentence.Speaker}): no turn");
                continue;
            }
            score.Add("found");
            string? text = best.Fields.String("speaker_text");
            if (text is not null && Names(text, sentence.Speaker)) score.Add("correct");
            else score.Mismatch($"{sentence.Id} \"{shown}\" ({sentence.Speaker}) ← {text ?? "no speaker"}");
        }
        return score.Build();
    }

    /// <summary>The last word of <paramref name="speakerText"/> is part of <paramref name="speakerId"/>, letters only, ignoring case.</summary>
    public static bool Names(string speakerText, string speakerId)
    {
        string last = Letters(QuotesEvaluator.LastWord(speakerText));
        if (last.Length < 2 || last is "he" or "she" or "they" or "we" or "it" or "who") return false;
        return Letters(speakerId).Contains(last, StringComparison.Ordinal);
    }

    private static string Letters(string text) => new([.. text.Where(char.IsLetter).Select(char.ToLowerInvariant)]);
}
