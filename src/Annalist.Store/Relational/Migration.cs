namespace Annalist.Store.Relational;

/// <summary>One step of a store's schema, applied once, in its own transaction, in version order.</summary>
public sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements);
