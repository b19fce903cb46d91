namespace Annalist.Core.Annotations;

/// <summary>The names of the layers the pipeline knows; outside tools rely on them.</summary>
public static class LayerNames
{
    public const string Paragraphs = "paragraphs";
    public const string Sentences = "sentences";
    public const string Tokens = "tokens";
    public const string PartsOfSpeech = "pos";
    public const string Editorial = "editorial";
    public const string Quotations = "quotations";
    public const string Dependencies = "dependencies";
    public const string Mentions = "mentions";
    public const string Entities = "entities";
    public const string Timexes = "timexes";
    public const string Turns = "turns";
    public const string Participants = "participants";
    public const string Quantities = "quantities";
    public const string Events = "events";
    public const string Attributions = "attributions";
    public const string Coreference = "coreference";
}
