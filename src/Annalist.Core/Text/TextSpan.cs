namespace Annalist.Core.Text;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 code units in a document's decoded text.
/// </summary>
public readonly struct TextSpan : IEquatable<TextSpan>, IComparable<TextSpan>
{
    public TextSpan(int start, int end)
    {
        if (start < 0) throw new ArgumentOutOfRangeException(nameof(start), start, "A span cannot start before 0.");
        if (end < start) throw new ArgumentOutOfRangeException(nameof(end), end, "A span cannot end before it starts.");
        Start = start;
        End = end;
    }

    public int Start { get; }

    /// <summary>The first offset past the span.</summary>
    public int End { get; }

    public int Length => End - Start;

    public bool IsEmpty => Start == End;

    public static TextSpan FromLength(int start, int length) => new(start, start + length);

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the spans share at least one code unit.</summary>
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    public ReadOnlySpan<char> Slice(string text) => text.AsSpan(Start, Length);

    public bool Equals(TextSpan other) => Start == other.Start && End == other.End;

    public override bool Equals(object? obj) => obj is TextSpan other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Start, End);

    /// <summary>Orders by start, then by the longer span first, so enclosing spans precede what they enclose.</summary>
    public int CompareTo(TextSpan other)
    {
        int byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : other.End.CompareTo(End);
    }

    public static bool operator ==(TextSpan left, TextSpan right) => left.Equals(right);

    public static bool operator !=(TextSpan left, TextSpan right) => !left.Equals(right);

    public override string ToString() => $"[{Start}..{End})";
}
