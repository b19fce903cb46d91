using Annalist.Core.Annotations;
using Annalist.Core.Pipeline;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;
using Annalist.Tests;

namespace Annalist.Core.Tests.Segmentation;

/// <summary>General properties of tokens and sentences on the sample records in <c>../shared/seed</c>.</summary>
public sealed class SeedRecordTests
{
    public static TheoryData<string> SeedFiles()
    {
        var data = new TheoryData<string>();
        if (!SharedData.Available) data.Add("(absent)");
        else foreach (string path in Directory.GetFiles(SharedData.PathTo("seed"), "*.txt").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(path));
        return data;
    }

    [SharedTheory]
    [MemberData(nameof(SeedFiles))]
    public void Sentences_respect_initials_titles_and_paragraphs(string file)
    {
        string text = File.ReadAllText(SharedData.PathTo("seed", file));
        var analyzed = DefaultPipeline.Create().Analyze(new SourceDocument(file, text));
        var tokens = analyzed.GetLayer<Token>(LayerNames.Tokens);
        var paragraphs = analyzed.GetLayer<Paragraph>(LayerNames.Paragraphs);
        var sentences = analyzed.GetLayer<Sentence>(LayerNames.Sentences);
        Assert.NotEmpty(sentences);
        var sentenceEnds = sentences.Select(s => s.Span.End).ToHashSet();

        foreach (var sentence in sentences)
        {
            var paragraph = Assert.Single(paragraphs.Items, p => p.Span.Contains(sentence.Span));
            var words = tokens.Within(sentence.Span).ToList();
            char first = text[words.First(t => t.Kind is not (TokenKind.Quote or TokenKind.Punctuation)).Span.Start];
            Assert.False(char.IsLower(first), $"sentence starts in lowercase: {Show(text, sentence.Span)}");
            if (sentence.Span.End < paragraph.Span.End)
            {
                var last = words.Last(t => t.Kind is not (TokenKind.Quote or TokenKind.Apostrophe) && !IsClosingBracket(text, t));
                Assert.True(last.Kind is TokenKind.Ellipsis or TokenKind.Abbreviation or TokenKind.Clock || text[last.Span.End - 1] is '.' or '?' or '!',
                    $"sentence inside a paragraph ends without a stop: {Show(text, sentence.Span)}");
            }
        }

        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            var token = tokens[i];
            var value = token.Span.Slice(text);
            if (token.Kind != TokenKind.Abbreviation || !sentenceEnds.Contains(token.Span.End)) continue;
            bool initial = value.Length == 2 && char.IsUpper(value[0]);
            bool title = Abbreviations.TryGetKind(value[..^1], out var kind) && kind == AbbreviationKind.BeforeName;
            var next = tokens[i + 1];
            bool nextIsName = next.Kind == TokenKind.Word && char.IsUpper(text[next.Span.Start]) && !SentenceOpeners.Contains(next.Span.Slice(text));
            Assert.False(title, $"a sentence ends after the title {value}");
            Assert.False(initial && nextIsName, $"a sentence ends after the initial {value} before a name");
        }
    }

    [SharedTheory]
    [MemberData(nameof(SeedFiles))]
    public void Tokens_rebuild_the_record(string file)
    {
        string text = File.ReadAllText(SharedData.PathTo("seed", file));
        var tokens = Tokenizer.Tokenize(text);
        var rebuilt = new System.Text.StringBuilder();
        int position = 0;
        foreach (var token in tokens)
        {
            var gap = text.AsSpan(position, token.Span.Start - position);
            Assert.True(gap.IsWhiteSpace(), $"non-white gap before {token.Span}");
            rebuilt.Append(gap).Append(token.Span.Slice(text));
            position = token.Span.End;
        }
        rebuilt.Append(text.AsSpan(position));
        Assert.Equal(text, rebuilt.ToString());
        Assert.Contains(tokens, t => t.Kind == TokenKind.Abbreviation);
    }

    private static bool IsClosingBracket(string text, Token token) =>
        token.Kind == TokenKind.Punctuation && text[token.Span.Start] is ')' or ']' or '}';

    private static string Show(string text, TextSpan span) => text.Substring(span.Start, Math.Min(span.Length, 120));
}
