namespace Annalist.Formats.Tests.Export;

/// <summary>Short records written for the export tests, each aimed at something a writer can get wrong.</summary>
internal static class TrickyTexts
{
    public static IReadOnlyList<(string Name, string Text)> All { get; } =
    [
        ("participants-and-turns",
            "MEMORANDUM OF CONVERSATION\n\nWashington, March 9, 1951\n\nParticipants:\nThe Secretary of State\nAmbassador Hendrik Valdemar, Embassy of Norland\nMr. Oskar Brandt, Department of State\n\n"
            + "The Ambassador said that his Government was worried about the grain shipments. The Secretary replied: \"We will look into it [by next week].\"\n\n"
            + "Ambassador Valdemar asked whether the ships could sail before April 2. The Secretary said he could not promise that."),
        ("quotation-over-paragraphs",
            "On the 3rd of May 1920 General Ortiz told the council: \"The road to Sabará is closed. We have no trucks.\n\n"
            + "We have no fuel either, and the rains begin in June.\" Colonel Abreu, from the side: \"That is not so.\"\n\n"
            + "Abreu: \"I said it is not so and I will say it again"),
        ("markup-characters",
            "Notes on the <draft> & the \"final\" text, 5 > 3 and ]]> too.\r\nA line with a bell\u0007 and a vertical tab\u000B, and a lone \uD800 surrogate.\r\n\r\n"
            + "An emoji 🎉 stays whole; so does 𝔄 in Minister 𝔄rnold's name; U+FFFF\uFFFF is refused.\r\n"),
        ("editorial-marks",
            "The delegaton [sic] reached Tiflis [now Tbilisi] on [June 4, 1921] … and then [two words illegible] went on.\n\n"
            + "[The Minister said:] \"The treaty [of 1918] is void [sic, also 'null'].\" [...]\n\n"
            + "Mr. Kerr [Kerr is here meant: the Ambassador] left at 11 p.m. and returned at 2 o'clock in the morning."),
        ("dates",
            "In 44 BC, in spring 1944, in the 1930s and around 1950 things changed. The talks lasted three days and met every Monday.\n\n"
            + "On 25 October (7 November) 1917 and on February 30, 1944 nothing was signed; on 1944-02-23 at 23:00 a dinner began and ended at 3 o'clock the next morning.\n\n"
            + "Early 1944, the summer of 1939, the 19th century and the day before yesterday all appear."),
        ("script-form",
            "Present: Dr. Ruth Lamb; Mr. Ivo Petrov (interpreter)\n\nQ: When did you arrive?\nA: On Tuesday.\nLAMB: And you left on the 14th?\nPETROV: Yes, on the 14th of the same month."),
        ("empty", ""),
        ("blank", "  \n\n \t\n"),
        ("one-word", "Kowalczyk"),
    ];
}
