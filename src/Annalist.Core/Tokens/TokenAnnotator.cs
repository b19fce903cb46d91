using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;

namespace Annalist.Core.Tokens;

/// <summary>
/// Produces the <c>tokens</c> layer with <see cref="Tokenizer"/>. Reports lone surrogates (text that was
/// decoded badly) as one diagnostic; they stay in the layer as tokens of kind <see cref="TokenKind.Other"/>.
/// </summary>
public sealed class TokenAnnotator : Annotator
{
    public static readonly ComponentId ComponentId = new("tokens", 1);

    public override ComponentId Id => ComponentId;

    public override IReadOnlyList<string> Requires { get; } = [];

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.Tokens];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        string text = state.Text;
        var tokens = Tokenizer.Tokenize(text);
        var layer = new Layer<Token>(LayerNames.Tokens, Id, tokens);
        return AnnotatorResult.Of(layer, LoneSurrogates(text));
    }

    private IReadOnlyList<Diagnostic> LoneSurrogates(string text)
    {
        int first = -1, count = 0;
        var span = text.AsSpan();
        for (int i = span.IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(span[i]))
            {
                if (first < 0) first = i;
                count++;
            }
        }
        return count == 0
            ? []
            : [Diagnostic.From(ErrorCatalogue.LoneSurrogate, new TextSpan(first, first + 1), Id.ToString(), count)];
    }
}
