namespace Annalist.Core.Syntax;

/// <summary>Runs the tagger (and the parser on the tagger's output, when given) on gold-tokenized sentences and scores them.</summary>
public static class SyntaxEvaluation
{
    public static SyntaxScorer Score(IEnumerable<TreebankSentence> sentences, PartOfSpeechTagger tagger, DependencyParser? parser)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tagger);
        var scorer = new SyntaxScorer();
        foreach (var sentence in sentences)
        {
            var (text, words) = sentence.Layout();
            var classes = new int[words.Length];
            tagger.Tag(text, words, classes);
            string[] universal = [.. classes.Select(c => tagger.UniversalTags[c])];
            string[] language = [.. classes.Select(c => tagger.LanguageTags[c])];
            if (parser is null)
            {
                scorer.Add(sentence, universal, language);
                continue;
            }
            var heads = new int[words.Length];
            var relations = new int[words.Length];
            parser.Parse(text, words, [.. classes.Select(c => tagger.TagHashes[c])], heads, relations);
            scorer.Add(sentence, universal, language, [.. heads.Select(h => h + 1)], [.. relations.Select(r => parser.Relations[r])]);
        }
        return scorer;
    }
}
