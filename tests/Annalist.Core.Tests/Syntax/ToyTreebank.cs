using Annalist.Core.Syntax;

namespace Annalist.Core.Tests.Syntax;

/// <summary>
/// A tiny generated treebank with a fixed grammar, to check that the learners learn:
/// [DET (ADJ) NOUN | PRON] VERB [DET (ADJ) NOUN] (ADP DET NOUN) (.), where "watch" and "fish" are
/// nouns after a determiner and verbs after a subject.
/// </summary>
internal static class ToyTreebank
{
    private static readonly string[] Determiners = ["the", "a", "every", "this"];
    private static readonly string[] Adjectives = ["old", "quiet", "red", "tall", "brave"];
    private static readonly string[] Nouns = ["farmer", "river", "letter", "horse", "city", "watch", "fish"];
    private static readonly string[] Pronouns = ["she", "they", "we"];
    private static readonly string[] Verbs = ["sees", "writes", "crosses", "watch", "fish", "finds"];
    private static readonly string[] Prepositions = ["near", "under", "beyond"];

    public static List<TreebankSentence> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var sentences = new List<TreebankSentence>(count);
        for (int s = 0; s < count; s++)
        {
            var forms = new List<string>();
            var upos = new List<string>();
            var heads = new List<int>();
            var relations = new List<string>();
            var nounPhraseHeads = new List<int>();
            int subject = random.Next(3) == 0 ? AddPronoun() : AddNounPhrase();
            int verb = Add(Pick(Verbs), "VERB", 0, "root");
            heads[subject - 1] = verb;
            relations[subject - 1] = "nsubj";
            if (random.Next(4) != 0)
            {
                int obj = AddNounPhrase();
                heads[obj - 1] = verb;
                relations[obj - 1] = "obj";
            }
            if (random.Next(3) == 0)
            {
                int preposition = Add(Pick(Prepositions), "ADP", -1, "case");
                int noun = AddNounPhrase();
                heads[preposition - 1] = noun;
                heads[noun - 1] = verb;
                relations[noun - 1] = "obl";
            }
            if (random.Next(2) == 0) Add(".", "PUNCT", verb, "punct");
            sentences.Add(new TreebankSentence(forms, upos, [.. upos.Select(u => u[..2])], heads, relations));

            int AddPronoun() => Add(Pick(Pronouns), "PRON", -1, "dep");

            int AddNounPhrase()
            {
                int determiner = Add(Pick(Determiners), "DET", -1, "det");
                int adjective = random.Next(2) == 0 ? Add(Pick(Adjectives), "ADJ", -1, "amod") : -1;
                int noun = Add(Pick(Nouns), "NOUN", -1, "dep");
                heads[determiner - 1] = noun;
                if (adjective > 0) heads[adjective - 1] = noun;
                return noun;
            }

            int Add(string form, string tag, int head, string relation)
            {
                forms.Add(form);
                upos.Add(tag);
                heads.Add(head);
                relations.Add(relation);
                return forms.Count;
            }
        }
        return sentences;
        string Pick(string[] words) => words[random.Next(words.Length)];
    }
}
