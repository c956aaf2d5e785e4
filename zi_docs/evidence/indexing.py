"""The one place the archive calls the search index (derived data, rebuilt from the database).

The index holds one entry per file that is not in the trash, stamped with the file's
database revision, so that ``verify`` can tell missing and stale entries apart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zi_docs.catalogue import Catalogue
from zi_docs.evidence.db import ArchiveDb
from zi_docs.evidence.records import Progress, StoredFile

if TYPE_CHECKING:
    from zi_docs.evidence.search import IndexDoc, ReindexReport, SearchIndex

log = logging.getLogger(__name__)

INDEX_DIR = "index"


@dataclass(frozen=True)
class IndexState:
    """What the index holds: file id -> database revision it was built from."""

    stamps: dict[str, int]
    usable: bool
    """False when the index is missing, of another schema version, or unreadable."""


def index_dir(archive_root: Path) -> Path:
    return archive_root / INDEX_DIR


def _index(archive_root: Path, **options: Any) -> SearchIndex:
    """The search facade over the archive's index, imported on first use: ``check`` and
    ``export`` open the archive but never search, and the engine is a tenth of their start."""
    from zi_docs.evidence.search import SearchIndex

    return SearchIndex(index_dir(archive_root), **options)


def to_doc(stored: StoredFile, text: str, catalogue: Catalogue) -> IndexDoc:
    """The index entry of a stored file."""
    from zi_docs.evidence.search import IndexDoc

    nodes = [catalogue.by_id[t.indicator] for t in stored.tags if t.indicator in catalogue.by_id]
    return IndexDoc(
        sha256=stored.sha256,
        title=stored.title,
        text=text,
        indicators=stored.indicators,
        areas=tuple(sorted({n.area for n in nodes if n.area})),
        parts=tuple(sorted({n.part for n in nodes if n.part})),
        year=stored.doc_date.year if stored.doc_date else None,
        type=stored.kind,
        date=stored.doc_date,
        stamp=str(stored.revision),
    )


TEXT_BATCH = 500
"""Texts read per query while the index is built (one query per file cost a tenth of it)."""


def _docs(db: ArchiveDb, catalogue: Catalogue, shas: list[str] | None = None) -> Iterator[IndexDoc]:
    files = db.files(shas=shas)
    for start in range(0, len(files), TEXT_BATCH):
        batch = files[start : start + TEXT_BATCH]
        texts = db.texts([f.sha256 for f in batch])
        for stored in batch:
            yield to_doc(stored, texts.get(stored.sha256, ""), catalogue)


def open_index(archive_root: Path, db: ArchiveDb, catalogue: Catalogue) -> SearchIndex:
    """The index, able to rebuild itself from the database when missing or stale."""
    return _index(archive_root, source=source(db, catalogue))


def source(db: ArchiveDb, catalogue: Catalogue) -> Callable[[], Iterator[IndexDoc]]:
    """What the index is rebuilt from: every file of ``db`` not in the trash."""
    return lambda: _docs(db, catalogue)


def sync(
    archive_root: Path,
    db: ArchiveDb,
    catalogue: Catalogue,
    shas: Iterable[str],
    progress: Progress | None = None,
) -> None:
    """Bring the index entries of ``shas`` in line with the database."""
    wanted = sorted(set(shas))
    if not wanted:
        return
    live = {f.sha256 for f in db.files(shas=wanted)}
    with open_index(archive_root, db, catalogue) as ix:
        if ix.state() != "ok":  # missing or stale: one rebuild from the database covers all
            ix.ensure()
            return
        if live:
            ix.update(_docs(db, catalogue, sorted(live)))
        gone = [s for s in wanted if s not in live]
        if gone:
            ix.delete(gone)
    if progress is not None:
        progress(len(wanted), len(wanted))


def index_stream(
    archive_root: Path, db: ArchiveDb, catalogue: Catalogue, docs: Iterable[IndexDoc]
) -> int:
    """Write entries as ``docs`` yields them, in one commit at the end (cancelled if the
    producer fails). A missing or stale index is rebuilt from the database first."""
    with open_index(archive_root, db, catalogue) as ix:
        return ix.update(docs)


def state(archive_root: Path) -> IndexState:
    """The index's stamps, for ``verify``."""
    found = _index(archive_root).doc_stamps()
    if found is None:
        return IndexState({}, usable=False)
    stamps = {sha: int(stamp) if stamp.isdigit() else -1 for sha, stamp in found.items()}
    return IndexState(stamps, usable=True)


def entry_count(archive_root: Path) -> int | None:
    """How many entries the index holds (None when it is unusable), for ``verify --cepat``."""
    if not index_dir(archive_root).is_dir():
        return None  # no index at all: unusable, known without the engine
    return _index(archive_root).doc_count()


def reindex(
    archive_root: Path, db: ArchiveDb, catalogue: Catalogue, *, full: bool = False
) -> ReindexReport:
    """Make the index hold exactly the database's files (incremental unless ``full``)."""
    with open_index(archive_root, db, catalogue) as ix:
        return ix.reindex(_docs(db, catalogue), incremental=not full)
