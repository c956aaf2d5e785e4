"""The index folder: state, rebuild, incremental writes under a lock, and the searcher.

The engine is tantivy (Rust; the index is memory-mapped, so a new process opens it in
milliseconds). The stamps of the entries live beside it in ``ZI_STAMPS`` (:mod:`._stamps`).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy

from zi_docs.catalogue import Catalogue
from zi_docs.errors import BusyError, ZiError
from zi_docs.evidence.filters import NO_FILTERS, SearchFilters
from zi_docs.evidence.lock import ArchiveLock
from zi_docs.evidence.search import _stamps
from zi_docs.evidence.search._query import Hit, run_query
from zi_docs.evidence.search._readonly import open_index
from zi_docs.evidence.search._schema import (
    STAMP_FILE,
    IndexDoc,
    index_stamp,
    make_schema,
    to_document,
)

log = logging.getLogger(__name__)

WRITER_HEAP = 128_000_000
"""Bytes the engine's writer buffers before it writes a segment."""


@dataclass(frozen=True)
class ReindexReport:
    """What a reindex did."""

    rebuilt: bool
    reason: str | None
    """Why it was rebuilt from scratch: ``missing``, ``stale``, ``corrupt`` or ``full``."""
    added: int
    updated: int
    removed: int
    unchanged: int

    @property
    def reason_text(self) -> str:
        """The reason as users read it, in Indonesian."""
        return _REASONS.get(self.reason or "", self.reason or "")


class IndexUnusableError(ZiError):
    """The index is missing, stale or unreadable and no source to rebuild it was given."""


class SearchIndex:
    """The index folder and its writer lock. Close it (or use ``with``) when done."""

    def __init__(
        self,
        path: Path,
        *,
        source: Callable[[], Iterable[IndexDoc]] | None = None,
        wait: float = 5.0,
    ) -> None:
        self.path = path
        self.source = source
        """Every file that belongs in the index; used to rebuild it when unusable."""
        self.wait = wait
        self.lock = ArchiveLock(path.with_name(path.name + ".lock"), wait=wait)
        self._ix: Any = None
        self._searcher: Any = None
        self._opened: tuple[int, int, int] = (-1, -1, -1)

    # ---- state ----------------------------------------------------------------------
    def state(self) -> str:
        """``ok``, ``missing``, ``stale`` (other schema version) or ``corrupt``."""
        if not (self.path / _stamps.META_FILE).is_file():
            return "missing"
        stamp = self.path / STAMP_FILE
        if not stamp.is_file() or stamp.read_text(encoding="utf-8") != index_stamp():
            return "stale"
        try:
            _probe(self.path)
        except BaseException as exc:  # whatever cannot be read is rebuilt, never trusted
            if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            log.warning("indeks pencarian %s tidak terbaca (%r); dibangun ulang", self.path, exc)
            return "corrupt"
        return "ok"

    def ensure(self) -> str | None:
        """Rebuild from :attr:`source` when unusable; returns the reason, or None if it was fine."""
        reason = self.state()
        if reason == "ok":
            return None
        if self.source is None:
            raise IndexUnusableError(
                f"indeks pencarian di {self.path} {_REASONS[reason]}",
                hint="bangun ulang dengan: zi-docs archive reindex",
            )
        self.rebuild(self.source(), reason=reason)
        return reason

    def doc_stamps(self) -> dict[str, str] | None:
        """sha256 -> stamp of every entry, for ``verify`` (None when the index is unusable)."""
        return self._read_stamps() if self.state() == "ok" else None

    def _read_stamps(self) -> dict[str, str]:
        """From ``ZI_STAMPS``; from the stored entries when it does not match the commit."""
        found = _stamps.read(self.path)
        if found is not None:
            return found
        log.info("stempel indeks %s dibaca dari entrinya (ZI_STAMPS usang)", self.path)
        ix = open_index(self.path)
        searcher = ix.searcher()
        hits = searcher.search(tantivy.Query.all_query(), max(1, searcher.num_docs)).hits
        stamps = {}
        for _, address in hits:
            stored = searcher.doc(address)
            stamps[str(stored.get_first("sha256"))] = str(stored.get_first("stamp") or "")
        return stamps

    def doc_count(self) -> int | None:
        """Number of entries, for ``verify --cepat`` (None when the index is unusable)."""
        if self.state() != "ok":
            return None
        return int(open_index(self.path).searcher().num_docs)

    # ---- writes ---------------------------------------------------------------------
    def rebuild(self, docs: Iterable[IndexDoc], *, reason: str = "full") -> int:
        """A new index from ``docs``, built beside the old one and swapped in when complete."""
        with self._locked():
            self._drop_searcher()
            parent, name = self.path.parent, self.path.name
            parent.mkdir(parents=True, exist_ok=True)
            for leftover in [*parent.glob(f".{name}.new-*"), *parent.glob(f".{name}.old-*")]:
                shutil.rmtree(leftover, ignore_errors=True)
            fresh = parent / f".{name}.new-{os.getpid()}"
            fresh.mkdir()
            stamps: dict[str, str] = {}
            try:
                ix = tantivy.Index(make_schema(), str(fresh), reuse=False)
                with _committing(ix) as commit:
                    for doc in docs:
                        commit.writer.add_document(to_document(doc))
                        stamps[doc.sha256] = doc.stamp
                _stamps.write(fresh, commit.opstamp, stamps)
                (fresh / STAMP_FILE).write_text(index_stamp(), encoding="utf-8")
                del ix, commit
                old = parent / f".{name}.old-{os.getpid()}"
                if self.path.exists():
                    os.replace(self.path, old)
                os.replace(fresh, self.path)
                shutil.rmtree(old, ignore_errors=True)
            except BaseException:
                shutil.rmtree(fresh, ignore_errors=True)
                raise
        log.info("indeks pencarian dibangun ulang (%s): %d berkas", reason, len(stamps))
        return len(stamps)

    def update(self, docs: Iterable[IndexDoc]) -> int:
        """Add or replace entries in one commit; returns how many were written."""
        count = 0
        with self._locked(), self._open_writer() as (writer, stamps):
            for doc in docs:
                _replace(writer, doc)
                stamps[doc.sha256] = doc.stamp
                count += 1
        return count

    def delete(self, shas: Iterable[str]) -> int:
        """Remove entries in one commit; returns how many there were."""
        removed = 0
        with self._locked(), self._open_writer() as (writer, stamps):
            for sha in shas:
                if stamps.pop(sha, None) is not None:
                    writer.delete_documents_by_term("sha256", sha)
                    removed += 1
        return removed

    def reindex(self, docs: Iterable[IndexDoc], *, incremental: bool = True) -> ReindexReport:
        """Make the index hold exactly ``docs`` (every file not in the trash).

        Incremental: entries whose stamp is unchanged are kept, others written, extra ones
        removed, in one commit. A missing, stale or corrupt index (or ``incremental=False``)
        is rebuilt from scratch.
        """
        with self._locked():
            reason = self.state() if incremental else "full"
            if reason != "ok":
                count = self.rebuild(docs, reason=reason)
                return ReindexReport(True, reason, count, 0, 0, 0)
            added = updated = unchanged = 0
            seen: set[str] = set()
            with self._open_writer(checked=True) as (writer, stamps):
                known = dict(stamps)
                for doc in docs:
                    seen.add(doc.sha256)
                    if known.get(doc.sha256) == doc.stamp:
                        unchanged += 1
                        continue
                    _replace(writer, doc)
                    stamps[doc.sha256] = doc.stamp
                    added, updated = (
                        (added + 1, updated) if doc.sha256 not in known else (added, updated + 1)
                    )
                extra = sorted(set(known) - seen)
                for sha in extra:
                    writer.delete_documents_by_term("sha256", sha)
                    del stamps[sha]
            return ReindexReport(False, None, added, updated, len(extra), unchanged)

    # ---- reads ----------------------------------------------------------------------
    def search(
        self,
        text: str,
        filters: SearchFilters = NO_FILTERS,
        *,
        catalogue: Catalogue | None = None,
    ) -> list[Hit]:
        """Ranked hits for ``text`` (phrases in double quotes), narrowed by the filters'
        indicator, area, year and kind, at most ``filters.limit``.

        An indicator id or alias alone (``P.MP.i.a``) lists that indicator's evidence; with a
        ``catalogue`` aliases are resolved and unknown ids or areas raise NotFoundError.
        The index is rebuilt from :attr:`source` first when it is missing, stale or corrupt.
        """
        return run_query(self._current_searcher, text, filters, catalogue)

    def close(self) -> None:
        self._drop_searcher()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- internals ------------------------------------------------------------------
    def _current_searcher(self) -> tuple[Any, Any]:
        """(schema, searcher) on the latest commit (reopened after any write or rebuild)."""
        if self._searcher is not None and self._opened != self._version():
            self._drop_searcher()
        if self._searcher is None:
            self.ensure()
            self._opened = self._version()
            self._ix = open_index(self.path)
            self._searcher = self._ix.searcher()
        return self._ix.schema, self._searcher

    def _version(self) -> tuple[int, int, int]:
        """(folder inode, meta.json mtime and size): change on every commit and rebuild."""
        try:
            meta = (self.path / _stamps.META_FILE).stat()
            return self.path.stat().st_ino, meta.st_mtime_ns, meta.st_size
        except FileNotFoundError:
            return -1, -1, -1

    def _drop_searcher(self) -> None:
        self._searcher = None
        self._ix = None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with self.lock:
            yield

    @contextmanager
    def _open_writer(self, *, checked: bool = False) -> Iterator[tuple[Any, dict[str, str]]]:
        """A writer and the entries' stamps, to change together: the stamps are written
        beside the index after the commit. ``checked``: the caller has just seen the index
        usable (skip probing it again)."""
        if not checked:
            self.ensure()
        stamps = self._read_stamps()
        ix = tantivy.Index.open(str(self.path))
        with _committing(ix) as commit:
            yield commit.writer, stamps
        _stamps.write(self.path, commit.opstamp, stamps)


_REASONS = {
    "full": "diminta dibangun penuh",
    "missing": "belum ada",
    "stale": "dibuat oleh versi zi-docs lain",
    "corrupt": "rusak atau tidak terbaca",
}


def _replace(writer: Any, doc: IndexDoc) -> None:
    writer.delete_documents_by_term("sha256", doc.sha256)
    writer.add_document(to_document(doc))


class _Commit:
    def __init__(self, writer: Any) -> None:
        self.writer = writer
        self.opstamp = -1
        """The engine's number of the commit, once made."""


@contextmanager
def _committing(ix: Any) -> Iterator[_Commit]:
    """A writer that commits only if the block finishes; otherwise it is rolled back.
    Damaged-index errors surface as the engine's exceptions (Rust panics derive from
    BaseException)."""
    try:
        writer = ix.writer(WRITER_HEAP, min(4, os.cpu_count() or 1))
    except ValueError as exc:
        raise BusyError(
            "indeks pencarian sedang ditulis oleh proses lain",
            hint="tunggu sampai proses itu selesai lalu ulangi perintah ini",
        ) from exc
    commit = _Commit(writer)
    try:
        yield commit
    except BaseException:
        writer.rollback()
        raise
    commit.opstamp = int(writer.commit())
    writer.wait_merging_threads()


def _probe(path: Path) -> None:
    """Open the index and read a little of everything; raises if anything is damaged."""
    ix = open_index(path)
    searcher = ix.searcher()
    if searcher.num_docs:
        hits = searcher.search(tantivy.Query.all_query(), 1).hits
        searcher.doc(hits[0][1])
        searcher.search(tantivy.Query.term_query(ix.schema, "text_words", "zi"), 1)
