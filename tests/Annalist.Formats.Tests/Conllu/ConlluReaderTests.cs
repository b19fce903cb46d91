using Annalist.Core.Annotations;
using Annalist.Formats.Conllu;
using Annalist.Tests;

namespace Annalist.Formats.Tests.Conllu;

public sealed class ConlluReaderTests
{
    // Written for this test: a contraction split into two words, an empty node, comments, Windows line ends.
    private const string Sample =
        "# newdoc id = letters-1\n" +
        "# sent_id = letters-1-1\n" +
        "# text = We won't wait.\n" +
        "1\tWe\twe\tPRON\tPRP\tCase=Nom\t3\tnsubj\t3:nsubj\t_\n" +
        "2-3\twon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
        "2\two\twill\tAUX\tMD\t_\t4\taux\t4:aux\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n" +
        "4\twait\twait\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n" +
        "4.1\twait\twait\tVERB\tVB\t_\t_\t_\t1:conj\tCopyOf=4\n" +
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n" +
        "\r\n" +
        "# sent_id = letters-1-2\r\n" +
        "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\r\n";

    [Fact]
    public void Reads_words_multiword_tokens_empty_nodes_and_comments()
    {
        var diagnostics = new List<Diagnostic>();
        var sentences = ConlluReader.Parse(Sample, "sample", diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(2, sentences.Count);

        var first = sentences[0];
        Assert.Equal("letters-1-1", first.SentenceId);
        Assert.Equal("We won't wait.", first.Text);
        Assert.Equal("letters-1", first.Comment("newdoc id"));
        Assert.Equal(3, first.Comments.Count);
        Assert.Equal(["We", "wo", "n't", "wait", "."], first.Words.Select(w => w.Form));
        Assert.Equal([3, 4, 4, 0, 4], first.Words.Select(w => w.Head));
        Assert.Equal("MD", first.Words[1].LanguageTag);
        Assert.Equal("Case=Nom", first.Words[0].Features);

        var contraction = Assert.Single(first.MultiwordTokens);
        Assert.Equal((2, 3, "won't", "SpaceAfter=No"), (contraction.FirstWordId, contraction.LastWordId, contraction.Form, contraction.Miscellany));
        var empty = Assert.Single(first.EmptyNodes);
        Assert.Equal((4, 1, "1:conj"), (empty.AfterWordId, empty.Index, empty.EnhancedDependencies));

        Assert.Equal((1, 12), (first.Line, sentences[1].Line));
        Assert.Equal("Yes", Assert.Single(sentences[1].Words).Form);
        Assert.Equal("root", sentences[1].Words[0].Relation);
    }

    [Fact]
    public void Treebank_sentences_keep_only_the_basic_tree_words()
    {
        var tree = ConlluTreebank.ToTreebankSentence(ConlluReader.Parse(Sample)[0]);
        Assert.Equal(5, tree.Count);
        Assert.True(tree.IsTree());
        Assert.Equal(["PRON", "AUX", "PART", "VERB", "PUNCT"], tree.UniversalTags);
    }

    [Fact]
    public void Malformed_lines_are_skipped_with_a_diagnostic_and_never_throw()
    {
        const string broken = "1\tonly\tthree\n2-x\ta\t_\t_\t_\t_\t_\t_\t_\t_\nx\tb\t_\t_\t_\t_\t_\t_\t_\t_\n1\tok\tok\tX\tX\t_\t_\t_\t_\t_\n\n\n";
        var diagnostics = new List<Diagnostic>();
        var sentences = ConlluReader.Parse(broken, "broken", diagnostics);
        var sentence = Assert.Single(sentences);
        Assert.Equal(-1, Assert.Single(sentence.Words).Head);
        Assert.Equal(3, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("ANL1051", d.Code));
        Assert.Contains("broken line 1", diagnostics[0].Message);
        Assert.False(ConlluTreebank.ToTreebankSentence(sentence).IsTree());
    }

    [Fact]
    public void Word_ids_out_of_order_are_reported()
    {
        var diagnostics = new List<Diagnostic>();
        ConlluReader.Parse("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n", "gap", diagnostics);
        Assert.Contains(diagnostics, d => d.Message.Contains("do not run"));
    }

    [SharedFact]
    public void Reads_the_EWT_dev_file_with_the_counts_its_README_states()
    {
        string path = SharedData.PathTo("corpora", "ud", "UD_English-EWT", "en_ewt-ud-dev.conllu");
        var diagnostics = new List<Diagnostic>();
        var sentences = ConlluReader.ReadFile(path, diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(2001, sentences.Count);
        Assert.Equal(25147, sentences.Sum(s => s.Words.Count));
        Assert.Equal(359, sentences.Sum(s => s.MultiwordTokens.Count));
        Assert.Equal(4, sentences.Sum(s => s.EmptyNodes.Count));
    }
}
