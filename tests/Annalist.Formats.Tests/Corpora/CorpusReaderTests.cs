using Annalist.Core.Entities;
using Annalist.Core.Entities.Tagging;
using Annalist.Formats.Corpora;

namespace Annalist.Formats.Tests.Corpora;

public sealed class CorpusReaderTests
{
    private static string Row(int id, string form, string upos, string misc) => $"{id}\t{form}\t_\t{upos}\t_\t_\t0\t_\t_\t{misc}";

    [Fact]
    public void Gum_reader_keeps_proper_name_mentions_outermost_and_drops_determiners_and_common_nouns()
    {
        string conllu = string.Join('\n',
            "# newdoc id = GUM_test_one",
            Row(1, "The", "DET", "Entity=(1-organization-new-x-x-x-x-Royal_Society"),
            Row(2, "Royal", "PROPN", "_"),
            Row(3, "Society", "PROPN", "Entity=1)"),
            Row(4, "hired", "VERB", "_"),
            Row(5, "Ada", "PROPN", "Entity=(2-person-new-x-x-x-x"),
            Row(6, "Lind", "PROPN", "Entity=2)"),
            Row(7, "in", "ADP", "_"),
            Row(8, "Leeds", "PROPN", "Entity=(3-place-new-x-x-x-x-Leeds)"),
            Row(9, "with", "ADP", "_"),
            Row(10, "the", "DET", "Entity=(4-person-new-x-x-x-x"),
            Row(11, "clerk", "NOUN", "Entity=4)"),
            "");
        var document = Assert.Single(GumEntityReader.Read(new StringReader(conllu), "fallback"));
        Assert.Equal("GUM_test_one", document.Name);
        Assert.Equal(
            [new CorpusMention(0, 1, 3, EntityType.Organization), new CorpusMention(0, 4, 6, EntityType.Person), new CorpusMention(0, 7, 8, EntityType.Place)],
            document.Mentions.OrderBy(m => m.First));
        Assert.Equal("PROPN", document.PartsOfSpeech![0][4]);
    }

    [Fact]
    public void Gum_split_lists_are_read_by_section()
    {
        var split = GumEntityReader.ReadSplit(new StringReader("## dev\n\n  * GUM_a\n  * GUM_b\n\n## test\n\n  * GUM_c\n"), "dev");
        Assert.Equal(["GUM_a", "GUM_b"], split.Order());
    }

    [Fact]
    public void Hipe_reader_maps_coarse_types_and_leaves_others_unscored()
    {
        string tsv = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n"
                     + "# hipe2022:document_id = doc-1\n"
                     + "Lord\tB-pers\t_\t_\t_\t_\t_\t_\t_\t_\n"
                     + "Elm\tI-pers\t_\t_\t_\t_\t_\t_\t_\t_\n"
                     + "sailed\tO\t_\t_\t_\t_\t_\t_\t_\t_\n"
                     + "on\tO\t_\t_\t_\t_\t_\t_\t_\t_\n"
                     + "Tuesday\tB-time\t_\t_\t_\t_\t_\t_\t_\tNoSpaceAfter\n"
                     + ".\tO\t_\t_\t_\t_\t_\t_\t_\tEndOfSentence\n"
                     + "Calais\tB-loc\t_\t_\t_\t_\t_\t_\t_\t_\n";
        var document = Assert.Single(HipeReader.Read(new StringReader(tsv)));
        Assert.Equal(2, document.Sentences.Count);
        Assert.Equal([new CorpusMention(0, 0, 2, EntityType.Person), new CorpusMention(0, 4, 5, null), new CorpusMention(1, 0, 1, EntityType.Place)], document.Mentions);
    }

    [Fact]
    public void LitBank_reader_keeps_proper_mentions_and_the_held_out_tenth_is_the_last_documents()
    {
        string folder = Directory.CreateTempSubdirectory("litbank").FullName;
        try
        {
            string text = "Mr. Quill went to Harwick Hall .\nThe old man rode to Dunstan .\n";
            File.WriteAllText(Path.Combine(folder, "1_a.txt"), text);
            File.WriteAllText(Path.Combine(folder, "1_a.ann"),
                "T1\tPROP_PER 0 9\tMr. Quill\nT2\tPROP_FAC 18 30\tHarwick Hall\nT3\tNOM_PER 33 44\tThe old man\nT4\tPROP_GPE 53 60\tDunstan\n");
            var training = LitBankReader.Read(Path.Combine(folder, "1_a.ann"), coarse: false);
            Assert.Equal([new CorpusMention(0, 0, 2, EntityType.Person), new CorpusMention(0, 4, 6, EntityType.Place), new CorpusMention(1, 5, 6, EntityType.Place)], training.Mentions);
            var scoring = LitBankReader.Read(Path.Combine(folder, "1_a.ann"), coarse: true);
            Assert.Null(scoring.Mentions[1].Type);

            var paths = Enumerable.Range(10, 20).Select(i => $"{i}_x.ann").ToList();
            Assert.Equal(paths[^2..], LitBankReader.HeldOut(paths));
            Assert.DoesNotContain(paths[^1], LitBankReader.Training(paths));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Frus_reader_marks_persons_of_linked_documents_and_leaves_notes_out()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
                <div type="document" xml:id="d1"><head>Memorandum</head>
                <p>The <persName corresp="#p_A1">Secretary Marlow</persName> met <persName>Okonjo</persName> in Rome.<note>Footnote about Vance.</note> They spoke.</p>
                <p>No names here.</p>
                </div></body></text></TEI>
                """);
            var document = Assert.Single(FrusPersonReader.Read(path));
            Assert.True(document.Partial);
            Assert.DoesNotContain(document.Sentences.SelectMany(s => s), w => w == "Vance");
            var words = document.Sentences.SelectMany(s => s).ToList();
            Assert.Equal(2, document.Mentions.Count);
            var training = document.ToTrainingDocument(new HashSet<string> { "the", "they" });
            int rome = words.IndexOf("Rome");
            Assert.Equal(NerLabel.AllLabels, training.Allowed![rome]);
            Assert.Equal(1 << NerLabel.Outside, training.Allowed[words.IndexOf("met")]);
            Assert.Equal(1 << NerLabel.Outside, training.Allowed[words.IndexOf("They")]);
            Assert.Equal(1 << NerLabel.Begin(EntityType.Person), training.Allowed[words.IndexOf("Okonjo")]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Scoring_counts_exact_spans_and_skips_unscored_kinds()
    {
        var document = new CorpusDocument("d", [["The", "Duke", "met", "Ada", "Lind", "on", "the", "Nimbus", "."]], null,
            [new CorpusMention(0, 3, 5, EntityType.Person), new CorpusMention(0, 6, 8, null), new CorpusMention(0, 1, 2, EntityType.Person)]);
        var score = NerScorer.Score(document, (_, _) => [(3, 5, EntityType.Person), (7, 8, EntityType.Place), (0, 2, EntityType.Person)]);
        Assert.Equal(new NerScore(2, 2, 2), score);
        var wrongType = NerScorer.Score(document, (_, _) => [(3, 5, EntityType.Place)]);
        Assert.Equal(new NerScore(0, 1, 2), wrongType);
        Assert.Equal(0, wrongType.F1);
    }

    [Fact]
    public void Scoring_counts_a_people_as_persons_only_where_asked_and_never_a_modifying_people_word()
    {
        // "the Veltrans" names a people (a person mention by LitBank's rule); "Veltran ships" only modifies.
        var document = new CorpusDocument("d", [["The", "Veltrans", "sailed", "in", "Veltran", "ships", "."]], null,
            [new CorpusMention(0, 0, 2, EntityType.Person)]);
        (int, int, EntityType)[] found = [(1, 2, EntityType.Group), (4, 5, EntityType.Group)];
        Assert.Equal(new NerScore(0, 0, 1), NerScorer.Score(document, (_, _) => found));
        Assert.Equal(new NerScore(1, 1, 1), NerScorer.Score(document, (_, _) => found, groupsArePersons: true));
    }

    [Fact]
    public void The_errors_list_names_the_step_that_found_each_mention_when_given_a_source_log()
    {
        var document = new CorpusDocument("d", [["The", "Serbs", "met", "Colonel", "Dahl", "."]], null, [new CorpusMention(0, 3, 5, EntityType.Person)]);
        var recognizer = new EntityRecognizer(null, Annalist.Core.Entities.EntityModels.Gazetteer);
        var sources = new NerScorer.SourceLog();
        var errors = new StringWriter();
        var score = NerScorer.Score(document, NerScorer.Recognizer(recognizer, sources), errors, groupsArePersons: true, sources);
        Assert.Equal(new NerScore(1, 2, 1), score);
        Assert.Contains("  + Person Serbs  [groups]", errors.ToString());
        Assert.Contains("  = Person Colonel Dahl  [titles]", errors.ToString());
        var plain = new StringWriter();
        NerScorer.Score(document, NerScorer.Recognizer(recognizer), plain, groupsArePersons: true);
        Assert.Equal("  + Person Serbs", plain.ToString().TrimEnd());
    }

    [Fact]
    public void Person_coverage_counts_gold_persons_inside_system_persons_without_their_titles()
    {
        var document = new CorpusDocument("d", [["Secretary", "Vale", "met", "Ada", "Lind", "."]], null,
            [new CorpusMention(0, 0, 2, EntityType.Person), new CorpusMention(0, 3, 5, EntityType.Person)], Partial: true);
        Assert.Equal((1, 2), NerScorer.PersonCoverage(document, (_, _) => [(1, 2, EntityType.Person), (3, 4, EntityType.Person)]));
        Assert.Equal((0, 2), NerScorer.PersonCoverage(document, (_, _) => [(1, 2, EntityType.Place)]));
    }
}
