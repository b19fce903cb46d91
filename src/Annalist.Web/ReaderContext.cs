using Annalist.Web.Assets;
using Annalist.Web.Corpus;

namespace Annalist.Web;

/// <summary>What the endpoints share: the store connections, the corpus index, the pages and the write token.</summary>
public sealed record ReaderContext(StorePool Stores, CorpusIndex Index, EmbeddedAssets Assets, string WriteToken, string StoreDescription);
