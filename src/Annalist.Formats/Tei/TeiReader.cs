using System.Collections.Immutable;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using Annalist.Formats.Readers;

namespace Annalist.Formats.Tei;

/// <summary>Limits the TEI reader enforces on untrusted files.</summary>
public sealed record TeiReaderOptions
{
    public static TeiReaderOptions Default { get; } = new();

    /// <summary>The most characters of XML read before giving up with ANL1203 (200 million by default).</summary>
    public long MaxCharacters { get; init; } = 200_000_000;

    /// <summary>
    /// Whether each document's metadata carries the volume's persons list as its authority (true by default), so
    /// that person entities link to it; <c>--no-volume-authority</c> turns it off.
    /// </summary>
    public bool PersonsAsAuthority { get; init; } = true;
}

/// <summary>
/// Reads TEI P5 volumes such as FRUS: one <see cref="TeiDocument"/> per outermost
/// <c>div type="document"</c>; a plain TEI P5 file with none is one document, its <c>text</c>
/// (id: the file's name). DTDs are refused and no external resource is ever fetched, so a
/// hostile file cannot expand or reach the network; malformed XML gives a coded exception, never a
/// crash. Stateless and thread-safe.
/// </summary>
public static class TeiReader
{
    private static readonly XNamespace Xml = XNamespace.Xml;

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "div", "p", "head", "dateline", "list", "item", "table", "row", "closer", "opener", "signed", "salute",
        "postscript", "lg", "l", "ab", "byline", "docAuthor", "trailer", "argument", "epigraph", "quote", "label",
        "frus:attachment", "attachment",
    };

    private static readonly HashSet<string> SkippedElements = new(StringComparer.Ordinal) { "pb", "milestone", "graphic", "figDesc" };

    /// <summary>Reads a whole volume from a file.</summary>
    /// <exception cref="AnnalistException">ANL1001, ANL1005, ANL1201, ANL1202, ANL1203 or ANL1205.</exception>
    public static TeiVolume ReadVolume(string path, TeiReaderOptions? options = null)
    {
        if (!File.Exists(path)) throw MissingFile.Error(path);
        try
        {
            using var stream = File.OpenRead(path);
            return ReadVolume(stream, Path.GetFileName(path), options);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AnnalistException(ErrorCatalogue.UnreadableFile, exception, path, exception.Message);
        }
    }

    /// <summary>Reads a whole volume from a stream; <paramref name="fileName"/> names it in sources and messages.</summary>
    /// <exception cref="AnnalistException">ANL1201, ANL1202, ANL1203 or ANL1205.</exception>
    public static TeiVolume ReadVolume(Stream stream, string fileName, TeiReaderOptions? options = null)
    {
        options ??= TeiReaderOptions.Default;
        var root = Load(stream, fileName, options).Root!;
        if (root.Name.LocalName != "TEI") throw new AnnalistException(ErrorCatalogue.NotTei, fileName, root.Name.LocalName);

        string volumeId = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "idno" && (string?)e.Attribute("type") == "frus")?.Value.Trim() is { Length: > 0 } idno
            ? idno
            : Path.GetFileNameWithoutExtension(fileName);
        string? title = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "title" && (string?)e.Attribute("type") == "complete")?.Value
            ?? root.Descendants().FirstOrDefault(e => e.Name.LocalName == "title")?.Value;

        var documents = ImmutableArray.CreateBuilder<TeiDocument>();
        var persons = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var descriptions = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        CollectDocuments(root, fileName, documents, persons, descriptions);
        // A TEI P5 file that is one text, not a volume of records: its <text> is its one document.
        if (documents.Count == 0 && root.Elements().FirstOrDefault(e => e.Name.LocalName == "text") is { } text)
            documents.Add(ReadDocument(text, fileName, Path.GetFileNameWithoutExtension(fileName)));
        var volume = new TeiVolume(volumeId, fileName, title is null ? null : Normalize(title), persons.ToImmutable(), documents.ToImmutable(), descriptions.ToImmutable());
        volume.Authority = TeiPersonsAuthority.From(volume);
        if (!options.PersonsAsAuthority || volume.Authority is not { } authority) return volume;
        var withAuthority = volume.Documents.Select(d => d.WithTexts(m => m with { Authority = authority })).ToImmutableArray();
        return new TeiVolume(volumeId, fileName, volume.Title, volume.Persons, withAuthority, volume.PersonDescriptions) { Authority = authority };
    }

    /// <summary>Splits <c>volume.xml#d98</c> into the file and the document id (null when there is no <c>#</c>).</summary>
    public static (string File, string? DocumentId) SplitReference(string reference)
    {
        int hash = reference.LastIndexOf('#');
        return hash < 0 ? (reference, null) : (reference[..hash], reference[(hash + 1)..]);
    }

    private static XDocument Load(Stream stream, string fileName, TeiReaderOptions options)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException exception) when (exception.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new AnnalistException(ErrorCatalogue.XmlDtdRefused, exception, fileName);
        }
        catch (XmlException exception) when (exception.Message.Contains("MaxCharacters", StringComparison.Ordinal))
        {
            throw new AnnalistException(ErrorCatalogue.XmlTooLarge, exception, fileName, options.MaxCharacters);
        }
        catch (XmlException exception)
        {
            throw new AnnalistException(ErrorCatalogue.MalformedXml, exception, fileName, exception.LineNumber, exception.LinePosition, exception.Message);
        }
    }

    private static void CollectDocuments(XElement element, string fileName, ImmutableArray<TeiDocument>.Builder documents,
        ImmutableDictionary<string, string>.Builder persons, ImmutableDictionary<string, string>.Builder descriptions)
    {
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName == "div" && (string?)child.Attribute("type") == "document")
            {
                documents.Add(ReadDocument(child, fileName));
                continue;
            }
            if (child.Name.LocalName == "persName" && child.Attribute(Xml + "id") is { } id && id.Value.Length > 0)
            {
                persons[id.Value] = Normalize(child.Value);
                if (Describe(child) is { Length: > 0 } description) descriptions[id.Value] = description;
            }
            CollectDocuments(child, fileName, documents, persons, descriptions);
        }
    }

    /// <summary>The text of the list item around a persons-list name after the name itself (<c>Soviet Foreign Minister</c>).</summary>
    private static string? Describe(XElement name)
    {
        var item = name.Ancestors().FirstOrDefault(a => a.Name.LocalName == "item");
        if (item is null) return null;
        var after = new StringBuilder();
        bool past = false;
        foreach (var node in item.DescendantNodes())
        {
            if (node is XElement element && element == name) past = true;
            else if (past && node is XText textNode && !textNode.Ancestors().Contains(name)) after.Append(textNode.Value);
        }
        return Normalize(after.ToString()).TrimStart(',', ';', ' ', ':', '—', '-').Trim();
    }

    private static TeiDocument ReadDocument(XElement div, string fileName, string fallbackId = "")
    {
        string id = (string?)div.Attribute(Xml + "id") ?? fallbackId;
        var walker = new DocumentWalker(div);
        walker.Walk(div, inNotes: false);

        string bodyText = walker.Body.ToString();
        string notesText = walker.Notes.ToString();
        string? title = walker.Heading is { } heading ? bodyText.Substring(heading.Start, heading.Length) : null;
        string? date = walker.Dates.Select(d => d.When ?? d.From ?? d.NotBefore).FirstOrDefault(v => v is not null);
        string name = $"{fileName}#{id}";
        var footnotes = walker.Footnotes.ToImmutable();
        var mentions = walker.Mentions.ToImmutable();
        string? author = title is not null && IsConversationRecord(title) ? SourceNoteDrafter(footnotes, mentions) : null;
        var metadata = new DocumentMetadata { Title = title, Date = date, Source = name, Language = "en", Author = author };
        return new TeiDocument(
            id,
            (string?)div.Attribute("n"),
            new SourceDocument(name, bodyText, metadata),
            new SourceDocument(name + " (notes)", notesText, metadata with { Title = title is null ? "notes" : title + " (notes)" }),
            walker.Heading,
            walker.Dateline,
            footnotes,
            walker.Dates.ToImmutable(),
            mentions,
            walker.Participants.ToImmutable());
    }

    /// <summary>
    /// Whether a heading is of a record whose <c>I</c> is its drafter: a memorandum of a conversation or for the record,
    /// whose heading does not name its author itself (<c>…, by the Director of …</c>: the turns read that).
    /// </summary>
    private static bool IsConversationRecord(string heading) =>
        (heading.Contains("Conversation", StringComparison.OrdinalIgnoreCase) || heading.Contains("for the Record", StringComparison.OrdinalIgnoreCase))
        && !heading.Contains(", by ", StringComparison.Ordinal);

    /// <summary>
    /// The one drafter a source note names (<c>Drafted by McConaughy.</c>, <c>Drafted on May 10 by …</c>, <c>Prepared by
    /// …</c>): the tagged name right after <c>by</c>, else up to four capitalized words there; null when the note names
    /// none or several (<c>Drafted by Brewster and Crain</c>: whose <c>I</c> it is cannot be told).
    /// </summary>
    internal static string? SourceNoteDrafter(ImmutableArray<TeiFootnote> footnotes, ImmutableArray<TeiPersonMention> mentions)
    {
        if (footnotes.FirstOrDefault(f => f.IsSourceNote) is not { } note) return null;
        string text = note.Text;
        int at = -1;
        foreach (var verb in DraftingVerbs)
        {
            at = text.IndexOf(verb, StringComparison.Ordinal);
            if (at >= 0) break;
        }
        if (at < 0) return null;
        int by = text.IndexOf(" by ", at, StringComparison.Ordinal);
        // “Drafted on May 10 by …”: only a short phrase of time may stand between.
        if (by < 0 || by - at > 40 || text.AsSpan(at, by - at).IndexOfAny('.', ';') >= 0) return null;
        int start = by + 4;
        string? name = null;
        int end = start;
        foreach (var mention in mentions)
        {
            if (mention.Part != TeiTextPart.Notes || mention.Span.Start != note.Span.Start + start) continue;
            name = mention.Text;
            end = mention.Span.End - note.Span.Start;
            break;
        }
        if (name is null)
        {
            int words = 0;
            while (end < text.Length && words < 4 && char.IsUpper(text[end]))
            {
                int next = end;
                while (next < text.Length && (char.IsLetter(text[next]) || text[next] is '.' or '\'' or '’' or '-')) next++;
                words++;
                end = next;
                if (end < text.Length && text[end] == ' ' && end + 1 < text.Length && char.IsUpper(text[end + 1])) end++;
                else break;
            }
            if (words == 0) return null;
            name = text[start..end].TrimEnd('.');
        }
        var rest = text.AsSpan(end);
        // A second drafter (“… and Laingen”, “…, Wood, and …”) leaves the note's I undecided; “…, Director of …” does not.
        if (rest.StartsWith(" and ", StringComparison.Ordinal) && rest.Length > 5 && char.IsUpper(rest[5])) return null;
        if (rest.StartsWith(", ", StringComparison.Ordinal) && IsListedName(rest[2..])) return null;
        return name.Length >= 2 ? name : null;
    }

    /// <summary>Whether <paramref name="text"/> opens with a name that a list goes on after (<c>Wood, and …</c>, <c>Wood and …</c>).</summary>
    private static bool IsListedName(ReadOnlySpan<char> text)
    {
        int k = 0;
        while (k < text.Length && char.IsUpper(text[k]))
        {
            while (k < text.Length && (char.IsLetter(text[k]) || text[k] is '.' or '-' or '’' or '\'')) k++;
            if (k + 1 < text.Length && text[k] == ' ' && char.IsUpper(text[k + 1])) k++;
        }
        if (k == 0) return false;
        var after = text[k..];
        return after.StartsWith(",", StringComparison.Ordinal) || after.StartsWith(" and ", StringComparison.Ordinal);
    }

    private static readonly string[] DraftingVerbs = ["Drafted", "Prepared", "Written"];

    private static string Normalize(string text)
    {
        var sink = new TextSink();
        sink.Append(text);
        return sink.ToString().Trim();
    }

    private sealed class DocumentWalker(XElement root)
    {
        private bool _inFirstDateline;
        private bool _datelineSeen;

        public TextSink Body { get; } = new();
        public TextSink Notes { get; } = new();
        public TextSpan? Heading { get; private set; }
        public TextSpan? Dateline { get; private set; }
        public ImmutableArray<TeiFootnote>.Builder Footnotes { get; } = ImmutableArray.CreateBuilder<TeiFootnote>();
        public ImmutableArray<TeiDate>.Builder Dates { get; } = ImmutableArray.CreateBuilder<TeiDate>();
        public ImmutableArray<TeiPersonMention>.Builder Mentions { get; } = ImmutableArray.CreateBuilder<TeiPersonMention>();
        public ImmutableArray<TeiParticipantsBlock>.Builder Participants { get; } = ImmutableArray.CreateBuilder<TeiParticipantsBlock>();

        public void Walk(XElement element, bool inNotes)
        {
            foreach (var node in element.Nodes())
            {
                if (node is XText text) (inNotes ? Notes : Body).Append(text.Value);
                else if (node is XElement child) Visit(child, inNotes);
            }
        }

        private void Visit(XElement element, bool inNotes)
        {
            string name = element.Name.LocalName;
            var sink = inNotes ? Notes : Body;
            if (SkippedElements.Contains(name)) return;
            if (name == "lb")
            {
                sink.Break(1);
                return;
            }
            if (name == "note" && !inNotes)
            {
                Notes.Break(2);
                int noteStart = Notes.Length;
                Walk(element, inNotes: true);
                var span = Notes.Trimmed(noteStart);
                Footnotes.Add(new TeiFootnote((string?)element.Attribute(Xml + "id"), (string?)element.Attribute("n"), (string?)element.Attribute("type"), span, Notes.Text(span)));
                Notes.Break(2);
                return;
            }

            bool block = BlockElements.Contains(name);
            if (block) sink.Break(name is "item" or "row" or "l" or "signed" ? 1 : 2);
            int start = sink.Length;
            bool isFirstDateline = name == "dateline" && !inNotes && !_datelineSeen;
            if (isFirstDateline)
            {
                _datelineSeen = true;
                _inFirstDateline = true;
            }

            if (name == "list" && (string?)element.Attribute("type") == "participants" && !inNotes)
            {
                var items = ImmutableArray.CreateBuilder<TextSpan>();
                foreach (var node in element.Nodes())
                {
                    if (node is XText text) sink.Append(text.Value);
                    else if (node is XElement child)
                    {
                        int itemStart = sink.Length;
                        Visit(child, inNotes);
                        if (child.Name.LocalName == "item" && !IsSideHeading(child))
                        {
                            var itemSpan = sink.Trimmed(itemStart);
                            if (!itemSpan.IsEmpty) items.Add(itemSpan);
                        }
                    }
                }
                Participants.Add(new TeiParticipantsBlock(sink.Trimmed(start), items.ToImmutable()));
            }
            else if (name == "table" && !inNotes && IsParticipantsTable(element))
            {
                WalkParticipantsTable(element, sink);
            }
            else
            {
                Walk(element, inNotes);
            }
            if (name == "cell") sink.Append(" ");

            var span2 = sink.Trimmed(start);
            switch (name)
            {
                case "head" when element.Parent == root && Heading is null && !inNotes:
                    Heading = span2;
                    break;
                case "dateline" when isFirstDateline:
                    Dateline = span2;
                    _inFirstDateline = false;
                    break;
                case "date" when _inFirstDateline && !inNotes:
                    var date = new TeiDate(span2, sink.Text(span2), Attribute(element, "when"), Attribute(element, "from"), Attribute(element, "to"), Attribute(element, "notBefore"), Attribute(element, "notAfter"));
                    if ((date.When ?? date.From ?? date.To ?? date.NotBefore ?? date.NotAfter) is not null) Dates.Add(date);
                    break;
                case "persName" when element.Attribute("corresp") is { } corresp:
                    string personId = corresp.Value.Trim().TrimStart('#');
                    if (personId.Length > 0 && !span2.IsEmpty)
                        Mentions.Add(new TeiPersonMention(inNotes ? TeiTextPart.Notes : TeiTextPart.Body, span2, sink.Text(span2), personId));
                    break;
            }
            if (block) sink.Break(name is "item" or "row" or "l" or "signed" ? 1 : 2);
        }

        /// <summary>
        /// Older volumes lay participants out as a table: a row whose first cell reads
        /// <c>Participants:</c>, then rows whose first cell is empty; the other cells are the items.
        /// The block ends at a row labelled with anything else.
        /// </summary>
        private void WalkParticipantsTable(XElement table, TextSink sink)
        {
            var items = ImmutableArray.CreateBuilder<TextSpan>();
            bool inBlock = false;
            int blockStart = -1, blockEnd = -1;
            foreach (var node in table.Nodes())
            {
                if (node is XText text)
                {
                    sink.Append(text.Value);
                    continue;
                }
                if (node is not XElement row) continue;
                if (row.Name.LocalName != "row")
                {
                    Visit(row, inNotes: false);
                    continue;
                }
                var cells = row.Elements().Where(c => c.Name.LocalName == "cell").ToList();
                string label = cells.Count > 1 ? TextWithoutNotes(cells[0]) : "";
                if (IsParticipantsLabel(label)) inBlock = true;
                else if (label.Length > 0) inBlock = false;
                sink.Break(1);
                bool afterItemCell = false;
                foreach (var child in row.Nodes())
                {
                    if (child is XText rowText)
                    {
                        sink.Append(rowText.Value);
                        continue;
                    }
                    if (child is not XElement cell) continue;
                    // Cells of one row that each name someone (two columns, one per side) are kept apart by a tab, so
                    // that the text tells the items apart; a cell opening with a dash stays beside the name it qualifies.
                    string cellText = TextWithoutNotes(cell).Trim();
                    if (afterItemCell && cellText.Length > 0 && cellText[0] is not '—' and not '–') sink.Separate('\t');
                    int cellStart = sink.Length;
                    Visit(cell, inNotes: false);
                    var span = sink.Trimmed(cellStart);
                    bool isLabelCell = cells.Count > 1 && ReferenceEquals(cell, cells[0]);
                    afterItemCell = !isLabelCell && !span.IsEmpty;
                    // A cell opening with a dash (“—Canadian Delegation”) gives the side of the name beside it.
                    if (!inBlock || isLabelCell || span.IsEmpty || sink.Text(span)[0] is '—' or '–') continue;
                    items.Add(span);
                    if (blockStart < 0) blockStart = span.Start;
                    blockEnd = span.End;
                }
                sink.Break(1);
            }
            if (items.Count > 0) Participants.Add(new TeiParticipantsBlock(new TextSpan(blockStart, blockEnd), items.ToImmutable()));
        }

        /// <summary>An item that is one italic phrase and nothing else (<c>&lt;hi&gt;United States&lt;/hi&gt;</c>) heads a side; it names no participant.</summary>
        private static bool IsSideHeading(XElement item) =>
            item.Elements().Count() == 1 && item.Elements().First().Name.LocalName == "hi"
            && item.Nodes().OfType<XText>().All(t => string.IsNullOrWhiteSpace(t.Value));

        private static bool IsParticipantsTable(XElement table) =>
            table.Elements().Where(r => r.Name.LocalName == "row")
                .Any(r => r.Elements().FirstOrDefault(c => c.Name.LocalName == "cell") is { } first && IsParticipantsLabel(TextWithoutNotes(first)));

        private static bool IsParticipantsLabel(string text) =>
            text.TrimEnd(':', ' ').Equals("Participants", StringComparison.OrdinalIgnoreCase);

        private static string TextWithoutNotes(XElement element) =>
            Normalize(string.Concat(element.DescendantNodes().OfType<XText>().Where(t => !t.Ancestors().Any(a => a.Name.LocalName == "note")).Select(t => t.Value)));

        private static string? Attribute(XElement element, string name) =>
            element.Attribute(name)?.Value.Trim() is { Length: > 0 } value ? value : null;
    }

    /// <summary>Accumulates text with white space runs collapsed to one space and blocks on their own lines.</summary>
    private sealed class TextSink
    {
        private readonly StringBuilder _text = new();
        private bool _pendingSpace;

        public int Length => _text.Length;

        public void Append(string raw)
        {
            foreach (char c in raw)
            {
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = true;
                    continue;
                }
                if (_pendingSpace && _text.Length > 0 && !char.IsWhiteSpace(_text[^1])) _text.Append(' ');
                _pendingSpace = false;
                _text.Append(c);
            }
        }

        /// <summary>Puts <paramref name="separator"/> (a tab between table cells) in place of the pending space, after text on the line.</summary>
        public void Separate(char separator)
        {
            _pendingSpace = false;
            while (_text.Length > 0 && _text[^1] == ' ') _text.Length--;
            if (_text.Length == 0 || _text[^1] == '\n') return;
            _text.Append(separator);
        }

        /// <summary>Ends the current line so that the text ends with <paramref name="newlines"/> line feeds.</summary>
        public void Break(int newlines)
        {
            _pendingSpace = false;
            while (_text.Length > 0 && _text[^1] == ' ') _text.Length--;
            if (_text.Length == 0) return;
            int existing = 0;
            for (int i = _text.Length - 1; i >= 0 && _text[i] == '\n'; i--) existing++;
            for (; existing < newlines; existing++) _text.Append('\n');
        }

        /// <summary>The span from <paramref name="start"/> to the end, without surrounding white space.</summary>
        public TextSpan Trimmed(int start)
        {
            int end = _text.Length;
            while (start < end && char.IsWhiteSpace(_text[start])) start++;
            while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
            return new TextSpan(start, end);
        }

        public string Text(TextSpan span) => _text.ToString(span.Start, span.Length);

        public override string ToString() => _text.ToString();
    }
}
