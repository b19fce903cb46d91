using Annalist.Core.Segmentation;
using Annalist.Core.Syntax;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Tests.Syntax;

public sealed class SentenceRunsTests
{
    private static Token T(int start, int end) => new(new TextSpan(start, end), TokenKind.Word);

    [Fact]
    public void Each_sentence_is_a_run_and_tokens_outside_sentences_form_runs_of_their_own()
    {
        Token[] tokens = [T(0, 2), T(3, 5), T(6, 8), T(9, 11), T(12, 14), T(15, 17)];
        Sentence[] sentences = [new(new TextSpan(3, 8)), new(new TextSpan(12, 17))];
        Assert.Equal([(0, 1), (1, 2), (3, 1), (4, 2)], SentenceRuns.Of(tokens, sentences));
    }

    [Fact]
    public void Without_sentences_all_tokens_are_one_run()
    {
        Assert.Equal([(0, 3)], SentenceRuns.Of([T(0, 1), T(2, 3), T(4, 5)], []));
        Assert.Empty(SentenceRuns.Of([], [new(new TextSpan(0, 4))]));
    }
}
