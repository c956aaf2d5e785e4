"""Full-text search over the archive: the only package that imports the engine (tantivy).

The index is derived data kept in ``archive/index/``: stamped with the schema version, the
stemmer version and a digest of the word lists, and rebuilt from the archive database when it
is missing, stale or unreadable. Writes happen under a lock, one commit per batch; a failed batch
is cancelled and its error raised, so the index holds either the old state or the new one.

Callers use this facade only (the backend can change behind it)::

    with SearchIndex(archive_root / "index", source=all_docs) as ix:
        hits = ix.search("pengaduan", SearchFilters(area="PP"), catalogue=catalogue)
"""

from zi_docs.evidence.search._index import IndexUnusableError, ReindexReport, SearchIndex
from zi_docs.evidence.search._leftovers import remove_stale_deletes
from zi_docs.evidence.search._query import Hit
from zi_docs.evidence.search._schema import (
    SCHEMA_VERSION,
    STOP_WORDS,
    IndexDoc,
    analyze,
    index_stamp,
)
from zi_docs.evidence.search._snippet import MARK_END, MARK_START

__all__ = [
    "MARK_END",
    "MARK_START",
    "SCHEMA_VERSION",
    "STOP_WORDS",
    "Hit",
    "IndexDoc",
    "IndexUnusableError",
    "ReindexReport",
    "SearchIndex",
    "analyze",
    "index_stamp",
    "remove_stale_deletes",
]
