using Annalist.Core.Entities.Tagging;
using Annalist.Core.Errors;
using Annalist.Core.Pipeline;
using Annalist.Core.Text;
using Annalist.Core.Text.Casing;

namespace Annalist.Core.Tests.Text.Casing;

public sealed class TruecaserTests
{
    // Invented sentences: the counts the model learns from.
    private static readonly TruecaseModel Model = Build(
    [
        ["Then", "the", "minister", "met", "Ambassador", "Orlovsky", "in", "Vienna", "."],
        ["Later", "the", "minister", "told", "Orlovsky", "about", "the", "McAllister", "report", "."],
        ["We", "saw", "the", "USSR", "delegation", "and", "the", "minister", "."],
        ["Note", ":", "Vienna", "was", "cold", "."],
        ["They", "came", "from", "Vienna", "today", "."],
        ["IN", "CAPITALS", "THE", "MINISTER", "SAID", "NOTHING", "."],
    ], ["Lower Vardenfeld"]);

    private static TruecaseModel Build(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<string> names)
    {
        var stream = new MemoryStream();
        TruecaseModel.CountForms(sentences, names).Write(stream);
        stream.Position = 0;
        return TruecaseModel.Read(stream);
    }

    private static TruecasedView ViewOf(string text, TruecaseModel model)
    {
        var input = PlainTextInput.From(text);
        return Truecaser.View(text, input.Tokens, input.SentenceStarts, model);
    }

    [Fact]
    public void Model_keeps_words_whose_likeliest_form_has_a_capital_and_only_those()
    {
        Assert.True(Model.TryGetForm("orlovsky", out string name));
        Assert.Equal("Orlovsky", name);
        Assert.True(Model.TryGetForm("mcallister", out string mixed));
        Assert.Equal("McAllister", mixed);
        Assert.True(Model.TryGetForm("ussr", out string capitals));
        Assert.Equal("USSR", capitals);
        Assert.True(Model.TryGetForm("minister", out string common));
        Assert.Equal("minister", common);
        // Sentence openers, words after a colon and sentences in capitals are not counted.
        Assert.False(Model.TryGetForm("then", out _));
        Assert.False(Model.TryGetForm("capitals", out _));
        Assert.True(Model.TryGetForm("vienna", out string vienna));
        Assert.Equal("Vienna", vienna);
        Assert.True(Model.TryGetForm("vardenfeld", out string place));
        Assert.Equal("Vardenfeld", place);
    }

    [Fact]
    public void A_sentence_in_capitals_is_read_in_its_likely_casing_with_the_same_length()
    {
        const string text = "THE MINISTER TOLD ORLOVSKY ABOUT THE MCALLISTER REPORT FROM VIENNA.";
        var view = ViewOf(text, Model);
        Assert.Equal("The minister told Orlovsky about the McAllister report from Vienna.", view.Text);
        Assert.Equal(text.Length, view.Text.Length);
        Assert.Equal([new TextSpan(0, text.Length)], view.Passages);
    }

    [Fact]
    public void A_word_the_model_never_saw_reads_as_a_name()
    {
        var view = ViewOf("THE MINISTER MET KRASNODUBSKY FROM VIENNA TODAY.", Model);
        Assert.Equal("The minister met Krasnodubsky from Vienna today.", view.Text);
    }

    [Fact]
    public void A_word_after_a_colon_opens_with_a_capital()
    {
        var view = ViewOf("NOTE: THE MINISTER MET ORLOVSKY TODAY.", Model);
        Assert.Equal("Note: The minister met Orlovsky today.", view.Text);
    }

    [Theory]
    [InlineData("The minister met Orlovsky in Vienna and the USSR delegation later.")]
    [InlineData("VIENNA TALKS\n\nThe minister met Orlovsky there on Monday and left at once.")]
    [InlineData("ORLOVSKY: The minister is not here today, so we shall wait.")]
    [InlineData("SECRET\n\nThe minister met Orlovsky on Monday.")]
    public void Mixed_case_text_is_left_as_it_is(string text)
    {
        var view = ViewOf(text, Model);
        Assert.Same(text, view.Text);
        Assert.Empty(view.Passages);
    }

    [Fact]
    public void Short_lines_in_capitals_are_read_truecased_when_most_of_the_text_is_in_capitals()
    {
        const string text = "VIENNA, MAY 2\n\nTHE MINISTER MET ORLOVSKY TODAY AND SAID NOTHING MORE.\n\nORLOVSKY";
        var view = ViewOf(text, Model);
        Assert.StartsWith("Vienna, May 2", view.Text, StringComparison.Ordinal);
        Assert.EndsWith("Orlovsky", view.Text, StringComparison.Ordinal);
        Assert.Equal(3, view.Passages.Count);
    }

    [Fact]
    public void Letters_whose_case_mapping_changes_length_keep_the_length()
    {
        // U+0130 lower-cases to two chars in full case mapping; the view maps char by char.
        const string text = "THE MINISTER MET \u0130STANBUL DELEGATES AND THE \uFB01 GROUP.";
        var view = ViewOf(text, Model);
        Assert.Equal(text.Length, view.Text.Length);
    }

    [Fact]
    public void The_shipped_model_loads_and_knows_common_names()
    {
        var model = TruecaseModel.Shipped;
        Assert.True(model.Count > 10_000);
        Assert.True(model.TryGetForm("london", out string london));
        Assert.Equal("London", london);
        Assert.True(model.TryGetForm("afternoon", out string afternoon));
        Assert.Equal("afternoon", afternoon);
    }

    [Fact]
    public void The_pipeline_says_which_passages_it_read_truecased_and_leaves_the_text_alone()
    {
        const string text = "THE AMBASSADOR TOLD THE FOREIGN MINISTER IN LONDON THAT HIS GOVERNMENT WOULD REPLY ON TUESDAY.";
        var document = DefaultPipeline.Create().Analyze(new SourceDocument("caps", text));
        Assert.Equal(text, document.Source.Text);
        Assert.Contains(document.Diagnostics, d => d.Code == ErrorCatalogue.TruecasedPassage.Code);
        var mixed = DefaultPipeline.Create().Analyze(new SourceDocument("mixed", "The ambassador told the minister in London that his government would reply."));
        Assert.DoesNotContain(mixed.Diagnostics, d => d.Code == ErrorCatalogue.TruecasedPassage.Code);
    }
}
