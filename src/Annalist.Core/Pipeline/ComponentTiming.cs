namespace Annalist.Core.Pipeline;

/// <summary>The time one component spent on one document.</summary>
public readonly record struct ComponentTiming(ComponentId Component, TimeSpan Elapsed);
