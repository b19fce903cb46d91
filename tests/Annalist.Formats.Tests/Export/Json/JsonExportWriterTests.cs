using System.Text;
using System.Text.Json;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Formats.Export;
using Annalist.Formats.Export.Json;
using Annalist.Formats.Json;

namespace Annalist.Formats.Tests.Export.Json;

public class JsonExportWriterTests
{
    [Fact]
    public void Writes_what_the_analysis_writer_writes()
    {
        const string text = "Vienna, 12 April 1955\n\nThe Chancellor said: \"We accept [the terms].\" The envoy answered that his Government agreed …";
        var analyzed = DefaultPipeline.Create().Analyze(new SourceDocument("note.txt", text, new DocumentMetadata { Title = "A note", Date = "1955-04-12" }));

        using var expected = JsonDocument.Parse(AnalysisJsonWriter.ToJson(analyzed));
        using var buffer = new MemoryStream();
        new JsonExportWriter().Write(ExportDocument.FromAnalysis(analyzed), buffer);
        using var actual = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));

        Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement),
            "the export JSON differs from the analysis JSON");
    }
}
