using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Syntax;

/// <summary>
/// Maps the project's tokens to the syntactic words UD treebanks use, which the models were trained on.
/// A word token ending in a clitic is split in two, as UD splits it: <c>don’t</c> → <c>do</c> + <c>n’t</c>,
/// <c>can't</c> → <c>ca</c> + <c>n't</c>, <c>Minister’s</c> → <c>Minister</c> + <c>’s</c>, likewise
/// <c>’re ’ve ’ll ’d ’m</c> (straight or curly apostrophe). Every other token is one word. A token's tag
/// is its first word's; its head is the token holding the head of its first word, climbing past heads
/// inside the token itself.
/// </summary>
internal static class SyntacticWords
{
    /// <summary>Appends the words of <paramref name="tokens"/> to <paramref name="words"/> and, for each word, its token's index (offset by <paramref name="firstToken"/>).</summary>
    public static void Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int firstToken, List<TextSpan> words, List<int> tokenOfWord)
    {
        for (int t = 0; t < tokens.Length; t++)
        {
            var span = tokens[t].Span;
            int clitic = tokens[t].Kind == TokenKind.Word ? CliticStart(text.Slice(span.Start, span.Length)) : -1;
            if (clitic > 0)
            {
                words.Add(new TextSpan(span.Start, span.Start + clitic));
                tokenOfWord.Add(firstToken + t);
                words.Add(new TextSpan(span.Start + clitic, span.End));
            }
            else words.Add(span);
            tokenOfWord.Add(firstToken + t);
        }
    }

    /// <summary>Where the clitic starts within <paramref name="word"/>, or -1 when there is none.</summary>
    public static int CliticStart(ReadOnlySpan<char> word)
    {
        int n = word.Length;
        if (n >= 4 && IsApostrophe(word[n - 2]) && Lower(word[n - 1]) == 't' && Lower(word[n - 3]) == 'n') return n - 3;
        if (n >= 3 && IsApostrophe(word[n - 2]) && Lower(word[n - 1]) is 's' or 'd' or 'm') return n - 2;
        if (n >= 4 && IsApostrophe(word[n - 3]) && (Lower(word[n - 2]), Lower(word[n - 1])) is ('r', 'e') or ('v', 'e') or ('l', 'l')) return n - 3;
        return -1;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static char Lower(char c) => char.ToLowerInvariant(c);
}
