using Annalist.Core.Annotations;
using Annalist.Core.Entities.Authorities;
using Annalist.Core.Entities.Clustering;
using Annalist.Core.Errors;
using Annalist.Core.Entities.Gazetteers;
using Annalist.Core.Entities.Tagging;
using Annalist.Core.Pipeline;
using Annalist.Core.Segmentation;
using Annalist.Core.Text;
using Annalist.Core.Time;
using Annalist.Core.Tokens;

namespace Annalist.Core.Entities;

/// <summary>
/// Produces the <c>mentions</c> and <c>entities</c> layers from <c>tokens</c> and <c>sentences</c>,
/// reading part-of-speech tags from a <c>pos</c> layer when one is present. Uses the shipped tagger
/// model and gazetteer unless given others. Given an <see cref="AuthorityList"/>, links person entities to
/// its entries (<see cref="AuthorityLinker"/>), reading the document's year from its metadata or else from the
/// first dated <c>timexes</c> expression. Thread-safe.
/// </summary>
public sealed class EntityAnnotator : Annotator
{
    /// <summary>The optional layer of part-of-speech tags aligned to tokens (field <c>pos</c>).</summary>
    public const string PartOfSpeechLayer = "pos";

    private static readonly ComponentId Component = new("ner.perceptron", 8);
    private readonly EntityRecognizer _recognizer;
    private readonly AuthorityLinker? _authority;

    /// <summary>An annotator with the model and gazetteer shipped in Annalist.Core.</summary>
    public EntityAnnotator() : this(EntityModels.TaggerModel, EntityModels.Gazetteer)
    {
    }

    /// <summary>An annotator with the shipped model and gazetteer that links people to <paramref name="authority"/>.</summary>
    public EntityAnnotator(AuthorityList? authority) : this(EntityModels.TaggerModel, EntityModels.Gazetteer, authority)
    {
    }

    /// <param name="model">The tagger model; null finds only the names the rules find (peoples, role nouns).</param>
    /// <param name="gazetteer">Place names and demonyms used as features and as evidence.</param>
    /// <param name="authority">Known people that person entities are linked to; null links nothing.</param>
    public EntityAnnotator(PerceptronModel? model, Gazetteer gazetteer, AuthorityList? authority = null)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _recognizer = new EntityRecognizer(model is null ? null : new MentionTagger(model, gazetteer), gazetteer);
        _authority = authority is null ? null : new AuthorityLinker(authority);
        OptionalRequires = authority is null ? [LayerNames.PartsOfSpeech] : [LayerNames.PartsOfSpeech, LayerNames.Timexes];
    }

    private EntityAnnotator(EntityRecognizer recognizer, AuthorityList? authority)
    {
        _recognizer = recognizer;
        _authority = authority is null ? null : new AuthorityLinker(authority);
        OptionalRequires = authority is null ? [LayerNames.PartsOfSpeech] : [LayerNames.PartsOfSpeech, LayerNames.Timexes];
    }

    /// <summary>The authority list people are linked to, or null.</summary>
    public AuthorityList? Authority => _authority?.List;

    /// <summary>This annotator's model and gazetteer, linking people to <paramref name="authority"/> (null: to nothing).</summary>
    public EntityAnnotator WithAuthority(AuthorityList? authority) => new(_recognizer, authority);

    public override ComponentId Id => Component;

    public override IReadOnlyList<string> Requires { get; } = [LayerNames.Tokens, LayerNames.Sentences];

    /// <summary>Part-of-speech tags sharpen the demonym rule when a tagger runs; with an authority list, dates weigh namesakes.</summary>
    public override IReadOnlyList<string> OptionalRequires { get; }

    public override IReadOnlyList<string> Produces { get; } = [LayerNames.Mentions, LayerNames.Entities];

    public override AnnotatorResult Annotate(AnalysisState state, CancellationToken cancellationToken)
    {
        var input = BuildInput(state);
        var result = _recognizer.Recognize(input, ListedPeople(state, input.Text));
        var diagnostics = new List<Diagnostic>();
        if (!_recognizer.HasTagger) diagnostics.Add(Diagnostic.From(ErrorCatalogue.TaggerModelMissing, null, Component.ToString()));
        diagnostics.AddRange(Annalist.Core.Text.Casing.Truecaser.ViewOf(state).Diagnostics(Component.ToString()));
        var entities = result.Entities;
        // The pipeline's own list wins over one the document comes with (a TEI volume's persons list).
        var authority = _authority ?? (state.Document.Metadata.Authority is { } list ? AuthorityLinker.For(list) : null);
        if (authority is not null) entities = authority.Link(entities, state.Text, DocumentYear(state), diagnostics, Component.ToString());
        return new AnnotatorResult(
        [
            new Layer<Mention>(LayerNames.Mentions, Component, result.Mentions),
            new Layer<Entity>(LayerNames.Entities, Component, entities),
        ], diagnostics.Count == 0 ? null : diagnostics);
    }

    /// <summary>
    /// The names a participants block lists, a transcript's heading names as the answerer and a telegram signs with
    /// (read by the discourse component's readers of those forms, with no entities yet): the document's own word that they are people.
    /// </summary>
    private static List<ListedPerson> ListedPeople(AnalysisState state, string text)
    {
        var tokens = state.Get<Token>(LayerNames.Tokens).Items.ToArray();
        var listed = Annalist.Core.Discourse.ParticipantFinder.ListedPeople(text, tokens).Select(p => new ListedPerson(p.Name)).ToList();
        if (Annalist.Core.Discourse.RecordNames.AnswererName(text) is { } answerer) listed.Add(new ListedPerson(answerer, ByForm: true));
        if (Annalist.Core.Discourse.RecordNames.TelegramSigner(text) is { } signer) listed.Add(new ListedPerson(signer, ByForm: true));
        foreach (var speaker in Annalist.Core.Discourse.RecordNames.ScriptSpeakers(text)) listed.Add(new ListedPerson(speaker, ByForm: true));
        return listed;
    }

    /// <summary>The year of the document's own date, else of its first expression with a year; null when neither says.</summary>
    private static int? DocumentYear(AnalysisState state)
    {
        if (AuthorityLinker.YearOf(state.Document.Metadata.Date) is { } year) return year;
        if (!state.TryGet<Timex>(LayerNames.Timexes, out var timexes)) return null;
        foreach (var timex in timexes.Items)
        {
            if (!timex.Editorial && timex.Value.Type == TimexType.Date && timex.Value.Year is { } found) return found;
        }
        return null;
    }

    /// <summary>
    /// The tagger's view of the tokens: a possessive ending inside a word token (<c>Stalin’s</c>) becomes
    /// a token of its own, as in the training corpora.
    /// </summary>
    private static TaggingInput BuildInput(AnalysisState state)
    {
        string text = Annalist.Core.Text.Casing.Truecaser.ViewOf(state).Text;
        var tokens = state.Get<Token>(LayerNames.Tokens);
        var sentences = state.Get<Sentence>(LayerNames.Sentences);
        string?[]? tags = null;
        if (state.Layers.TryGetValue(PartOfSpeechLayer, out var posLayer) && posLayer.AlignedTo == LayerNames.Tokens && posLayer.Count == tokens.Count)
        {
            tags = new string?[tokens.Count];
            for (int i = 0; i < tags.Length; i++) tags[i] = FieldCapture.Read(posLayer.GetAnnotation(i), "pos");
        }
        return BuildInput(text, tokens.Items.AsSpan(), sentences.Items.Select(s => s.Span).ToArray(), tags);
    }

    /// <summary>
    /// The tagger's view of <paramref name="tokens"/> of <paramref name="text"/> within <paramref name="sentences"/>
    /// (sorted spans), with optional part-of-speech tags aligned to the tokens.
    /// </summary>
    public static TaggingInput BuildInput(string text, ReadOnlySpan<Token> tokens, TextSpan[] sentences, string?[]? tags = null)
    {
        var spans = new List<TextSpan>(tokens.Length + 8);
        var starts = new List<bool>(tokens.Length + 8);
        var outTags = tags is null ? null : new List<string?>(tokens.Length + 8);
        int sentence = 0;
        int lastSentence = -1;
        for (int i = 0; i < tokens.Length; i++)
        {
            var span = tokens[i].Span;
            while (sentence < sentences.Length && sentences[sentence].End <= span.Start) sentence++;
            bool start = spans.Count == 0 || (sentence < sentences.Length && sentence != lastSentence && sentences[sentence].Contains(span.Start));
            if (sentence < sentences.Length && sentences[sentence].Contains(span.Start)) lastSentence = sentence;
            var word = span.Slice(text);
            if (tokens[i].Kind == TokenKind.Word && word.Length > 2 && (word.EndsWith("’s", StringComparison.Ordinal) || word.EndsWith("'s", StringComparison.Ordinal)))
            {
                spans.Add(new TextSpan(span.Start, span.End - 2));
                starts.Add(start);
                outTags?.Add(tags![i]);
                spans.Add(new TextSpan(span.End - 2, span.End));
                starts.Add(false);
                outTags?.Add("PART");
                continue;
            }
            spans.Add(span);
            starts.Add(start);
            outTags?.Add(tags![i]);
        }
        return new TaggingInput(text, [.. spans], [.. starts], outTags?.ToArray());
    }
}
