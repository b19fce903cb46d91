using Annalist.Core.Entities;
using Annalist.Core.Entities.Tagging;

namespace Annalist.Formats.Corpora;

/// <summary>Exact-span, exact-type precision, recall and F1 of named-entity mentions.</summary>
public sealed record NerScore(int Correct, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public NerScore Add(NerScore other) => new(Correct + other.Correct, Predicted + other.Predicted, Gold + other.Gold);
}

/// <summary>
/// Scores mentions found in corpus documents against their annotation. Both sides are compared as token
/// ranges after dropping a leading article (Annalist's names never include <c>the</c>); gold spans of
/// kinds outside the coarse scheme, and system spans overlapping them, are not counted. System groups
/// (peoples) are not counted either, unless the corpus counts a people named by a proper noun as persons
/// (LitBank, after ACE's PER.Group: <c>the Magyars</c>, <c>we English</c>; see <c>docs/layers/entities.md</c>):
/// then a group whose last word names the people (<see cref="EntityRecognizer.IsPeopleNoun"/>) is a person
/// and one modifying a noun (<c>English fields</c>, which LitBank leaves unannotated) is still not counted.
/// A title directly before a person the recognizer found is counted as part of the name, as these corpora annotate it.
/// </summary>
public static class NerScorer
{
    /// <summary>Mentions as token ranges of the flat token list of <paramref name="document"/>.</summary>
    public delegate IEnumerable<(int First, int End, EntityType Type)> Tagger(CorpusDocument document, TaggingInput input);

    /// <summary>Scores one document's mentions found by <paramref name="tagger"/>, writing misses and false finds to <paramref name="errors"/> when given.</summary>
    /// <param name="document">The annotated document.</param>
    /// <param name="tagger">What finds the mentions.</param>
    /// <param name="errors">Where to list each false find (+) and miss (-), or null.</param>
    /// <param name="groupsArePersons">Score groups that name a people as persons (LitBank's guidelines).</param>
    /// <param name="sources">
    /// Filled by <paramref name="tagger"/> (see <see cref="Recognizer(EntityRecognizer, SourceLog?)"/>): each false find's
    /// line then ends with what found it, and <c>initial</c> when it opens a sentence; correct finds are listed too (=).
    /// </param>
    public static NerScore Score(CorpusDocument document, Tagger tagger, TextWriter? errors = null, bool groupsArePersons = false, SourceLog? sources = null)
    {
        var input = document.ToTaggingInput();
        var offsets = document.SentenceOffsets();
        var gold = new HashSet<(int, int, EntityType)>();
        var ignored = new List<(int First, int End)>();
        foreach (var m in document.Mentions)
        {
            int first = offsets[m.Sentence] + m.First, end = offsets[m.Sentence] + m.End;
            while (first < end - 1 && input.Word(first) is "the" or "The") first++;
            if (m.Type is { } type) gold.Add((first, end, type));
            else ignored.Add((first, end));
        }
        int correct = 0, predicted = 0;
        var seen = new HashSet<(int, int, EntityType)>();
        foreach (var (f, end, found) in tagger(document, input))
        {
            int first = f;
            while (first < end - 1 && input.Word(first) is "the" or "The") first++;
            var type = found;
            if (type == EntityType.Group)
            {
                if (!groupsArePersons || !EntityRecognizer.IsPeopleNoun(input, end - 1)) continue;
                type = EntityType.Person;
            }
            if (ignored.Any(i => first < i.End && i.First < end)) continue;
            if (!seen.Add((first, end, type))) continue;
            predicted++;
            if (gold.Contains((first, end, type)))
            {
                correct++;
                if (sources is not null) errors?.WriteLine($"  = {type} {Text(first, end)}{Provenance(f, end)}");
            }
            else errors?.WriteLine($"  + {type} {Text(first, end)}{Provenance(f, end)}");
        }
        if (errors is not null)
        {
            foreach (var (first, end, type) in gold)
            {
                if (!seen.Contains((first, end, type))) errors.WriteLine($"  - {type} {Text(first, end)}");
            }
        }
        string Text(int first, int end) => string.Join(' ', Enumerable.Range(first, end - first).Select(i => input.Word(i).ToString()));
        string Provenance(int first, int end) => sources?.Of(first, end) is { } source ? $"  [{source}{(input.SentenceStarts[first] ? ", initial" : "")}]" : "";
        return new NerScore(correct, predicted, gold.Count);
    }

    /// <summary>
    /// For person-only annotation (FRUS persName): how many gold persons lie wholly inside a system person
    /// mention, as in the gold format's mention recall. Precision cannot be measured on such annotation.
    /// </summary>
    public static (int Covered, int Gold) PersonCoverage(CorpusDocument document, Tagger tagger)
    {
        var input = document.ToTaggingInput();
        var offsets = document.SentenceOffsets();
        var system = tagger(document, input).Where(m => m.Type == EntityType.Person).ToList();
        int covered = 0, gold = 0;
        foreach (var m in document.Mentions.Where(m => m.Type == EntityType.Person))
        {
            int first = offsets[m.Sentence] + m.First, end = offsets[m.Sentence] + m.End;
            gold++;
            // Titles inside FRUS persName (Secretary Dulles) are roles beside Annalist's mention.
            while (first < end - 1 && TitleLexicon.IsTitleWord(input.Word(first))) first++;
            if (system.Any(s => s.First <= first && s.End >= end)) covered++;
        }
        return (covered, gold);
    }

    /// <summary>The statistical tagger alone.</summary>
    public static Tagger RawTagger(MentionTagger tagger) => (_, input) => tagger.Tag(input).Select(n => (n.FirstToken, n.EndToken, n.Type));

    /// <summary>What found each mention of the last document a recognizer tagged (<see cref="RecognitionResult.Sources"/>).</summary>
    public sealed class SourceLog
    {
        private readonly Dictionary<(int First, int End), string> _sources = [];

        internal void Clear() => _sources.Clear();

        internal void Add(int first, int end, string source) => _sources.TryAdd((first, end), source);

        /// <summary>The source of the mention at tokens <c>[first, end)</c> (before titles were counted into it), or null.</summary>
        public string? Of(int first, int end) => _sources.GetValueOrDefault((first, end));
    }

    /// <summary>The whole recognizer (tagger and rules), its mention spans mapped back to tokens; <paramref name="sources"/> records what found each.</summary>
    public static Tagger Recognizer(EntityRecognizer recognizer, SourceLog? sources = null) => (_, input) =>
    {
        var byStart = new Dictionary<int, int>();
        var byEnd = new Dictionary<int, int>();
        for (int i = 0; i < input.Count; i++)
        {
            byStart[input.Tokens[i].Start] = i;
            byEnd[input.Tokens[i].End] = i + 1;
        }
        var result = recognizer.Recognize(input);
        sources?.Clear();
        var found = new List<(int First, int End, EntityType Type)>(result.Mentions.Length);
        for (int k = 0; k < result.Mentions.Length; k++)
        {
            var m = result.Mentions[k];
            if (!byStart.TryGetValue(m.Span.Start, out int first) || !byEnd.TryGetValue(m.Span.End, out int end)) continue;
            int titled = WithTitles(input, first, m.Type);
            found.Add((titled, end, m.Type));
            if (!result.Sources.IsDefault) sources?.Add(titled, end, result.Sources[k]);
        }
        return found;
    };

    /// <summary>These corpora count a title as part of a person's name; Annalist keeps it as a role beside the mention.</summary>
    private static int WithTitles(TaggingInput input, int first, EntityType type)
    {
        if (type != EntityType.Person) return first;
        while (first > 0 && !input.SentenceStarts[first] && TitleLexicon.IsTitleWord(input.Word(first - 1)) && char.IsUpper(input.Word(first - 1)[0])) first--;
        return first;
    }
}
