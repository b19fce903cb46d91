using Annalist.Core.Annotations;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Formats.Export;
using Annalist.Formats.Json;
using Annalist.Formats.Rendering;

namespace Annalist.Formats.Tests.Export;

public class ExportDocumentTests
{
    private const string Text = "On May 2, 1950 the Minister Arlen Voss told Dr. Ida Kemp: \"The border stays closed.\"\n\nKemp replied that she would tell Paris.";

    [Fact]
    public void A_stored_document_reads_as_its_analysis()
    {
        var analyzed = DefaultPipeline.Create().Analyze(new SourceDocument("memo.txt", Text));
        var fresh = ExportDocument.FromAnalysis(analyzed, "memo-key");

        // Rows as the store keeps them: the fields the JSON writer renders, aligned layers folded into their host.
        var fields = new FieldsJsonWriter();
        var layers = new List<ExportSourceLayer>();
        var rows = new List<ExportSourceAnnotation>();
        foreach (var rendered in LayerOrder.For(analyzed))
        {
            layers.Add(new ExportSourceLayer(rendered.Name, rendered.Layer.Producer.ToString(), rendered.Layer.AlignedTo));
            foreach (var aligned in rendered.Aligned) layers.Add(new ExportSourceLayer(aligned.Name, aligned.Producer.ToString(), aligned.AlignedTo));
            for (int i = rendered.Layer.Count - 1; i >= 0; i--) // reversed: the model sorts
                rows.Add(new ExportSourceAnnotation(rendered.Name, rendered.Layer.GetSpan(i), fields.Render(rendered, i, Text)));
        }
        var stored = ExportDocument.FromStored("memo-key", "memo.txt", Text, analyzed.Source.Metadata, analyzed.Source.Sha256, analyzed.PipelineVersion, layers, rows, analyzed.Diagnostics);

        Assert.Equal(fresh.Layers.Select(layer => layer.Name), stored.Layers.Select(layer => layer.Name));
        foreach (var layer in fresh.Layers)
        {
            var other = stored.GetLayer(layer.Name)!;
            Assert.Equal(layer.Aligned.Select(a => a.Name), other.Aligned.Select(a => a.Name));
            Assert.Equal(layer.Items.Select(item => (item.Span, item.Fields.GetRawText())), other.Items.Select(item => (item.Span, item.Fields.GetRawText())));
        }
        Assert.Contains(fresh.Layers, layer => layer.Name == LayerNames.Tokens && layer.Aligned.Any(aligned => aligned.Name == LayerNames.PartsOfSpeech));
    }

    [Fact]
    public void Rows_that_cannot_be_read_are_left_out_with_a_diagnostic()
    {
        var document = ExportFixtures.Stored("Some text here.",
            ("mentions", 0, 4, """{"type":"person","entity":"some"}"""),
            ("mentions", 5, 9, "not json"),
            ("mentions", 5, 9, "[1, 2]"),
            ("mentions", 10, 99, """{"type":"place"}"""));

        Assert.Single(document.Items("mentions"));
        Assert.Equal(2, document.Diagnostics.Count(d => d.Code == ErrorCatalogue.StoredFieldsUnreadable.Code));
        Assert.Contains(document.Diagnostics, d => d.Code == ErrorCatalogue.AnnotationOutsideText.Code && d.Message.Contains("10-99", StringComparison.Ordinal));
    }

    [Fact]
    public void Typed_readers_never_throw_on_mistyped_fields()
    {
        var document = ExportFixtures.Stored("Abc def ghi",
            ("entities", 0, 3, """{"id":"abc","type":"person","name":7,"aliases":"Abc","roles":null,"mentions":[[0,3],{"start":4,"end":7},"x",[9]]}"""),
            ("turns", 4, 7, """{"speakers":[1,"abc"],"cue":{"start":"0"},"mode":true}"""),
            ("entities", 8, 11, """{"type":"place"}"""));

        var entity = Assert.Single(ExportLayers.Entities(document));
        Assert.Equal("7", entity.Name);
        Assert.Equal(["Abc"], entity.Aliases);
        Assert.Empty(entity.Roles);
        Assert.Equal([new TextSpan(0, 3), new TextSpan(4, 7)], entity.Mentions);
        var turn = Assert.Single(ExportLayers.Turns(document));
        Assert.Equal(["1", "abc"], turn.Speakers);
        Assert.Null(turn.Cue);
        Assert.Equal("true", turn.Mode);
    }
}
