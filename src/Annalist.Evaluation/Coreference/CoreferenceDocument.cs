using System.Collections.Immutable;
using Annalist.Core.Coreference;

namespace Annalist.Evaluation.Coreference;

/// <summary>A document with gold coreference: its text and every annotated mention (names, noun phrases, pronouns) with its cluster.</summary>
public sealed record CoreferenceDocument(string Name, string Text, ImmutableArray<CoreferenceGoldMention> Mentions);
