namespace Annalist.Core.Syntax;

/// <summary>Runs the tagger (and the parser, when given) on gold-tokenized sentences and scores them.</summary>
public static class SyntaxEvaluation
{
    public static SyntaxScorer Score(IEnumerable<TreebankSentence> sentences, PartOfSpeechTagger tagger, object? parser)
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
            scorer.Add(sentence, universal, language);
        }
        return scorer;
    }
}
