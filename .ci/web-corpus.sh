#!/usr/bin/env bash
# Builds the store the reader's corpus browser tests measure: the six FRUS volumes of ../shared/corpora/frus
# plus the seed record, ingested with the Debug build `dotnet test` made (so run it after the tests built).
# Usage: bash .ci/web-corpus.sh STORE   (an SQLite file, replaced if present, or a postgres:// address)
# Then: ANNALIST_WEB_MEASURE_DB=STORE dotnet test tests/Annalist.Web.Tests --filter "FullyQualifiedName~CorpusPages|FullyQualifiedName~Longest"
# Reads ../shared from ANNALIST_SHARED when set. Prints how long the ingest took on standard error.
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:?usage: bash .ci/web-corpus.sh STORE}
shared=${ANNALIST_SHARED:-../shared}
for needed in "$shared/corpora/frus" "$shared/seed"; do
  [ -d "$needed" ] || { echo "web-corpus.sh: $needed is absent" >&2; exit 1; }
done
case "$store" in
  postgres://*|postgresql://*) ;;
  *) rm -f "$store" "$store-wal" "$store-shm"; mkdir -p "$(dirname "$store")" ;;
esac
started=$(date +%s)
dotnet run --project src/Annalist.Cli --no-build -- ingest "$shared/corpora/frus" "$shared/seed" --db "$store" >&2
echo "web-corpus.sh: ingested $shared/corpora/frus and $shared/seed into $store in $(( $(date +%s) - started )) s" >&2
