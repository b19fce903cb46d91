using Annalist.Core.Discourse;

namespace Annalist.Core.Tests.Discourse;

public sealed class RecordNamesTests
{
    private static string? Slice(string text, Annalist.Core.Text.TextSpan? span) => span is { } s ? text[s.Start..s.End] : null;

    [Theory]
    [InlineData("TRANSCRIPT OF A NEWS CONFERENCE HELD BY FOREIGN MINISTER TARO VEDSKI, LUND, MAY 3\n\nQ. Is it true?", "TARO VEDSKI")]
    [InlineData("Interview with General Omsk at the Ministry\n\nQ. When?", "Omsk")]
    [InlineData("Press conference of the Minister of Mines Ada Brell, June 2\n\nQ. When?", "Ada Brell")]
    [InlineData("Press conference of the Secretary of State, June 2\n\nQ. When?", null)]
    [InlineData("Report of a conference of Foreign Ministers held in Lund\n\nThe ministers met.", null)]
    [InlineData("A letter from the Embassy\n\nThe Ambassador wrote that he would come.", null)]
    public void Answerer_is_the_name_after_an_office(string text, string? expected) =>
        Assert.Equal(expected, Slice(text, RecordNames.AnswererName(text)));

    [Theory]
    [InlineData("TELEGRAM FROM THE EMBASSY IN LUND\n\nMINISTER SAID HE WOULD COME.\n\nVEDSKI\n", "VEDSKI")]
    [InlineData("41. Telegram From the Legation in Orsk\n\nThe Minister said he would come.\n\nAda Brell", "Ada Brell")]
    [InlineData("Telegram From the Legation in Orsk\n\nThe Minister said he would come.\n\nHe left at noon.", null)]
    [InlineData("Memorandum of Conversation\n\nThe Minister said he would come.\n\nBrell", null)]
    [InlineData("Telegram From the Legation in Orsk\n\nThe Minister said he would come.\nBrell", null)]
    public void Signer_is_a_telegrams_last_line_when_a_name_alone(string text, string? expected) =>
        Assert.Equal(expected, Slice(text, RecordNames.TelegramSigner(text)));
    [Theory]
    [InlineData("PRESS CONFERENCE, MAY 3\n\nMINISTER TARO VEDSKI: Good morning.\n\nQ: Is it true?\n\nMR. ORLO: Thank you.", "TARO VEDSKI|ORLO")]
    [InlineData("Hearing\n\nSenator Brell: When?\n\nGeneral Omsk: In May.", "Brell|Omsk")]
    [InlineData("PRESS CONFERENCE\n\nTHE SECRETARY OF STATE: Good morning.\n\nQ: Is it true?", "")]
    [InlineData("A note\n\nMINISTER VEDSKI: Good morning.", "")]
    [InlineData("Memorandum\n\nSUBJECT: Fisheries\n\nDATE: May 3\n\nThe Minister said: we will come.", "")]
    [InlineData("Notes\n\nBrell said: we will come.\n\nOmsk replied: in May.", "")]
    public void Script_speakers_are_the_names_in_titled_labels_of_a_script(string text, string expected) =>
        Assert.Equal(expected, string.Join("|", RecordNames.ScriptSpeakers(text).Select(s => text[s.Start..s.End])));
}
