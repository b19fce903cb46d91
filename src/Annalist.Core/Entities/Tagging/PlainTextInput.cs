using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Tokens;

namespace Annalist.Core.Entities.Tagging;

/// <summary>
/// Tokenizes and splits running text as the default pipeline does, for callers outside a pipeline
/// (corpus readers, tools) that need a <see cref="TaggingInput"/> of the same shape.
/// </summary>
public static class PlainTextInput
{
    public static TaggingInput From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        var paragraphs = new List<TextSpan>();
        ParagraphSplitter.Split(text, paragraphs, out _);
        var sentences = new List<TextSpan>();
        SentenceSplitter.Split(text, tokens, [.. paragraphs], sentences);
        return EntityAnnotator.BuildInput(text, tokens, [.. sentences]);
    }
}
