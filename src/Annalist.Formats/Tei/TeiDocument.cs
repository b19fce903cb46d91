using System.Collections.Immutable;
using Annalist.Core.Text;

namespace Annalist.Formats.Tei;

/// <summary>Which of a TEI document's two texts a span points into.</summary>
public enum TeiTextPart : byte
{
    /// <summary><see cref="TeiDocument.Body"/>: heading, dateline and body.</summary>
    Body,
    /// <summary><see cref="TeiDocument.Notes"/>: the source note and the footnotes.</summary>
    Notes,
}

/// <summary>A footnote (or the source note) of a TEI document, with its span in <see cref="TeiDocument.Notes"/>.</summary>
public sealed record TeiFootnote(string? Id, string? Number, string? Type, TextSpan Span, string Text)
{
    public bool IsSourceNote => string.Equals(Type, "source", StringComparison.Ordinal);
}

/// <summary>
/// A <c>date</c> element of the dateline with its attributes as written (ISO 8601 values of any
/// precision). At least one of the attributes is set.
/// </summary>
public sealed record TeiDate(TextSpan Span, string Text, string? When, string? From, string? To, string? NotBefore, string? NotAfter);

/// <summary>A <c>persName</c> with <c>@corresp</c> (the <c>#</c> removed), in either text.</summary>
public sealed record TeiPersonMention(TeiTextPart Part, TextSpan Span, string Text, string PersonId);

/// <summary>A participants block (<c>list type="participants"</c>): its span and one span per item, in the body.</summary>
public sealed record TeiParticipantsBlock(TextSpan Span, ImmutableArray<TextSpan> Items);

/// <summary>
/// One <c>div type="document"</c> of a TEI volume. <see cref="Body"/> holds the heading, the dateline
/// and the body text, each block on its own lines; notes never appear in it. <see cref="Notes"/> holds
/// the source note and the footnotes, one after another, separated by blank lines.
/// </summary>
public sealed class TeiDocument
{
    public TeiDocument(
        string id,
        string? number,
        SourceDocument body,
        SourceDocument notes,
        TextSpan? heading,
        TextSpan? dateline,
        ImmutableArray<TeiFootnote> footnotes,
        ImmutableArray<TeiDate> datelineDates,
        ImmutableArray<TeiPersonMention> personMentions,
        ImmutableArray<TeiParticipantsBlock> participants)
    {
        Id = id;
        Number = number;
        Body = body;
        Notes = notes;
        Heading = heading;
        Dateline = dateline;
        Footnotes = footnotes;
        DatelineDates = datelineDates;
        PersonMentions = personMentions;
        Participants = participants;
    }

    /// <summary>This document with its body and notes carrying <paramref name="metadata"/>'s changes.</summary>
    internal TeiDocument WithTexts(Func<DocumentMetadata, DocumentMetadata> metadata) =>
        new(Id, Number, Body.WithMetadata(metadata(Body.Metadata)), Notes.WithMetadata(metadata(Notes.Metadata)), Heading, Dateline, Footnotes, DatelineDates, PersonMentions, Participants);

    /// <summary>The div's <c>xml:id</c>, such as <c>d98</c>.</summary>
    public string Id { get; }

    /// <summary>The div's <c>@n</c>, the document number printed in the volume.</summary>
    public string? Number { get; }

    /// <summary>Heading, dateline and body text. Metadata: title, date (first dateline <c>@when</c>), source <c>volume.xml#id</c>.</summary>
    public SourceDocument Body { get; }

    /// <summary>The source note and footnotes; empty when the document has none.</summary>
    public SourceDocument Notes { get; }

    /// <summary>The heading's span in <see cref="Body"/>, when there is one.</summary>
    public TextSpan? Heading { get; }

    /// <summary>The first dateline's span in <see cref="Body"/>, when there is one.</summary>
    public TextSpan? Dateline { get; }

    public ImmutableArray<TeiFootnote> Footnotes { get; }

    /// <summary>The source note's text (<c>note type="source"</c>), or null.</summary>
    public string? SourceNote => Footnotes.FirstOrDefault(f => f.IsSourceNote)?.Text;

    /// <summary>Dated <c>date</c> elements of the first dateline.</summary>
    public ImmutableArray<TeiDate> DatelineDates { get; }

    public ImmutableArray<TeiPersonMention> PersonMentions { get; }

    public ImmutableArray<TeiParticipantsBlock> Participants { get; }
}

/// <summary>A TEI volume: its id, title, persons list and documents.</summary>
public sealed class TeiVolume
{
    public TeiVolume(string id, string fileName, string? title, ImmutableDictionary<string, string> persons, ImmutableArray<TeiDocument> documents,
        ImmutableDictionary<string, string>? personDescriptions = null)
    {
        Id = id;
        FileName = fileName;
        Title = title;
        Persons = persons;
        Documents = documents;
        PersonDescriptions = personDescriptions ?? ImmutableDictionary<string, string>.Empty;
    }

    /// <summary>The volume id (<c>idno type="frus"</c>), or the file name without extension.</summary>
    public string Id { get; }

    public string FileName { get; }

    public string? Title { get; }

    /// <summary>The persons list: <c>persName/@xml:id</c> outside the documents, to its text. Empty when the volume has none.</summary>
    public ImmutableDictionary<string, string> Persons { get; }

    /// <summary>Who each person of the list is: the rest of the list item after the name (<c>Soviet Foreign Minister</c>), by <c>xml:id</c>.</summary>
    public ImmutableDictionary<string, string> PersonDescriptions { get; }

    /// <summary>
    /// The persons list as an authority list (<see cref="TeiPersonsAuthority"/>), which the documents' metadata carry
    /// when the reader was asked to (<see cref="TeiReaderOptions.PersonsAsAuthority"/>); null without a list.
    /// </summary>
    public Annalist.Core.Entities.Authorities.AuthorityList? Authority { get; internal set; }

    public ImmutableArray<TeiDocument> Documents { get; }

    public TeiDocument? FindDocument(string id) => Documents.FirstOrDefault(d => d.Id == id);
}
