namespace Annalist.Formats.Readers;

/// <summary>
/// Text decoded from bytes, exactly as the bytes say: no newline or Unicode normalization. A byte order
/// mark is not part of <see cref="Text"/>; <see cref="ByteOrderMarkLength"/> says how many bytes it took.
/// </summary>
public readonly record struct DecodedText(string Text, string Encoding, int ByteOrderMarkLength);
