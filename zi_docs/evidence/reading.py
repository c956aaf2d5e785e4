"""What the stored files say: search, reindex and late OCR on a workspace's archive."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from zi_docs.errors import ZiError
from zi_docs.evidence import extract as engine
from zi_docs.evidence import indexing, narrowing
from zi_docs.evidence.archive import OCR_CACHE, Archive
from zi_docs.evidence.filters import NO_FILTERS, SearchFilters
from zi_docs.evidence.records import Progress, StoredFile
from zi_docs.evidence.search import Hit, ReindexReport, SearchIndex
from zi_docs.workspace import Workspace

OCR_BATCH = 8


@dataclass(frozen=True)
class SearchResult:
    """Hits for a query, with the stored file of each hit (None if it vanished meanwhile)."""

    query: str
    hits: tuple[tuple[Hit, StoredFile | None], ...]


def search(workspace: Workspace, text: str, filters: SearchFilters = NO_FILTERS) -> SearchResult:
    """Ranked hits; an indicator id alone lists that indicator's evidence. A missing or
    stale index is rebuilt from the database first. ``filters.untagged``: only files without
    tags; ``filters.trashed``: the files in the trash instead (matched word for word, newest
    first)."""
    with SearchSession() as session:
        return session.search(workspace, text, filters)


class SearchSession:
    """Searches of a workspace's archive that keep its index open from one search to the
    next (a server's): each search still sees the latest commit, since the index is reopened
    whenever anyone has written it or rebuilt it, and rebuilt as :func:`search` says when it
    is missing or unusable. One search at a time; close the session when done. On Windows the
    index is closed after every search, so that a rebuild by another process can replace it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None

    def search(
        self, workspace: Workspace, text: str, filters: SearchFilters = NO_FILTERS
    ) -> SearchResult:
        """As :func:`search`."""
        with self._lock, Archive.open(workspace) as archive:
            if filters.trashed:
                hits = narrowing.trash_hits(archive.db, archive.catalogue, text, filters)
                return _with_files(archive, text, hits, trashed=True)
            ix = self._open(archive)
            try:

                def ranked(count: int) -> list[Hit]:
                    return ix.search(text, filters.with_limit(count), catalogue=archive.catalogue)

                hits = (
                    narrowing.untagged_hits(ranked, filters.limit)
                    if filters.untagged
                    else ranked(filters.limit)
                )
            except ZiError:
                raise  # the query's fault (an unknown indicator): the index is fine
            except BaseException:
                self._drop()
                raise
            finally:
                ix.source = None  # the archive it would rebuild from closes now
                if os.name == "nt":
                    self._drop()
            return _with_files(archive, text, hits)

    def _open(self, archive: Archive) -> SearchIndex:
        if not indexing.index_dir(archive.root).exists():
            self._drop()
            with archive.writing():  # build it under the writer lock
                indexing.reindex(archive.root, archive.db, archive.catalogue)
        if self._index is not None and self._index.path != indexing.index_dir(archive.root):
            self._drop()  # another workspace's archive
        if self._index is None:
            self._index = indexing.open_index(archive.root, archive.db, archive.catalogue)
        self._index.source = indexing.source(archive.db, archive.catalogue)
        return self._index

    def _drop(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None

    def close(self) -> None:
        with self._lock:
            self._drop()

    def __enter__(self) -> SearchSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _with_files(
    archive: Archive, text: str, hits: list[Hit], *, trashed: bool = False
) -> SearchResult:
    shas = [h.sha256 for h in hits]
    files = {f.sha256: f for f in archive.db.files(shas=shas, only_trashed=trashed)}
    return SearchResult(text, tuple((h, files.get(h.sha256)) for h in hits))


def reindex(workspace: Workspace, *, full: bool = False) -> ReindexReport:
    """Bring the index in line with the database (incremental unless ``full``)."""
    with Archive.open(workspace) as archive, archive.writing():
        return indexing.reindex(archive.root, archive.db, archive.catalogue, full=full)


@dataclass(frozen=True)
class OcrReport:
    """Files whose text was still to be read, and what OCR made of them."""

    done: tuple[StoredFile, ...]
    still_pending: tuple[StoredFile, ...]
    notes: tuple[str, ...]


def run_ocr(workspace: Workspace, *, progress: Progress | None = None) -> OcrReport:
    """OCR every file marked ``teks belum diekstrak``; results are cached by SHA-256.

    Raises ToolMissingError (before reading anything) when Tesseract is not installed.
    """
    with Archive.open(workspace) as archive:
        pending = [f for f in archive.db.files() if f.text_status == engine.STATUS_PENDING]
        done: list[str] = []
        notes: list[str] = []
        batch: list[tuple[str, engine.Extraction]] = []
        results = engine.ocr_pending(pending, archive.root / OCR_CACHE)
        for count, (sha, extraction) in enumerate(results, 1):
            batch.append((sha, extraction))
            notes.extend(n for n in extraction.notes if n not in notes)
            if len(batch) >= OCR_BATCH or count == len(pending):
                done.extend(_commit(archive, batch))
                batch = []
            if progress is not None:
                progress(count, len(pending))
        after = {f.sha256: f for f in archive.db.files(shas=[f.sha256 for f in pending])}
        return OcrReport(
            tuple(after[s] for s in done if s in after),
            tuple(f for f in after.values() if f.text_status == engine.STATUS_PENDING),
            tuple(notes),
        )


def _commit(archive: Archive, batch: list[tuple[str, engine.Extraction]]) -> list[str]:
    changed = []
    with archive.writing():
        with archive.db.transaction() as tx:
            for sha, extraction in batch:
                if extraction.status == engine.STATUS_PENDING:
                    continue
                tx.set_text(sha, extraction.text, extraction.status, extraction.page_count)
                tx.take_tags_by_number(sha, extraction.text, tx.tags_of(sha))
                tx.bump(sha)
                tx.log(
                    "ocr",
                    sha,
                    f"teks dibaca dengan OCR: {len(extraction.text)} "
                    f"karakter, status {extraction.status}",
                )
                changed.append(sha)
        archive.commit_index()
    return changed
