using Annalist.Core.Annotations;

namespace Annalist.Core.Errors;

/// <summary>
/// Every coded message Annalist gives a user. Codes are grouped by the hundred:
/// 1xxx input, 2xxx analysis diagnostics, 3xxx pipeline configuration, 5xxx corpus store, 7xxx web reader, 8xxx outside tools, 9xxx internal.
/// </summary>
public static class ErrorCatalogue
{
    private static readonly List<ErrorCode> All = [];

    // Input (readers, command line).
    public static readonly ErrorCode FileNotFound = Define("ANL1001", DiagnosticSeverity.Error, "File not found: {0}");
    public static readonly ErrorCode BinaryInput = Define("ANL1002", DiagnosticSeverity.Error, "{0} looks like a binary file, not text ({1}).");
    public static readonly ErrorCode InvalidEncoding = Define("ANL1003", DiagnosticSeverity.Error, "{0} is not valid {1}: undecodable bytes at byte {2}. Name its encoding with --encoding (a Latin-1 or Windows file: --encoding windows-1252), or convert it to UTF-8.");
    public static readonly ErrorCode InputTooLarge = Define("ANL1004", DiagnosticSeverity.Error, "{0} is {1:N0} bytes, more than the limit of {2:N0} bytes.");
    public static readonly ErrorCode UnreadableFile = Define("ANL1005", DiagnosticSeverity.Error, "Cannot read {0}: {1}");
    public static readonly ErrorCode UnsupportedFormat = Define("ANL1006", DiagnosticSeverity.Error, "{0}: no reader for files of this kind ({1}).");
    public static readonly ErrorCode InvalidOption = Define("ANL1007", DiagnosticSeverity.Error, "{0}");
    public static readonly ErrorCode EmptyDocument = Define("ANL1008", DiagnosticSeverity.Info, "The document is empty.");
    public static readonly ErrorCode NoInputFiles = Define("ANL1009", DiagnosticSeverity.Error, "Folder {0} holds no files to analyze (looked for {1}).");
    public static readonly ErrorCode OutputNotWritable = Define("ANL1010", DiagnosticSeverity.Error, "Cannot write {0}: {1}");
    public static readonly ErrorCode NoStoreAtPath = Define("ANL1011", DiagnosticSeverity.Error, "There is no corpus store at {0}{1}: create it with 'annalist ingest FILE…{2}', or name another with --db FILE.");
    public static readonly ErrorCode UnknownEncoding = Define("ANL1012", DiagnosticSeverity.Error, "Unknown text encoding '{0}' for --encoding: use utf-8, windows-1252 (Latin-1 text from Windows), iso-8859-1, iso-8859-15, utf-16le or another name of the platform's code pages.");
    public static readonly ErrorCode DocumentTooLong = Define("ANL1013", DiagnosticSeverity.Error, "{0} is {1:N0} characters long, over the limit of {2:N0} for one analysis, which holds the whole document in memory (about {3:N0} bytes per character). Split it into its records, one file each, or raise the limit with --max-chars (0: none).");
    public static readonly ErrorCode BrokenLink = Define("ANL1014", DiagnosticSeverity.Error, "{0} is a symbolic link to {1}, which does not exist: restore the file it points to, or remove the link.");

    // Evaluation input (gold files, scored corpora): 11xx.
    public static readonly ErrorCode MalformedGoldFile = Define("ANL1101", DiagnosticSeverity.Error, "{0} is not valid JSON (line {1}, byte {2}): {3}");
    public static readonly ErrorCode UnsupportedGoldFormat = Define("ANL1102", DiagnosticSeverity.Error, "{0}: format '{1}' is not supported; this version reads 'annalist-gold/1'.");
    public static readonly ErrorCode InvalidGoldField = Define("ANL1103", DiagnosticSeverity.Error, "{0}: {1}");
    public static readonly ErrorCode GoldTextNotFound = Define("ANL1104", DiagnosticSeverity.Error, "{0}: {1} \"{2}\" (occurrence {3}) is not in the document {4}.");
    public static readonly ErrorCode NoEvaluationInput = Define("ANL1105", DiagnosticSeverity.Error, "{0} holds no files to evaluate ({1}).");

    // Markup readers (TEI, TimeML): 12xx.
    public static readonly ErrorCode MalformedXml = Define("ANL1201", DiagnosticSeverity.Error, "{0} is not well-formed XML (line {1}, column {2}): {3}");
    public static readonly ErrorCode XmlDtdRefused = Define("ANL1202", DiagnosticSeverity.Error, "{0} declares a DTD; Annalist does not process DTDs (they can expand without bound). Remove the DOCTYPE declaration.");
    public static readonly ErrorCode XmlTooLarge = Define("ANL1203", DiagnosticSeverity.Error, "{0} has more than {1:N0} characters of XML, the limit.");
    public static readonly ErrorCode TeiDocumentNotFound = Define("ANL1204", DiagnosticSeverity.Error, "{0} has no div type='document' with xml:id '{1}'.");
    public static readonly ErrorCode NotTei = Define("ANL1205", DiagnosticSeverity.Error, "{0} is not a TEI file: its root element is <{1}>.");
    public static readonly ErrorCode TimeMlWithoutText = Define("ANL1206", DiagnosticSeverity.Error, "{0} has no <TEXT> element, so there is nothing to score.");
    public static readonly ErrorCode UnterminatedMarkup = Define("ANL1207", DiagnosticSeverity.Warning, "Markup opened at character {0} is never closed; the rest of the file is read as text.");
    public static readonly ErrorCode MalformedConllu = Define("ANL1051", DiagnosticSeverity.Warning, "{0} line {1}: {2}; the line is skipped.");
    // Authority lists (a user's CSV of people): 1052–1059.
    public static readonly ErrorCode AuthorityMissingColumn = Define("ANL1052", DiagnosticSeverity.Error, "{0} line 1: the header has no '{1}' column. An authority list needs the columns id and name; variants, description, birth, death and active are optional.");
    public static readonly ErrorCode AuthorityEncoding = Define("ANL1053", DiagnosticSeverity.Error, "{0} line {1}: bytes that are not UTF-8 (at byte {2}). Save the file as UTF-8 (or UTF-16 with a byte-order mark).");
    public static readonly ErrorCode AuthorityDuplicateId = Define("ANL1054", DiagnosticSeverity.Error, "{0} line {1}: the id '{2}' is already used on line {3}; each person needs an id of their own.");
    public static readonly ErrorCode AuthorityInvalidField = Define("ANL1055", DiagnosticSeverity.Error, "{0} line {1}: {2}");
    public static readonly ErrorCode AuthorityMalformedCsv = Define("ANL1056", DiagnosticSeverity.Error, "{0} line {1}: not valid CSV ({2}).");

    // Analysis diagnostics.
    public static readonly ErrorCode UnclosedQuotation = Define("ANL2001", DiagnosticSeverity.Warning, "A quotation opened here is never closed; it is taken to end at offset {0} ({1}).");
    public static readonly ErrorCode UnmatchedClosingQuote = Define("ANL2002", DiagnosticSeverity.Info, "A closing quotation mark here has no opening mark.");
    public static readonly ErrorCode UnclosedBracket = Define("ANL2003", DiagnosticSeverity.Warning, "An editor's bracket opened here is never closed.");

    // Tokens and segmentation (21xx).
    public static readonly ErrorCode LoneSurrogate = Define("ANL2101", DiagnosticSeverity.Warning, "The text holds {0} lone UTF-16 surrogate(s), the first here: it was probably decoded or cut badly. Each is kept as a token of kind 'other'.");
    public static readonly ErrorCode ParagraphPerLine = Define("ANL2102", DiagnosticSeverity.Info, "The text has no blank lines; each of its {0} lines is taken as a paragraph.");
    public static readonly ErrorCode HardWrappedParagraphs = Define("ANL2103", DiagnosticSeverity.Info, "The text has no blank lines but looks wrapped at about {0} characters; paragraphs are taken to end at short or indented lines.");

    // Time (24xx).
    public static readonly ErrorCode UnanchoredTimex = Define("ANL2401", DiagnosticSeverity.Info, "'{0}' is relative, but nothing before it gives the date it counts from; its value keeps X for what is missing.");
    public static readonly ErrorCode ImpossibleDate = Define("ANL2402", DiagnosticSeverity.Warning, "'{0}' names a day that does not exist on its calendar.");
    public static readonly ErrorCode UnreadableDocumentDate = Define("ANL2403", DiagnosticSeverity.Warning, "The document date '{0}' names no day; relative expressions are anchored to the narrative only.");
    // Entities (23xx).
    // Casing (a truecased view for the taggers): 22xx.
    public static readonly ErrorCode TruecasedPassage = Define("ANL2201", DiagnosticSeverity.Info, "This passage is written in capitals; the taggers read it in a truecased view (its text and offsets are unchanged).");
    public static readonly ErrorCode TaggerModelMissing = Define("ANL2301", DiagnosticSeverity.Warning, "No entity tagger model is built into this copy of Annalist; only rule-found names (peoples, role nouns) are marked. Run annalist train ner.");
    public static readonly ErrorCode AuthorityAmbiguous = Define("ANL2302", DiagnosticSeverity.Info, "'{0}' fits {1} people of the authority list equally well ({2}); it is left unlinked.");
    public static readonly ErrorCode ImpreciseNumber = Define("ANL2601", DiagnosticSeverity.Info, "'{0}' has more digits than a number keeps exactly; its value is rounded.");
    public static readonly ErrorCode InvertedQuantityRange = Define("ANL2602", DiagnosticSeverity.Info, "The range '{0}' runs from a larger number to a smaller one; it is kept as written.");
    public static readonly ErrorCode StoredDocumentWithoutEvents = Define("ANL2701", DiagnosticSeverity.Warning, "The store holds no events layer for '{0}'; ingest it again with the current pipeline to list its events.");
    // Discourse: turns and participants (25xx).
    public static readonly ErrorCode UnnamedSpeaker = Define("ANL2501", DiagnosticSeverity.Info, "A turn opens here but nothing before its cue names the speaker; its speakers are left empty.");

    // Coreference (28xx).
    public static readonly ErrorCode CoreferenceModelMissing = Define("ANL2801", DiagnosticSeverity.Info, "No coreference model is built into this copy of Annalist; pronouns take the most recent person of their gender and number. Run annalist train coref.");

    public static readonly ErrorCode ComponentFailed = Define("ANL2900", DiagnosticSeverity.Error, "Component {0} failed on this document and its layers are missing: {1}");

    // Pipeline configuration.
    public static readonly ErrorCode MissingRequirement = Define("ANL3001", DiagnosticSeverity.Error, "Component {0} requires layer '{1}', which no component produces.");
    public static readonly ErrorCode DuplicateProducer = Define("ANL3002", DiagnosticSeverity.Error, "Layer '{0}' is produced by both {1} and {2}.");
    public static readonly ErrorCode DependencyCycle = Define("ANL3003", DiagnosticSeverity.Error, "Components depend on each other in a cycle: {0}.");
    public static readonly ErrorCode UndeclaredLayer = Define("ANL3004", DiagnosticSeverity.Error, "Component {0} returned layer '{1}', which it does not declare.");
    public static readonly ErrorCode UnreadableModel = Define("ANL3051", DiagnosticSeverity.Error, "The {0} model cannot be read: {1}");

    // Corpus store (ingest, search, corrections).
    public static readonly ErrorCode StoreUnavailable = Define("ANL5001", DiagnosticSeverity.Error, "Cannot open the corpus store {0}: {1}");
    public static readonly ErrorCode StoreTooNew = Define("ANL5002", DiagnosticSeverity.Error, "The corpus store {0} has schema version {1}, newer than this Annalist understands ({2}). Upgrade Annalist.");
    public static readonly ErrorCode InvalidStoreLocation = Define("ANL5003", DiagnosticSeverity.Error, "{0} is not a store location: give a file path or a postgres://user:password@host:port/database address.");
    public static readonly ErrorCode StoreFailed = Define("ANL5004", DiagnosticSeverity.Error, "The corpus store failed: {0}");
    public static readonly ErrorCode DocumentNotSaved = Define("ANL5005", DiagnosticSeverity.Error, "{0} was analyzed but could not be saved, and nothing of it was kept: {1}");
    public static readonly ErrorCode EntityNotInStore = Define("ANL5006", DiagnosticSeverity.Error, "No corpus entity {0} is in the store.");
    public static readonly ErrorCode EntitiesAlreadyOne = Define("ANL5007", DiagnosticSeverity.Error, "{0} and {1} are already one entity ({2}).");
    public static readonly ErrorCode SplitNamesNotFound = Define("ANL5008", DiagnosticSeverity.Error, "Entity {0}: the names {1} would not split it (it is named {2}); give some of its names, not all.");
    public static readonly ErrorCode FilterEntityNotFound = Define("ANL5009", DiagnosticSeverity.Error, "No {0} named {1} is in the corpus (see 'annalist entities list --name …').");
    public static readonly ErrorCode InvalidFilterDate = Define("ANL5010", DiagnosticSeverity.Error, "{0} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.");
    public static readonly ErrorCode DocumentKeyTaken = Define("ANL5011", DiagnosticSeverity.Error, "Cannot move {0} to {1}: a document is stored under that key already.");
    public static readonly ErrorCode InvalidSearchQuery = Define("ANL5020", DiagnosticSeverity.Error, "The search query has no words to look for: {0}");
    public static readonly ErrorCode DocumentNotInStore = Define("ANL5030", DiagnosticSeverity.Error, "No document named {0} is in the store.");
    public static readonly ErrorCode CorrectionOutOfRange = Define("ANL5031", DiagnosticSeverity.Error, "The span {0}-{1} is not within {2}, which has {3} characters.");
    public static readonly ErrorCode QuoteNotFound = Define("ANL5032", DiagnosticSeverity.Error, "The text \"{0}\" does not occur in {1}.");
    public static readonly ErrorCode QuoteAmbiguous = Define("ANL5033", DiagnosticSeverity.Error, "The text \"{0}\" occurs {1} times in {2}; give --occurrence N or the offsets.");
    public static readonly ErrorCode InvalidCorrectionField = Define("ANL5034", DiagnosticSeverity.Error, "{0} is not a field assignment; write name=value.");
    public static readonly ErrorCode CorrectionNotAnchored = Define("ANL5040", DiagnosticSeverity.Warning, "Correction {0} ({1} on layer '{2}', \"{3}\") no longer matches the text and was not applied.");
    public static readonly ErrorCode CorrectionReanchored = Define("ANL5041", DiagnosticSeverity.Info, "Correction {0} was moved from {1}-{2} to {3}-{4}, where its quoted text now is.");
    public static readonly ErrorCode CorrectionTargetMissing = Define("ANL5042", DiagnosticSeverity.Info, "Correction {0} ({1} on layer '{2}', \"{3}\") found no annotation at its span to change.");

    public static readonly ErrorCode NotAWordDocument = Define("ANL5060", DiagnosticSeverity.Error, "{0} is not a Word (.docx) document that can be read: {1}");
    public static readonly ErrorCode ArchiveTooLarge = Define("ANL5061", DiagnosticSeverity.Error, "{0} would unpack to more than {1:N0} bytes ({2}); it is refused as a possible zip bomb.");
    public static readonly ErrorCode NotAPdfDocument = Define("ANL5062", DiagnosticSeverity.Error, "{0} is not a PDF that can be read: {1}");
    public static readonly ErrorCode PdfWithoutText = Define("ANL5063", DiagnosticSeverity.Error, "{0} has no text layer (page images only, {1:N0} page(s): a scan): OCR it first, then ingest the result.");
    public static readonly ErrorCode PdfEncrypted = Define("ANL5064", DiagnosticSeverity.Error, "{0} is encrypted; save an unprotected copy first.");

    // Exports (annalist export): 5100–5149.
    public static readonly ErrorCode UnknownExportFormat = Define("ANL5100", DiagnosticSeverity.Error, "Unknown export format '{0}': use tei, json, csv, gexf, webanno (Web Annotation JSON-LD) or webanno-tsv.");
    public static readonly ErrorCode NothingToExport = Define("ANL5101", DiagnosticSeverity.Error, "The corpus store {0} holds no documents to export; ingest some first, or name files to export.");
    public static readonly ErrorCode ExportWriteFailed = Define("ANL5102", DiagnosticSeverity.Error, "Cannot write the {0} export {1}: {2}");
    public static readonly ErrorCode XmlForbiddenCharacters = Define("ANL5103", DiagnosticSeverity.Warning, "The text holds {0} character(s) that XML 1.0 forbids, the first U+{1:X4} at offset {2}; each is written as U+FFFD in the export, keeping every offset.");
    public static readonly ErrorCode StoredFieldsUnreadable = Define("ANL5104", DiagnosticSeverity.Warning, "A stored annotation of layer '{0}' at {1}-{2} has fields that are not a JSON object; it is left out of the export.");
    public static readonly ErrorCode AnnotationOutsideText = Define("ANL5105", DiagnosticSeverity.Warning, "An annotation of layer '{0}' at {1}-{2} lies outside the text ({3} characters); it is left out of the export.");
    public static readonly ErrorCode ExportDocumentFailed = Define("ANL5106", DiagnosticSeverity.Error, "{0} could not be exported: {1}");
    public static readonly ErrorCode LoneSurrogatesReplaced = Define("ANL5107", DiagnosticSeverity.Warning, "The text holds {0} lone surrogate(s), the first at offset {1}; UTF-8 cannot hold them, so each is written as U+FFFD in the export, keeping every offset.");
    // Web reader (annalist serve): 70xx, answered as problem+json.
    public static readonly ErrorCode WebNotFound = Define("ANL7001", DiagnosticSeverity.Error, "No {0} '{1}' in the corpus.");
    public static readonly ErrorCode WebInvalidParameter = Define("ANL7002", DiagnosticSeverity.Error, "Parameter '{0}': {1}");
    public static readonly ErrorCode WebTokenMissing = Define("ANL7010", DiagnosticSeverity.Error, "This request changes the corpus: send the write token printed by 'annalist serve' in the {0} header.");
    public static readonly ErrorCode WebTokenInvalid = Define("ANL7011", DiagnosticSeverity.Error, "The write token is not the one this server was started with.");
    public static readonly ErrorCode WebAntiforgeryFailed = Define("ANL7012", DiagnosticSeverity.Error, "The anti-forgery token is missing or invalid: load the page again (GET /api/antiforgery) and retry.");
    public static readonly ErrorCode WebCrossOrigin = Define("ANL7013", DiagnosticSeverity.Error, "A write from origin '{0}' is refused: only pages of this server may change the corpus.");
    public static readonly ErrorCode WebRequestTooLarge = Define("ANL7020", DiagnosticSeverity.Error, "The request body is larger than the limit of {0:N0} bytes.");
    public static readonly ErrorCode WebTimeout = Define("ANL7021", DiagnosticSeverity.Error, "The request took longer than {0} seconds and was stopped.");
    public static readonly ErrorCode WebInvalidCorrection = Define("ANL7030", DiagnosticSeverity.Error, "The correction cannot be made: {0}");
    public static readonly ErrorCode WebInvalidJson = Define("ANL7031", DiagnosticSeverity.Error, "The request body is not the JSON expected: {0}");
    public static readonly ErrorCode WebStoreFailed = Define("ANL7090", DiagnosticSeverity.Error, "The store could not answer: {0}");
    public static readonly ErrorCode WebClientAssetsMissing = Define("ANL7091", DiagnosticSeverity.Warning, "The reader's pages were not built into this program (npm was not available at build time); only the API is served.");

    // Tools outside the process (benchmark peers): 8xxx.
    public static readonly ErrorCode PeerFailed = Define("ANL8001", DiagnosticSeverity.Error, "Peer tool {0} failed: {1}");

    // Internal.
    public static readonly ErrorCode Internal = Define("ANL9001", DiagnosticSeverity.Error, "Internal error: {0}");

    /// <summary>The whole catalogue, in code order.</summary>
    public static IReadOnlyList<ErrorCode> Codes => All;

    private static ErrorCode Define(string code, DiagnosticSeverity severity, string template)
    {
        var entry = new ErrorCode(code, severity, template);
        All.Add(entry);
        return entry;
    }
}
