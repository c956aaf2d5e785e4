"""The index folder: state, rebuild, incremental writes under a lock, and the searcher."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.index import LockError
from whoosh.searching import Searcher

from zi_docs.catalogue import Catalogue
from zi_docs.errors import BusyError, ZiError
from zi_docs.evidence.lock import ArchiveLock
from zi_docs.evidence.search._query import Hit, run_query
from zi_docs.evidence.search._schema import (
    STAMP_FILE,
    IndexDoc,
    document_fields,
    index_stamp,
    make_schema,
)

log = logging.getLogger(__name__)


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
        self._searcher: Searcher | None = None
        self._opened: tuple[int, int] = (-1, -1)

    # ---- state ----------------------------------------------------------------------
    def state(self) -> str:
        """``ok``, ``missing``, ``stale`` (other schema version) or ``corrupt``."""
        if not any(self.path.glob("*.toc")):
            return "missing"
        stamp = self.path / STAMP_FILE
        if not stamp.is_file() or stamp.read_text(encoding="utf-8") != index_stamp():
            return "stale"
        problem = None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                _probe(self.path)
            except Exception as exc:  # whatever cannot be read is rebuilt, never trusted
                problem = repr(exc)
            if problem is not None:
                gc.collect()  # whoosh leaves the files of a broken index open: close them now
        if problem is not None:
            log.warning(
                "indeks pencarian %s tidak terbaca (%s); dibangun ulang", self.path, problem
            )
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
        ix = index.open_dir(str(self.path))
        try:
            with ix.searcher() as searcher:
                return {f["sha256"]: str(f.get("stamp", "")) for f in searcher.all_stored_fields()}
        finally:
            ix.close()

    def doc_count(self) -> int | None:
        """Number of entries, for ``verify --quick`` (None when the index is unusable)."""
        if self.state() != "ok":
            return None
        ix = index.open_dir(str(self.path))
        try:
            return int(ix.doc_count())
        finally:
            ix.close()

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
            count = 0
            try:
                ix = index.create_in(str(fresh), make_schema())
                try:
                    with _committing(ix, self.wait, limitmb=256) as writer:
                        for doc in docs:
                            writer.add_document(**document_fields(doc))
                            count += 1
                finally:
                    ix.close()
                (fresh / STAMP_FILE).write_text(index_stamp(), encoding="utf-8")
                old = parent / f".{name}.old-{os.getpid()}"
                if self.path.exists():
                    os.replace(self.path, old)
                os.replace(fresh, self.path)
                shutil.rmtree(old, ignore_errors=True)
            except BaseException:
                shutil.rmtree(fresh, ignore_errors=True)
                raise
        log.info("indeks pencarian dibangun ulang (%s): %d berkas", reason, count)
        return count

    def update(self, docs: Iterable[IndexDoc]) -> int:
        """Add or replace entries in one commit; returns how many were written."""
        count = 0
        with self._locked(), self._open_writer() as writer:
            for doc in docs:
                writer.update_document(**document_fields(doc))
                count += 1
        return count

    def delete(self, shas: Iterable[str]) -> int:
        """Remove entries in one commit; returns how many there were."""
        with self._locked(), self._open_writer() as writer:
            return sum(int(writer.delete_by_term("sha256", sha)) for sha in shas)

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
            known = self._read_stamps()
            added = updated = unchanged = 0
            seen: set[str] = set()
            with self._open_writer(checked=True) as writer:
                for doc in docs:
                    seen.add(doc.sha256)
                    if known.get(doc.sha256) == doc.stamp:
                        unchanged += 1
                        continue
                    writer.update_document(**document_fields(doc))
                    added, updated = (
                        (added + 1, updated) if doc.sha256 not in known else (added, updated + 1)
                    )
                extra = sorted(set(known) - seen)
                for sha in extra:
                    writer.delete_by_term("sha256", sha)
            return ReindexReport(False, None, added, updated, len(extra), unchanged)

    # ---- reads ----------------------------------------------------------------------
    def search(
        self,
        text: str,
        *,
        indicator: str | None = None,
        area: str | None = None,
        year: int | None = None,
        kind: str | None = None,
        limit: int = 20,
        catalogue: Catalogue | None = None,
    ) -> list[Hit]:
        """Ranked hits for ``text`` (phrases in double quotes), narrowed by the filters.

        An indicator id or alias alone (``P.MP.i.a``) lists that indicator's evidence; with a
        ``catalogue`` aliases are resolved and unknown ids or areas raise NotFoundError.
        The index is rebuilt from :attr:`source` first when it is missing, stale or corrupt.
        """
        return run_query(
            self._current_searcher,
            text,
            indicator=indicator,
            area=area,
            year=year,
            kind=kind,
            limit=limit,
            catalogue=catalogue,
        )

    def close(self) -> None:
        self._drop_searcher()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- internals ------------------------------------------------------------------
    def _current_searcher(self) -> Searcher:
        """A searcher on the latest commit (reopened after any write or rebuild)."""
        if self._searcher is not None and self._opened != self._version():
            self._drop_searcher()
        if self._searcher is None:
            self.ensure()
            self._opened = self._version()
            self._ix = index.open_dir(str(self.path))
            self._searcher = self._ix.searcher()
        return self._searcher

    def _version(self) -> tuple[int, int]:
        """(folder inode, generation): changes on every commit and every rebuild."""
        tocs = sorted(self.path.glob("_MAIN_*.toc"), key=lambda p: int(p.stem.rsplit("_", 1)[1]))
        generation = int(tocs[-1].stem.rsplit("_", 1)[1]) if tocs else -1
        return self.path.stat().st_ino if self.path.exists() else -1, generation

    def _drop_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with self.lock:
            yield

    @contextmanager
    def _open_writer(self, *, checked: bool = False) -> Iterator[Any]:
        """``checked``: the caller has just seen the index usable (skip probing it again)."""
        if not checked:
            self.ensure()
        ix = index.open_dir(str(self.path))
        try:
            with _committing(ix, self.wait) as writer:
                yield writer
        finally:
            ix.close()


_REASONS = {
    "full": "diminta dibangun penuh",
    "missing": "belum ada",
    "stale": "dibuat oleh versi zi-docs lain",
    "corrupt": "rusak atau tidak terbaca",
}


@contextmanager
def _committing(ix: Any, wait: float, **options: Any) -> Iterator[Any]:
    """A writer that commits only if the block finishes; otherwise it is cancelled."""
    try:
        writer = ix.writer(timeout=wait, **options)
    except LockError as exc:
        raise BusyError(
            "indeks pencarian sedang ditulis oleh proses lain",
            hint="tunggu sampai proses itu selesai lalu ulangi perintah ini",
        ) from exc
    try:
        yield writer
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


def _probe(path: Path) -> None:
    """Open the index and read a little of everything; raises if anything is damaged."""
    ix = index.open_dir(str(path))
    try:
        with ix.searcher() as searcher:
            reader = searcher.reader()
            if reader.doc_count_all():
                next(iter(reader.lexicon("sha256")), None)
                next(iter(reader.lexicon("text")), None)
                reader.stored_fields(0)
    finally:
        ix.close()
