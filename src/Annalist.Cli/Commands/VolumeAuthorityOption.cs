using Annalist.Formats.Tei;
using Annalist.Store.Ingest;

namespace Annalist.Cli.Commands;

/// <summary>
/// The <c>--no-volume-authority</c> option of <c>analyze</c>, <c>ingest</c> and <c>export</c>: by default the documents of a
/// TEI volume with a persons list link their people to it; with the option they do not. A <c>--authority</c> list wins
/// over a volume's list either way (the pipeline's own list is used for every document).
/// </summary>
internal static class VolumeAuthorityOption
{
    public const string Help = "Do not link the people of a TEI volume's documents to the volume's persons list (linked by default; --authority FILE.csv replaces that list); see docs/layers/entities.md.";

    /// <summary><paramref name="readers"/> themselves, or with the TEI volume reader told to leave the persons list off the documents.</summary>
    public static IReadOnlyList<ICollectionReader> Apply(IReadOnlyList<ICollectionReader> readers, bool noVolumeAuthority) =>
        !noVolumeAuthority ? readers
        : [.. readers.Select(r => r is TeiVolumeCollectionReader ? new TeiVolumeCollectionReader(new TeiReaderOptions { PersonsAsAuthority = false }) : r)];
}
