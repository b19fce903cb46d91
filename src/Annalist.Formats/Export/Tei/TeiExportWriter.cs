using System.Globalization;
using System.Text;
using System.Xml;
using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Formats.Export.Tei;

/// <summary>
/// Writes a document as one TEI P5 file (<c>docs/export.md</c>): a header with title, source, the people,
/// places, organizations and events of the entity and event layers and the participants; a body holding the
/// text exactly (its string value is the document's text, save characters XML forbids), paragraphs as
/// <c>p</c>, names as <c>persName</c>/<c>placeName</c>/<c>orgName</c> with <c>@ref</c>, dates with W3C and EDTF
/// values, turns as <c>said</c>, editorial marks as <c>supplied</c>, <c>note</c>, <c>sic</c>, <c>gap</c>.
/// Overlaps are resolved by <see cref="TeiInlineLayout"/>. Stateless and thread-safe.
/// </summary>
public sealed class TeiExportWriter : IDocumentExportWriter
{
    public const string Namespace = "http://www.tei-c.org/ns/1.0";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string EdtfCalendarId = "edtf";

    private const int RankSaid = 0;
    private const int RankEditorial = 1;
    private const int RankSic = 2;
    private const int RankGap = 3;
    private const int RankDate = 4;
    private const int RankName = 5;

    public string Format => "tei";

    public string Extension => ".xml";

    /// <inheritdoc />
    public IReadOnlyList<Diagnostic> Write(ExportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var diagnostics = new List<Diagnostic>();
        string text = XmlCharacters.Sanitize(document.Text, out var replaced);
        if (replaced is not null) diagnostics.Add(replaced);

        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = false,
            NewLineHandling = NewLineHandling.Entitize,
            CheckCharacters = true,
            CloseOutput = false,
        };
        using var xml = XmlWriter.Create(output, settings);
        var ids = new EntityIds(ExportLayers.Entities(document));
        ids.AddVoices(ExportLayers.Turns(document));
        var dates = ExportLayers.Timexes(document);
        bool usesEdtf = dates.Any(date => date.Edtf is not null);

        xml.WriteStartDocument();
        xml.WriteWhitespace("\n");
        xml.WriteStartElement("TEI", Namespace);
        xml.WriteAttributeString("xml", "lang", XmlNamespace, XmlCharacters.Clean(document.Metadata.Language ?? "en"));
        Indent(xml, 1);
        WriteHeader(xml, document, ids, usesEdtf);
        Indent(xml, 1);
        xml.WriteStartElement("text", Namespace);
        xml.WriteStartElement("body", Namespace);
        xml.WriteStartElement("div", Namespace);
        xml.WriteAttributeString("type", "document");
        WriteBody(xml, document, text, ids, dates);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        Indent(xml, 0);
        xml.WriteEndElement();
        xml.WriteWhitespace("\n");
        xml.WriteEndDocument();
        xml.Flush();
        return diagnostics;
    }

    /// <summary>The TEI for <paramref name="document"/> as a string (tests, benchmarks).</summary>
    public string ToXml(ExportDocument document)
    {
        using var buffer = new MemoryStream();
        Write(document, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Indent(XmlWriter xml, int depth) => xml.WriteWhitespace("\n" + new string(' ', depth * 2));

    private static void Element(XmlWriter xml, int depth, string name, string? value, params (string Name, string? Value)[] attributes)
    {
        Indent(xml, depth);
        xml.WriteStartElement(name, Namespace);
        foreach (var (attribute, attributeValue) in attributes)
            if (attributeValue is not null) xml.WriteAttributeString(attribute, XmlCharacters.Clean(attributeValue));
        if (!string.IsNullOrEmpty(value)) xml.WriteString(XmlCharacters.Clean(value));
        xml.WriteEndElement();
    }

    private static void WriteHeader(XmlWriter xml, ExportDocument document, EntityIds ids, bool usesEdtf)
    {
        var metadata = document.Metadata;
        xml.WriteStartElement("teiHeader", Namespace);
        Indent(xml, 2);
        xml.WriteStartElement("fileDesc", Namespace);
        Indent(xml, 3);
        xml.WriteStartElement("titleStmt", Namespace);
        Element(xml, 4, "title", Title(document));
        Indent(xml, 3);
        xml.WriteEndElement();
        Indent(xml, 3);
        xml.WriteStartElement("publicationStmt", Namespace);
        Element(xml, 4, "p", $"Exported by Annalist from its analysis (pipeline {document.PipelineVersion}); annotations are machine-made and rendered inline.");
        Indent(xml, 3);
        xml.WriteEndElement();
        Indent(xml, 3);
        xml.WriteStartElement("sourceDesc", Namespace);
        Indent(xml, 4);
        xml.WriteStartElement("bibl", Namespace);
        Element(xml, 5, "title", Title(document));
        if (W3CDate(metadata.Date) is { } when) Element(xml, 5, "date", metadata.Date, ("when", when));
        else if (metadata.Date is not null) Element(xml, 5, "date", metadata.Date);
        Element(xml, 5, "idno", document.Key, ("type", "key"));
        Element(xml, 5, "idno", document.Sha256, ("type", "sha256"));
        if (metadata.Source is not null) Element(xml, 5, "note", metadata.Source, ("type", "source"));
        Indent(xml, 4);
        xml.WriteEndElement();
        WriteEntityLists(xml, ids);
        WriteEvents(xml, document, ids);
        Indent(xml, 3);
        xml.WriteEndElement();
        Indent(xml, 2);
        xml.WriteEndElement();

        var participants = ExportLayers.Participants(document);
        if (usesEdtf || participants.Count > 0)
        {
            Indent(xml, 2);
            xml.WriteStartElement("profileDesc", Namespace);
            if (usesEdtf)
            {
                Indent(xml, 3);
                xml.WriteStartElement("calendarDesc", Namespace);
                Indent(xml, 4);
                xml.WriteStartElement("calendar", Namespace);
                xml.WriteAttributeString("xml", "id", XmlNamespace, EdtfCalendarId);
                Element(xml, 5, "p", "Extended Date/Time Format (ISO 8601-2), as in @when-custom.");
                Indent(xml, 4);
                xml.WriteEndElement();
                Indent(xml, 3);
                xml.WriteEndElement();
            }
            if (participants.Count > 0) WriteParticipants(xml, participants, ids);
            Indent(xml, 2);
            xml.WriteEndElement();
        }
        Indent(xml, 1);
        xml.WriteEndElement();
    }

    private static string Title(ExportDocument document) =>
        !string.IsNullOrWhiteSpace(document.Metadata.Title) ? document.Metadata.Title! : document.Name;

    private static void WriteEntityLists(XmlWriter xml, EntityIds ids)
    {
        var people = ids.Entities.Where(entity => entity.Type is "person" or "group").ToList();
        var places = ids.Entities.Where(entity => entity.Type == "place").ToList();
        var organizations = ids.Entities.Where(entity => entity.Type == "organization").ToList();
        if (people.Count > 0 || ids.Voices.Count > 0)
        {
            Indent(xml, 4);
            xml.WriteStartElement("listPerson", Namespace);
            foreach (var entity in people)
            {
                Indent(xml, 5);
                xml.WriteStartElement(entity.Type == "group" ? "personGrp" : "person", Namespace);
                xml.WriteAttributeString("xml", "id", XmlNamespace, ids.IdOf(entity.Id)!);
                WriteNames(xml, "persName", entity);
                foreach (string role in entity.Roles.Distinct(StringComparer.Ordinal)) Element(xml, 6, "occupation", role);
                Indent(xml, 5);
                xml.WriteEndElement();
            }
            foreach (var voice in ids.Voices) WriteVoice(xml, voice, ids);
            Indent(xml, 4);
            xml.WriteEndElement();
        }
        if (places.Count > 0)
        {
            Indent(xml, 4);
            xml.WriteStartElement("listPlace", Namespace);
            foreach (var entity in places)
            {
                Indent(xml, 5);
                xml.WriteStartElement("place", Namespace);
                xml.WriteAttributeString("xml", "id", XmlNamespace, ids.IdOf(entity.Id)!);
                WriteNames(xml, "placeName", entity);
                if (entity.Latitude is { } latitude && entity.Longitude is { } longitude && double.IsFinite(latitude) && double.IsFinite(longitude))
                {
                    Indent(xml, 6);
                    xml.WriteStartElement("location", Namespace);
                    Element(xml, 7, "geo", string.Create(CultureInfo.InvariantCulture, $"{latitude:R} {longitude:R}"));
                    Indent(xml, 6);
                    xml.WriteEndElement();
                }
                if (entity.Gazetteer is { Length: > 0 } gazetteer)
                {
                    int colon = gazetteer.IndexOf(':');
                    if (colon > 0) Element(xml, 6, "idno", gazetteer[(colon + 1)..], ("type", gazetteer[..colon]));
                    else Element(xml, 6, "idno", gazetteer);
                }
                Indent(xml, 5);
                xml.WriteEndElement();
            }
            Indent(xml, 4);
            xml.WriteEndElement();
        }
        if (organizations.Count > 0)
        {
            Indent(xml, 4);
            xml.WriteStartElement("listOrg", Namespace);
            foreach (var entity in organizations)
            {
                Indent(xml, 5);
                xml.WriteStartElement("org", Namespace);
                xml.WriteAttributeString("xml", "id", XmlNamespace, ids.IdOf(entity.Id)!);
                WriteNames(xml, "orgName", entity);
                Indent(xml, 5);
                xml.WriteEndElement();
            }
            Indent(xml, 4);
            xml.WriteEndElement();
        }
    }

    /// <summary>
    /// A voice no person holds (<c>the press</c>, <c>Q</c>, <c>the Soviet side</c>) as a <c>personGrp</c> whose <c>@role</c> is
    /// the turn's <c>speaker_role</c>; a side's entities are its <c>affiliation</c>s, pointed to by <c>@ref</c>.
    /// </summary>
    private static void WriteVoice(XmlWriter xml, Voice voice, EntityIds ids)
    {
        Indent(xml, 5);
        xml.WriteStartElement("personGrp", Namespace);
        xml.WriteAttributeString("xml", "id", XmlNamespace, voice.Id);
        xml.WriteAttributeString("role", XmlCharacters.Clean(voice.Role));
        Element(xml, 6, "persName", voice.Name);
        foreach (string side in voice.Sides)
        {
            if (ids.IdOf(side) is not { } id) continue;
            Element(xml, 6, "affiliation", ids.Find(side)?.Name, ("ref", "#" + id));
        }
        Indent(xml, 5);
        xml.WriteEndElement();
    }

    private static void WriteNames(XmlWriter xml, string element, ExportEntity entity)
    {
        Element(xml, 6, element, entity.Name);
        foreach (string alias in entity.Aliases.Distinct(StringComparer.Ordinal))
            if (alias != entity.Name && alias.Length > 0) Element(xml, 6, element, alias, ("type", "variant"));
    }

    private static void WriteEvents(XmlWriter xml, ExportDocument document, EntityIds ids)
    {
        var events = ExportLayers.Events(document);
        if (events.Count == 0) return;
        Indent(xml, 4);
        xml.WriteStartElement("listEvent", Namespace);
        for (int i = 0; i < events.Count; i++)
        {
            var item = events[i];
            Indent(xml, 5);
            xml.WriteStartElement("event", Namespace);
            xml.WriteAttributeString("xml", "id", XmlNamespace, $"event-{i + 1}");
            if (item.Type is { Length: > 0 } type) xml.WriteAttributeString("type", XmlIds.Token(type));
            string? from = W3CDate(item.TimeStart), to = W3CDate(item.TimeEnd);
            if (from is not null && to is not null) { xml.WriteAttributeString("from", from); xml.WriteAttributeString("to", to); }
            else if (from is not null) xml.WriteAttributeString("when", from);
            Element(xml, 6, "p", ExportLayers.SafeText(document, item.Span) ?? "");
            var roles = item.Roles.Where(role => role.Value.Any(id => ids.IdOf(id) is not null)).ToList();
            if (roles.Count > 0)
            {
                Indent(xml, 6);
                xml.WriteStartElement("p", Namespace);
                bool first = true;
                foreach (var (role, entityIds) in roles)
                {
                    foreach (string id in entityIds)
                    {
                        if (ids.IdOf(id) is not { } xmlId || ids.Find(id) is not { } entity) continue;
                        if (!first) xml.WriteString("; ");
                        first = false;
                        xml.WriteStartElement(NameElement(entity.Type), Namespace);
                        xml.WriteAttributeString("ref", "#" + xmlId);
                        xml.WriteAttributeString("role", XmlIds.Token(role));
                        xml.WriteString(XmlCharacters.Clean(entity.Name));
                        xml.WriteEndElement();
                    }
                }
                xml.WriteEndElement();
            }
            Indent(xml, 5);
            xml.WriteEndElement();
        }
        Indent(xml, 4);
        xml.WriteEndElement();
    }

    private static void WriteParticipants(XmlWriter xml, IReadOnlyList<ExportParticipant> participants, EntityIds ids)
    {
        Indent(xml, 3);
        xml.WriteStartElement("particDesc", Namespace);
        Indent(xml, 4);
        xml.WriteStartElement("listPerson", Namespace);
        xml.WriteAttributeString("type", "participants");
        foreach (var participant in participants)
        {
            Indent(xml, 5);
            xml.WriteStartElement("person", Namespace);
            if (participant.Entity is { } entity && ids.IdOf(entity) is { } xmlId) xml.WriteAttributeString("corresp", "#" + xmlId);
            Element(xml, 6, "persName", participant.Name ?? "");
            if (participant.Role is { Length: > 0 } role) Element(xml, 6, "occupation", role);
            if (participant.Affiliation is { Length: > 0 } affiliation) Element(xml, 6, "affiliation", affiliation.TrimEnd(':'));
            Indent(xml, 5);
            xml.WriteEndElement();
        }
        Indent(xml, 4);
        xml.WriteEndElement();
        Indent(xml, 3);
        xml.WriteEndElement();
    }

    private static string NameElement(string type) => type switch
    {
        "person" => "persName",
        "place" => "placeName",
        "organization" => "orgName",
        _ => "name",
    };

    private static string? W3CDate(string? value) => TeiDates.ToW3C(value);

    private static void WriteBody(XmlWriter xml, ExportDocument document, string text, EntityIds ids, IReadOnlyList<ExportTimex> dates)
    {
        var blocks = Blocks(document, text);
        var spans = new List<(int Start, int End, TeiElement Element)>();
        AddTurns(spans, document, ids);
        AddEditorial(spans, document, text);
        foreach (var date in dates) spans.Add((date.Span.Start, date.Span.End, DateElement(date)));
        foreach (var mention in ExportLayers.Mentions(document))
        {
            var attributes = new List<KeyValuePair<string, string>>();
            string name = NameElement(mention.Type);
            if (name == "name" && mention.Type.Length > 0) attributes.Add(new("type", XmlIds.Token(mention.Type)));
            if (mention.Entity is { } entity && ids.IdOf(entity) is { } xmlId) attributes.Add(new("ref", "#" + xmlId));
            spans.Add((mention.Span.Start, mention.Span.End, new TeiElement(name, attributes, RankName)));
        }
        var snapped = spans.Select(span => (Snap(text, span.Start, true), Snap(text, span.End, false), span.Element)).ToList();
        var nodes = TeiInlineLayout.Layout(text.Length, blocks, snapped, "part-");
        var chars = text.ToCharArray();
        int cursor = 0;
        foreach (var node in nodes)
        {
            WriteText(xml, chars, cursor, node.Start);
            WriteNode(xml, chars, node);
            cursor = node.End;
        }
        WriteText(xml, chars, cursor, text.Length);
        if (nodes.Count == 0) xml.WriteElementString("p", Namespace, "");
    }

    /// <summary>
    /// The paragraphs (or, without a paragraphs layer, the whole trimmed text), plus a <c>p</c> for any run of
    /// non-blank text no paragraph covers, so that no text is left outside a paragraph.
    /// </summary>
    private static List<(int Start, int End, TeiElement Element)> Blocks(ExportDocument document, string text)
    {
        var paragraph = new TeiElement("p", [], int.MinValue);
        var given = document.GetLayer(LayerNames.Paragraphs) is { } layer
            ? layer.Items.Select(item => item.Span).Where(span => span.End <= text.Length && !span.IsEmpty).OrderBy(span => span.Start).ToList()
            : [];
        var blocks = new List<(int Start, int End, TeiElement Element)>();
        int cursor = 0;
        void Gap(int from, int to)
        {
            var run = text.AsSpan(from, to - from);
            int lead = 0;
            while (lead < run.Length && char.IsWhiteSpace(run[lead])) lead++;
            int trail = run.Length;
            while (trail > lead && char.IsWhiteSpace(run[trail - 1])) trail--;
            if (trail > lead) blocks.Add((Snap(text, from + lead, true), Snap(text, from + trail, false), paragraph));
        }
        foreach (var span in given)
        {
            if (span.Start < cursor) continue; // overlapping paragraphs: the first one wins
            Gap(cursor, span.Start);
            blocks.Add((Snap(text, span.Start, true), Snap(text, span.End, false), paragraph));
            cursor = blocks[^1].End;
        }
        Gap(cursor, text.Length);
        return blocks;
    }

    private static void AddTurns(List<(int Start, int End, TeiElement Element)> spans, ExportDocument document, EntityIds ids)
    {
        foreach (var turn in ExportLayers.Turns(document))
        {
            var attributes = new List<KeyValuePair<string, string>>();
            List<string> who = ids.VoiceOf(turn) is { } voice ? ["#" + voice.Id] : turn.Speakers.Select(ids.IdOf).OfType<string>().Select(id => "#" + id).ToList();
            if (who.Count > 0) attributes.Add(new("who", string.Join(' ', who)));
            var toWhom = turn.Addressees.Select(ids.IdOf).OfType<string>().Select(id => "#" + id).ToList();
            if (toWhom.Count > 0) attributes.Add(new("toWhom", string.Join(' ', toWhom)));
            if (turn.Mode is "direct" or "reported") attributes.Add(new("direct", turn.Mode == "direct" ? "true" : "false"));
            spans.Add((turn.Span.Start, turn.Span.End, new TeiElement("said", attributes, RankSaid)));
        }
    }

    private static void AddEditorial(List<(int Start, int End, TeiElement Element)> spans, ExportDocument document, string text)
    {
        foreach (var mark in ExportLayers.Editorial(document))
        {
            var content = mark.Content;
            switch (mark.Kind)
            {
                case "gap":
                    spans.Add((mark.Span.Start, mark.Span.End, new TeiElement("gap", [], RankGap, IsLeaf: true, TextWrapper: "desc")));
                    break;
                case "supplied":
                    spans.Add((content.Start, content.End, new TeiElement("supplied", [], RankEditorial)));
                    break;
                default:
                    bool sic = IsSic(text.AsSpan(content.Start, content.Length));
                    spans.Add((content.Start, content.End, new TeiElement("note", [new("type", sic ? "sic" : "editorial")], RankEditorial)));
                    if (sic && WordBefore(text, mark.Span.Start) is { } word)
                        spans.Add((word.Start, word.End, new TeiElement("sic", [], RankSic)));
                    break;
            }
        }
    }

    /// <summary>True for an editor's note that begins with the word <c>sic</c> (<c>[sic]</c>, <c>[sic, also …]</c>).</summary>
    private static bool IsSic(ReadOnlySpan<char> content)
    {
        content = content.TrimStart();
        if (!content.StartsWith("sic", StringComparison.OrdinalIgnoreCase)) return false;
        return content.Length == 3 || !char.IsLetter(content[3]);
    }

    /// <summary>The word ending just before <paramref name="offset"/> (white space between allowed), which a <c>[sic]</c> marks.</summary>
    private static TextSpan? WordBefore(string text, int offset)
    {
        int end = offset;
        while (end > 0 && text[end - 1] is ' ' or '\t' or '\u00A0') end--;
        int start = end;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '\'' or '’' or '-' || char.IsSurrogate(text[start - 1]))) start--;
        return start < end ? new TextSpan(start, end) : null;
    }

    private static TeiElement DateElement(ExportTimex date)
    {
        var attributes = new List<KeyValuePair<string, string>>();
        if (date.Type is { Length: > 0 } type) attributes.Add(new("type", XmlIds.Token(type.ToLowerInvariant())));
        string? when = date.Type is "DURATION" or "SET" ? null : TeiDates.ToW3C(date.Value);
        if (when is not null && date.Mod is null)
        {
            attributes.Add(new("when", when));
        }
        else if (TeiDates.Bound(date.Earliest, true) is { } notBefore && TeiDates.Bound(date.Latest, false) is { } notAfter)
        {
            attributes.Add(new("notBefore", notBefore));
            attributes.Add(new("notAfter", notAfter));
        }
        if (date.Type == "DURATION" && TeiDates.ToDuration(date.Value) is { } duration) attributes.Add(new("dur-iso", duration));
        if (date.Edtf is { Length: > 0 } edtf && edtf != when && !edtf.Any(char.IsWhiteSpace))
        {
            attributes.Add(new("when-custom", edtf));
            attributes.Add(new("datingMethod", "#" + EdtfCalendarId));
        }
        return new TeiElement("date", attributes, RankDate);
    }

    private static void WriteNode(XmlWriter xml, char[] text, TeiNode node)
    {
        var element = node.Element;
        xml.WriteStartElement(element.Name, Namespace);
        if (node.Id is not null) xml.WriteAttributeString("xml", "id", XmlNamespace, node.Id);
        foreach (var (name, value) in element.Attributes) xml.WriteAttributeString(name, value);
        if (node.Previous is not null) xml.WriteAttributeString("prev", "#" + node.Previous);
        if (node.Next is not null) xml.WriteAttributeString("next", "#" + node.Next);
        if (element.TextWrapper is { } wrapper)
        {
            xml.WriteStartElement(wrapper, Namespace);
            WriteText(xml, text, node.Start, node.End);
            xml.WriteEndElement();
            xml.WriteEndElement();
            return;
        }
        int cursor = node.Start;
        foreach (var child in node.Children)
        {
            WriteText(xml, text, cursor, child.Start);
            WriteNode(xml, text, child);
            cursor = child.End;
        }
        WriteText(xml, text, cursor, node.End);
        xml.WriteEndElement();
    }

    private static void WriteText(XmlWriter xml, char[] text, int start, int end)
    {
        if (end > start) xml.WriteChars(text, start, end - start);
    }

    /// <summary>Moves an offset off the middle of a surrogate pair, which no element boundary may split.</summary>
    private static int Snap(string text, int offset, bool isStart)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        if (offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]))
            return isStart ? offset - 1 : offset + 1;
        return offset;
    }

    /// <summary>The <c>xml:id</c> of each entity: its type and id as an NCName, unique in the document.</summary>
    private sealed class EntityIds
    {
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ExportEntity> _entities = new(StringComparer.Ordinal);

        public EntityIds(IReadOnlyList<ExportEntity> entities)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var kept = new List<ExportEntity>();
            foreach (var entity in entities)
            {
                if (_ids.ContainsKey(entity.Id)) continue;
                string prefix = entity.Type switch { "person" => "person", "place" => "place", "organization" => "org", "group" => "group", _ => "entity" };
                if (prefix == "entity") continue;
                string id = XmlIds.Unique($"{prefix}-{entity.Id}", taken);
                _ids[entity.Id] = id;
                _entities[entity.Id] = entity;
                kept.Add(entity);
            }
            Entities = kept;
        }

        /// <summary>The entities listed in the header, in layer order.</summary>
        public IReadOnlyList<ExportEntity> Entities { get; }

        public string? IdOf(string entityId) => _ids.GetValueOrDefault(entityId);

        public ExportEntity? Find(string entityId) => _entities.GetValueOrDefault(entityId);

        private readonly Dictionary<(string Role, string Name), Voice> _voices = [];

        /// <summary>The voices of turns with a <c>speaker_role</c>, one per role and speaker words, in text order.</summary>
        public List<Voice> Voices { get; } = [];

        public void AddVoices(IReadOnlyList<ExportTurn> turns)
        {
            var taken = new HashSet<string>(_ids.Values, StringComparer.Ordinal);
            foreach (var turn in turns)
            {
                if (turn.SpeakerRole is not { Length: > 0 } role) continue;
                var key = KeyOf(turn, role);
                if (_voices.ContainsKey(key)) continue;
                string name = turn.SpeakerText is { Length: > 0 } said ? said.Trim() : role;
                var voice = new Voice(XmlIds.Unique($"voice-{role}-{Voices.Count + 1}", taken), role, name, turn.Speakers);
                _voices[key] = voice;
                Voices.Add(voice);
            }
        }

        public Voice? VoiceOf(ExportTurn turn) => turn.SpeakerRole is { Length: > 0 } role ? _voices.GetValueOrDefault(KeyOf(turn, role)) : null;

        private static (string, string) KeyOf(ExportTurn turn, string role) =>
            (role, (turn.SpeakerText ?? "").Trim().ToLowerInvariant() + "\u0001" + string.Join(' ', turn.Speakers));
    }

    private sealed record Voice(string Id, string Role, string Name, IReadOnlyList<string> Sides);
}
