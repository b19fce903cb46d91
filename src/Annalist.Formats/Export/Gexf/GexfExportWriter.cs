using System.Globalization;
using System.Text;
using System.Xml;
using Annalist.Core.Annotations;
using Annalist.Formats.Export.Network;

namespace Annalist.Formats.Export.Gexf;

/// <summary>
/// Writes the <see cref="PersonNetwork"/> of the exported documents as one GEXF 1.3 file (<c>network.gexf</c>) for
/// Gephi: a dynamic, undirected graph with dates as <c>yyyy-MM-dd</c>; nodes are people with their roles,
/// mention and document counts; edges are weighted by co-participation, with the first and last day known.
/// </summary>
public sealed class GexfExportWriter(string folder, string fileName = GexfExportWriter.DefaultFileName) : ICorpusExportWriter
{
    public const string Namespace = "http://gexf.net/1.3";
    public const string DefaultFileName = "network.gexf";

    private readonly PersonNetwork _network = new();
    private bool _completed;

    public string Format => "gexf";

    public PersonNetwork Network => _network;

    public IReadOnlyList<Diagnostic> Add(ExportDocument document)
    {
        _network.Add(document);
        return [];
    }

    public IReadOnlyList<string> Complete()
    {
        if (_completed) return [];
        _completed = true;
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, fileName);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(_network, stream);
        return [path];
    }

    /// <summary>Writes <paramref name="network"/> to <paramref name="output"/> (left open).</summary>
    public static void Write(PersonNetwork network, Stream output)
    {
        ArgumentNullException.ThrowIfNull(network);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            CloseOutput = false,
        };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", Namespace);
        xml.WriteElementString("creator", Namespace, "Annalist");
        xml.WriteElementString("description", Namespace, "People of the exported records; edges count meetings they shared and exchanges of speech between them.");
        xml.WriteEndElement();

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("mode", "dynamic");
        xml.WriteAttributeString("defaultedgetype", "undirected");
        xml.WriteAttributeString("timeformat", "date");
        xml.WriteAttributeString("timerepresentation", "interval");

        Attributes(xml, "node", ("roles", "liststring"), ("mentions", "integer"), ("documents", "integer"));
        Attributes(xml, "edge", ("meetings", "integer"), ("exchanges", "integer"), ("documents", "integer"));

        xml.WriteStartElement("nodes", Namespace);
        xml.WriteAttributeString("count", network.Nodes.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var node in network.Nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node.Id);
            xml.WriteAttributeString("label", Token(node.Label));
            Interval(xml, node.Start, node.End);
            xml.WriteStartElement("attvalues", Namespace);
            Value(xml, "0", ListString(node.Roles));
            Value(xml, "1", node.Mentions.ToString(CultureInfo.InvariantCulture));
            Value(xml, "2", node.Documents.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("edges", Namespace);
        xml.WriteAttributeString("count", network.Edges.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var edge in network.Edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", edge.Id);
            xml.WriteAttributeString("source", edge.Source.Id);
            xml.WriteAttributeString("target", edge.Target.Id);
            xml.WriteAttributeString("weight", edge.Weight.ToString(CultureInfo.InvariantCulture));
            Interval(xml, edge.Start, edge.End);
            xml.WriteStartElement("attvalues", Namespace);
            Value(xml, "0", edge.Meetings.ToString(CultureInfo.InvariantCulture));
            Value(xml, "1", edge.Exchanges.ToString(CultureInfo.InvariantCulture));
            Value(xml, "2", edge.Documents.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    public void Dispose()
    {
    }

    private static void Attributes(XmlWriter xml, string kind, params (string Title, string Type)[] attributes)
    {
        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", kind);
        xml.WriteAttributeString("mode", "static");
        for (int i = 0; i < attributes.Length; i++)
        {
            xml.WriteStartElement("attribute", Namespace);
            xml.WriteAttributeString("id", i.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("title", attributes[i].Title);
            xml.WriteAttributeString("type", attributes[i].Type);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Value(XmlWriter xml, string id, string value)
    {
        xml.WriteStartElement("attvalue", Namespace);
        xml.WriteAttributeString("for", id);
        xml.WriteAttributeString("value", XmlCharacters.Clean(value));
        xml.WriteEndElement();
    }

    private static void Interval(XmlWriter xml, DateOnly? start, DateOnly? end)
    {
        if (start is { } s) xml.WriteAttributeString("start", DateRange.Format(s));
        if (end is { } e) xml.WriteAttributeString("end", DateRange.Format(e));
    }

    /// <summary>GEXF 1.3 list values: <c>[a, b]</c>.</summary>
    private static string ListString(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(value => value.Replace(",", " ", StringComparison.Ordinal))) + "]";

    /// <summary>A label as an <c>xs:token</c>: no line breaks or tabs, spaces collapsed.</summary>
    private static string Token(string value) =>
        string.Join(' ', XmlCharacters.Clean(value).Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
