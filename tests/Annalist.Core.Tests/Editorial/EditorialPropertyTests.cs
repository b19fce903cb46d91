using Annalist.Core.Annotations;
using Annalist.Core.Editorial;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Annalist.Core.Tests.Editorial;

public sealed class EditorialPropertyTests
{
    private const string HardCharacters = "[[]]….. . ()\n\r\n\tabcsic edillegible?1";

    public static Arbitrary<string> BracketHeavyText() =>
        Gen.Elements(HardCharacters.ToCharArray()).ArrayOf().Select(chars => new string(chars)).ToArbitrary();

    [Property(Arbitrary = [typeof(EditorialPropertyTests)], MaxTest = 500)]
    public bool MarksLieInTheTextWithContentInsideSpan(string text)
    {
        text ??= "";
        var marks = new List<EditorialMark>();
        var diagnostics = new List<Diagnostic>();
        EditorialAnnotator.Find(text, marks, diagnostics);
        return marks.All(m => m.Span.End <= text.Length && m.Span.Contains(m.Content) && m.Span.Length > 0
            && (m.Content == m.Span
                || (text[m.Span.Start] == '[' && text[m.Span.End - 1] == ']' && m.Content.Length == m.Span.Length - 2)
                || (text[m.Span.Start] == '(' && text[m.Span.End - 1] == ')' && m.Kind == EditorialKind.Gap && m.Content.Length == m.Span.Length - 2)))
            && diagnostics.All(d => d.Code == "ANL2003" && d.Span is { } s && text[s.Start] == '[');
    }

    [Property(MaxTest = 300)]
    public bool NeverThrowsOnArbitraryText(string text)
    {
        EditorialAnnotator.Find(text ?? "", [], []);
        return true;
    }
}
