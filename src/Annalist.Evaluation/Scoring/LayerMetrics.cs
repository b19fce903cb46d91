namespace Annalist.Evaluation.Scoring;

/// <summary>
/// Turns a layer's counts into its metrics, with the keys of <c>annalist eval --json</c>. Each metric
/// is a ratio of counts, so metrics of summed counts are micro-averages. A ratio with nothing to
/// count is 1 only when the gold and the system both have nothing; otherwise 0.
/// </summary>
public static class LayerMetrics
{
    // Count names shared by the scorers.
    public const string Gold = "gold";
    public const string System = "system";
    public const string Matched = "matched";
    public const string FoundGold = "found_gold";
    public const string MatchedSystem = "matched_system";

    public static IReadOnlyList<KeyValuePair<string, double>> Compute(string layer, IReadOnlyDictionary<string, long> counts)
    {
        long C(string name) => counts.TryGetValue(name, out long value) ? value : 0;
        long gold = C(Gold), system = C(System);
        switch (layer)
        {
            case "timexes":
            {
                double strictF1 = F1(C("strict"), C("strict"), gold, system);
                double relaxedF1 = F1(C("relaxed"), C("relaxed"), gold, system);
                double valueAccuracy = Accuracy(C("value_correct"), C("value_scored"), gold);
                return
                [
                    new("strict_f1", strictF1),
                    new("relaxed_f1", relaxedF1),
                    new("value_accuracy", valueAccuracy),
                    new("value_f1", valueAccuracy * relaxedF1),
                    new("type_accuracy", Accuracy(C("type_correct"), C("type_scored"), gold)),
                ];
            }
            case "entities":
                return [.. PrecisionRecallF1(C(FoundGold), C(MatchedSystem), gold, system), new("mention_recall", Recall(C("mention_pairs_found"), C("mention_pairs"), 0))];
            case "turns":
                return [.. PrecisionRecallF1(C(Matched), C(Matched), gold, system), new("speaker_accuracy", Accuracy(C("speaker_correct"), C(Matched), gold))];
            case "events":
                return [.. PrecisionRecallF1(C(Matched), C(Matched), gold, system), new("role_f1", F1(C("role_correct"), C("role_correct"), C("role_gold"), C("role_system")))];
            // Corpus-derived gold (FRUS) with nothing to measure reports 0, not a vacuous 1, beside n = 0.
            case "dates":
                return [new("accuracy", C("n") == 0 ? 0 : Accuracy(C("correct"), C("n"), C("n"))), new("n", C("n"))];
            case "persons":
                return C("n") == 0
                    ? [new("mention_recall", 0), new("linking_accuracy", 0), new("alignment_accuracy", 0), new("n", 0)]
                    : [new("mention_recall", Recall(C("found"), C("n"), 0)), new("linking_accuracy", Accuracy(C("linked"), C("found"), C("n"))),
                       new("alignment_accuracy", Accuracy(C("aligned"), C("found"), C("n"))), new("n", C("n"))];
            case "participants":
                return C("n") == 0
                    ? [new("precision", 0), new("recall", 0), new("f1", 0), new("n", 0)]
                    : [.. PrecisionRecallF1(C(FoundGold), C(MatchedSystem), gold, system), new("n", C("n"))];
            case "quotes":
                return C("n") == 0
                    ? [new("speaker_accuracy", 0), new("found", 0), new("n", 0)]
                    : [new("speaker_accuracy", Accuracy(C("correct"), C("n"), C("n"))), new("found", Recall(C("found"), C("n"), 0)), new("n", C("n"))];
            case "coreference":
                return
                [
                    new("pronoun_accuracy", C("n") == 0 ? 0 : Accuracy(C("correct"), C("n"), C("n"))),
                    new("pronoun_recall", Recall(C("n"), C("gold_pronouns"), 0)),
                    new("nominal_accuracy", C("nominal_n") == 0 ? 0 : Accuracy(C("nominal_correct"), C("nominal_n"), C("nominal_n"))),
                    new("n", C("n")),
                    new("nominal_n", C("nominal_n")),
                    .. BCubed(C("b3_precision_millionths"), C("b3_recall_millionths"), C("b3_mentions")),
                ];
            default:
                return PrecisionRecallF1(C(Matched), C(Matched), gold, system);
        }
    }

    /// <summary>B³ precision, recall and F1 of coreference from per-mention sums counted in millionths; none without mentions.</summary>
    private static KeyValuePair<string, double>[] BCubed(long precisionMillionths, long recallMillionths, long mentions)
    {
        if (mentions == 0) return [];
        double p = precisionMillionths / 1e6 / mentions, r = recallMillionths / 1e6 / mentions;
        return [new("b3_precision", p), new("b3_recall", r), new("b3_f1", p + r == 0 ? 0 : 2 * p * r / (p + r))];
    }

    /// <summary>
    /// Figures the text report adds to <see cref="Compute"/> (not part of <c>--json</c>): for timexes,
    /// the strict and relaxed precision and recall that TempEval-3 prints beside the F1s.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Details(string layer, IReadOnlyDictionary<string, long> counts)
    {
        if (layer != "timexes") return [];
        long C(string name) => counts.TryGetValue(name, out long value) ? value : 0;
        long gold = C(Gold), system = C(System);
        return
        [
            new("strict_precision", Precision(C("strict"), system, gold)),
            new("strict_recall", Recall(C("strict"), gold, system)),
            new("relaxed_precision", Precision(C("relaxed"), system, gold)),
            new("relaxed_recall", Recall(C("relaxed"), gold, system)),
        ];
    }

    /// <summary>Precision, recall and F1 from found gold items, matched system items and the two totals.</summary>
    public static KeyValuePair<string, double>[] PrecisionRecallF1(long foundGold, long matchedSystem, long gold, long system)
    {
        double precision = Precision(matchedSystem, system, gold);
        double recall = Recall(foundGold, gold, system);
        return [new("precision", precision), new("recall", recall), new("f1", Harmonic(precision, recall))];
    }

    public static double F1(long foundGold, long matchedSystem, long gold, long system) =>
        Harmonic(Precision(matchedSystem, system, gold), Recall(foundGold, gold, system));

    private static double Precision(long matched, long system, long gold) => system == 0 ? (gold == 0 ? 1 : 0) : Clamp((double)matched / system);

    private static double Recall(long found, long gold, long system) => gold == 0 ? (system == 0 ? 1 : 0) : Clamp((double)found / gold);

    private static double Accuracy(long correct, long over, long gold) => over == 0 ? (gold == 0 ? 1 : 0) : Clamp((double)correct / over);

    private static double Harmonic(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    private static double Clamp(double value) => Math.Clamp(value, 0, 1);
}
