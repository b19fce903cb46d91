using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Formats.Export;
using Annalist.Formats.Export.Gexf;
using Annalist.Formats.Export.Network;
using Annalist.Tests;
using static Annalist.Formats.Tests.Export.ExportFixtures;

namespace Annalist.Formats.Tests.Export.Gexf;

public class GexfExportWriterTests
{
    private const string Meeting =
        "Memorandum of Conversation\n\nGeneva, July 18, 1955\n\nParticipants:\nMr. Anton Weller, Foreign Office\nMrs. Clara Oduya, Ministry of Finance\nDr. Paul Strand\n\n"
        + "Mr. Weller said: \"We should sign.\" Mrs. Oduya replied: \"Not before the vote.\" Dr. Strand said: \"Then we wait.\"";

    private static XDocument Export(params ExportDocument[] documents)
    {
        var network = new PersonNetwork();
        foreach (var document in documents) network.Add(document);
        using var buffer = new MemoryStream();
        GexfExportWriter.Write(network, buffer);
        buffer.Position = 0;
        return XDocument.Load(buffer);
    }

    [SharedFact]
    public void A_network_of_analyzed_records_validates_against_the_GEXF_1_3_schema()
    {
        var pipeline = DefaultPipeline.Create();
        var documents = new[] { Meeting, "Paris, 3 March 1950\n\nMr. Weller met with Dr. Strand & the \"committee\" <of three>." }
            .Select((text, i) => ExportDocument.FromAnalysis(pipeline.Analyze(new SourceDocument($"r{i}.txt", text, new DocumentMetadata { Date = i == 0 ? "1955-07-18" : null }))))
            .ToArray();
        var xml = Export(documents);

        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(GexfExportWriter.Namespace, SharedData.PathTo("schemas", "gexf-1.3", "gexf.xsd"));
        var errors = new List<string>();
        xml.Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));

        Assert.Empty(errors);
        Assert.True(xml.Descendants(XName.Get("edge", GexfExportWriter.Namespace)).Count() >= 2, xml.ToString());
    }

    [Fact]
    public void Participants_and_exchanges_of_turns_weigh_edges_dated_by_the_document()
    {
        const string text = "A B C";
        var document = ExportDocument.FromStored("k", "k.txt", text, new DocumentMetadata { Date = "1955-07-18" }, "0", "p",
            new[] { "entities", "participants", "turns" }.Select(name => new ExportSourceLayer(name, name, null)),
            [
                new("entities", new TextSpan(0, 1), Fields(new { id = "a", type = "person", name = "Anna  Weller" })),
                new("entities", new TextSpan(2, 3), Fields(new { id = "b", type = "person", name = "Bo Lind" })),
                new("entities", new TextSpan(4, 5), Fields(new { id = "c", type = "person", name = "Cy Moss" })),
                new("participants", new TextSpan(0, 1), Fields(new { entity = "a" })),
                new("participants", new TextSpan(2, 3), Fields(new { entity = "b" })),
                new("turns", new TextSpan(0, 1), Fields(new { speakers = new[] { "a" } })),
                new("turns", new TextSpan(2, 3), Fields(new { speakers = new[] { "b" } })),
                new("turns", new TextSpan(4, 5), Fields(new { speakers = new[] { "c" }, addressees = new[] { "a" } })),
            ], []);
        var other = Stored("Anna Weller", ("entities", 0, 11, Fields(new { id = "x", type = "person", name = "anna weller" })));
        var network = new PersonNetwork();
        network.Add(document);
        network.Add(other);

        Assert.Equal(3, network.Nodes.Count);
        Assert.Equal(2, network.Nodes.Single(node => node.Key == "anna weller").Documents.Count);
        var ab = network.Edges.Single(edge => edge.Source.Label == "Anna  Weller" && edge.Target.Label == "Bo Lind");
        Assert.Equal(2, ab.Weight); // one meeting (participants), one exchange (a then b)
        Assert.Equal(1, ab.Meetings);
        Assert.Equal(new DateOnly(1955, 7, 18), ab.Start);
        var ac = network.Edges.Single(edge => edge.Target.Label == "Cy Moss" && edge.Source.Label.StartsWith('A'));
        Assert.Equal(1, ac.Exchanges); // c spoke to a; the exchange b → c is its own edge
        Assert.Contains(network.Edges, edge => edge.Source.Label == "Bo Lind" && edge.Target.Label == "Cy Moss");
    }
}
