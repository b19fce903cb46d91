using Annalist.Core.Annotations;

namespace Annalist.Core.Pipeline;

/// <summary>
/// What a pipeline is about to do: run component <see cref="Index"/> (from 1) of <see cref="Count"/> on a document,
/// reported so that a long analysis can show where it is.
/// </summary>
public readonly record struct AnalysisStep(string DocumentName, int DocumentLength, ComponentId Component, int Index, int Count);
