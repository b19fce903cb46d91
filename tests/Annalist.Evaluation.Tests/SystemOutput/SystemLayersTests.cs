using System.Collections.Immutable;
using Annalist.Core.Annotations;
using Annalist.Core.Editorial;
using Annalist.Core.Pipeline;
using Annalist.Core.Quotations;
using Annalist.Core.Text;
using Annalist.Evaluation.SystemOutput;

namespace Annalist.Evaluation.Tests.SystemOutput;

public class SystemLayersTests
{
    private const string Text = "He wrote [sic] and \"left\".";

    private static AnalyzedDocument Analyzed()
    {
        var producer = new ComponentId("test", 1);
        var editorial = new Layer<EditorialMark>(LayerNames.Editorial, producer, [new EditorialMark(new TextSpan(9, 14), EditorialKind.Note, new TextSpan(10, 13))]);
        var quotations = new Layer<Quotation>(LayerNames.Quotations, producer, [new Quotation(new TextSpan(19, 25), new TextSpan(20, 24), true, 0, '"')]);
        var layers = ImmutableDictionary<string, Layer>.Empty.Add(editorial.Name, editorial).Add(quotations.Name, quotations);
        return new AnalyzedDocument(new SourceDocument("t", Text), layers, [], [], "v");
    }

    [Fact]
    public void Reads_every_layer_through_its_written_fields()
    {
        var system = SystemLayers.From(Analyzed());

        var mark = Assert.Single(system.Get(LayerNames.Editorial));
        Assert.Equal("[sic]", mark.Text);
        Assert.Equal("note", mark.Fields.String("kind"));
        Assert.Equal("sic", mark.Fields.Span("content")!.Text);
        var quotation = Assert.Single(system.Get(LayerNames.Quotations));
        Assert.Equal(true, quotation.Fields.Boolean("closed"));
        Assert.Equal(0, quotation.Fields.Number("depth"));
        Assert.False(system.Has(LayerNames.Timexes));
        Assert.Empty(system.Get(LayerNames.Timexes));
    }

    [Fact]
    public void Nested_objects_and_lists_keep_their_shape()
    {
        var bag = FieldBag.Of(
            ("roles", FieldBag.Of(("host", ImmutableArray.Create("a", "b")))),
            ("items", ImmutableArray.Create(FieldBag.Of(("item", "rifles"), ("quantity", 400)))),
            ("speakers", "solo"));

        Assert.Equal(["a", "b"], bag.Bag("roles")!.Strings("host"));
        Assert.Equal(400, bag.Bags("items")[0].Number("quantity"));
        Assert.Equal(["solo"], bag.Strings("speakers"));
        Assert.Empty(bag.Strings("missing"));
        Assert.Null(bag.Bag("speakers"));
    }
}
