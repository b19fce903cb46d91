namespace Annalist.Core.Segmentation;

/// <summary>How a text marks its paragraphs, as <see cref="ParagraphSplitter"/> judged it.</summary>
public enum ParagraphStyle : byte
{
    /// <summary>One paragraph, or none: nothing to decide.</summary>
    Single,

    /// <summary>Blank lines (or form feeds, U+2029) separate paragraphs; the usual case.</summary>
    BlankLines,

    /// <summary>No blank lines and lines that read as whole paragraphs: each line is one.</summary>
    LinePerParagraph,

    /// <summary>
    /// No blank lines and lines wrapped at a fixed width (most end mid-sentence): a paragraph ends after
    /// a line much shorter than the width, or before an indented line.
    /// </summary>
    HardWrapped,
}
