"""Storing a batch of files: validate and extract in parallel, then store and record them in
the archive's database batch by batch.

Per batch: the new objects are journalled (``pending_objects``), written atomically, then the
database records, tags, names, text and audit lines commit in one transaction that also clears
their journal rows and journals their index entries (``pending_index``). The search index gets
every entry through one writer that commits at the end. A crash at any point leaves a state
that :meth:`Archive.recover` turns into either "before" or "after".
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from zi_docs.evidence import indexing
from zi_docs.evidence.archive import OCR_CACHE, Archive
from zi_docs.evidence.db import Transaction
from zi_docs.evidence.incoming import Candidate, Prepared, Rejection, prepare
from zi_docs.evidence.records import Progress
from zi_docs.evidence.search import IndexDoc
from zi_docs.refs import IndicatorRef

BATCH_SIZE = 64
PARALLEL_FROM = 8
"""Fewer files than this are prepared in this process (a pool costs more than it saves)."""
_CHANGED = (
    "berkas berubah selama disalin ke arsip; tutup aplikasi yang sedang mengubahnya, "
    "lalu tambahkan lagi"
)


@dataclass(frozen=True)
class Outcome:
    """What happened to one accepted file."""

    source: str
    sha256: str
    name: str
    added: bool
    """True: stored now. False: the same bytes were already in the archive."""
    new_tags: tuple[IndicatorRef, ...]
    text_status: str
    restored: bool = False
    """The bytes were in the trash and are back in the archive."""
    number: str | None = None
    """The document's own number found in its text (``Nomor: ...``), if any."""
    matched: tuple[IndicatorRef, ...] = ()
    """Tags taken over from archived files with the same number (also in ``new_tags``)."""
    superseded: tuple[str, ...] = ()
    """Konsep (SHA-256) this signed version replaced; they left the live archive."""
    replaced: tuple[str, ...] = ()
    """For a konsep: the previous konsep of the same document, now in the trash."""
    draft: bool = False
    """Stored as a konsep (``generate --arsipkan``)."""


@dataclass(frozen=True)
class IngestReport:
    """The result of one ``add`` or ``import``: per-file outcomes and rejections."""

    outcomes: tuple[Outcome, ...]
    rejected: tuple[Rejection, ...]
    same_as: tuple[IndicatorRef, ...] = ()
    """Tags taken from the archived document named by ``--sama-dengan``."""

    @property
    def added(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.added)

    @property
    def present(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.added)


@dataclass(frozen=True)
class Details:
    """What the user said about the files of one batch."""

    title: str | None = None
    notes: str = ""
    doc_date: dt.date | None = None
    draft_key: str | None = None
    """Store the files as the konsep of this generated document (kind and output name)."""
    same_as: str | None = None
    """The number given with ``--sama-dengan``: the file is the signed version of it."""


def ingest(
    archive: Archive,
    candidates: Sequence[Candidate],
    rejected: Sequence[Rejection] = (),
    *,
    details: Details = Details(),
    max_size: int,
    workers: int | None = None,
    ocr: bool = True,
    progress: Progress | None = None,
) -> IngestReport:
    """Add ``candidates``; bad files become rejections and the rest of the batch goes on.

    Holds the writer lock for the whole run. Text is extracted in worker processes while this
    process stores and records finished files batch by batch and feeds their index entries
    to one index writer, which commits once at the end (the ``pending_index`` journal covers
    the recorded files until then).
    """
    run = _Run(archive, details, list(rejected))
    with archive.writing():
        known = frozenset(archive.db.all_shas())
        ocr_cache = archive.root / OCR_CACHE if ocr else None
        prepared = _prepare_all(candidates, max_size, known, ocr_cache, workers)
        stream = run.stream(prepared, len(candidates), progress)
        indexing.index_stream(archive.root, archive.db, archive.catalogue, stream)
        archive.clear_pending_index(run.indexed)
    return IngestReport(tuple(run.outcomes), tuple(run.rejections))


# ---- preparing (parallel) ------------------------------------------------------------------
_WORKER_STATE: dict[str, object] = {}


def _init_worker(known: frozenset[str], max_size: int, ocr_cache: Path | None) -> None:
    _WORKER_STATE["known"] = known
    _WORKER_STATE["max_size"] = max_size
    _WORKER_STATE["ocr_cache"] = ocr_cache


def _prepare_in_worker(candidate: Candidate) -> Prepared | Rejection:
    known = _WORKER_STATE["known"]
    max_size = _WORKER_STATE["max_size"]
    ocr_cache = _WORKER_STATE["ocr_cache"]
    assert isinstance(known, frozenset) and isinstance(max_size, int)
    assert ocr_cache is None or isinstance(ocr_cache, Path)
    return prepare(candidate, max_size, known, ocr_cache)


def _prepare_all(
    candidates: Sequence[Candidate],
    max_size: int,
    known: frozenset[str],
    ocr_cache: Path | None,
    workers: int | None,
) -> Iterator[Prepared | Rejection]:
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(candidates) < PARALLEL_FROM:
        for candidate in candidates:
            yield prepare(candidate, max_size, known, ocr_cache)
        return
    method = "fork" if threading.active_count() == 1 else "spawn"
    pool = ProcessPoolExecutor(
        max_workers=count,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(known, max_size, ocr_cache),
    )
    try:
        yield from pool.map(_prepare_in_worker, candidates, chunksize=2)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ---- committing (locked) -------------------------------------------------------------------
class _Run:
    """Stores and records prepared files in batches; yields their index entries."""

    def __init__(self, archive: Archive, details: Details, rejections: list[Rejection]) -> None:
        self.archive = archive
        self.details = details
        self.rejections = rejections
        self.outcomes: list[Outcome] = []
        self.indexed: list[str] = []

    def stream(
        self,
        prepared: Iterable[Prepared | Rejection],
        total: int,
        progress: Progress | None,
    ) -> Iterator[IndexDoc]:
        batch: list[Prepared] = []
        for done, item in enumerate(prepared, 1):
            if isinstance(item, Rejection):
                self.rejections.append(item)
            else:
                batch.append(item)
            if len(batch) >= BATCH_SIZE:
                yield from self.commit(batch)
                batch = []
            if progress is not None:
                progress(done, total)
        yield from self.commit(batch)

    def commit(self, batch: list[Prepared]) -> Iterator[IndexDoc]:
        """Journal, store, then record one batch; yield the changed index entries."""
        if not batch:
            return
        archive = self.archive
        present = archive.db.known(p.sha256 for p in batch)
        new: dict[str, Prepared] = {}
        for item in batch:
            if item.sha256 not in present and item.sha256 not in new:
                new[item.sha256] = item
        journal = list(new)
        with archive.db.transaction() as tx:
            tx.journal_objects(journal)
        for sha, item in list(new.items()):
            try:
                archive.store.put(item.path, sha)
            except ValueError:
                del new[sha]
                self.rejections.append(Rejection(item.source, _CHANGED, "gagal-simpan"))
            except OSError as exc:
                del new[sha]
                reason = (
                    f"gagal disimpan ke arsip ({exc.strerror or exc}); periksa ruang disk dan "
                    "izin tulis folder archive/, lalu tambahkan lagi"
                )
                self.rejections.append(Rejection(item.source, reason, "gagal-simpan"))
        stored = set(new)
        texts = {sha: item.text for sha, item in new.items()}
        changed: list[str] = []
        with archive.db.transaction() as tx:
            for item in batch:
                if item.sha256 in new:
                    outcome = _insert(tx, new.pop(item.sha256), self.details)
                elif item.sha256 in present or item.sha256 in stored:
                    outcome = _merge(tx, item)
                else:
                    continue
                self.outcomes.append(outcome)
                if outcome.added or outcome.new_tags or outcome.restored:
                    changed.append(outcome.sha256)
            tx.clear_objects(journal)
        for stored_file in archive.db.files(shas=changed):
            text = texts.get(stored_file.sha256)
            if text is None:
                text = archive.db.text(stored_file.sha256)
            self.indexed.append(stored_file.sha256)
            yield indexing.to_doc(stored_file, text, archive.catalogue)


def _insert(tx: Transaction, item: Prepared, details: Details) -> Outcome:
    doc_date = details.doc_date or item.meta_date
    source = "tanggal" if details.doc_date else (item.meta_source if item.meta_date else None)
    tx.insert_file(
        sha256=item.sha256,
        size=item.size,
        kind=item.ftype.kind,
        mime=item.ftype.mime,
        name=item.name,
        title=details.title or _title_from_name(item.name),
        doc_date=doc_date,
        date_source=source,
        notes=details.notes,
        text_status=item.text_status,
        pages=item.pages,
    )
    tx.add_tags(item.sha256, item.tags)
    tx.journal_index([item.sha256])
    tags = ", ".join(str(t) for t in item.tags) or "tanpa tag"
    tx.log("tambah", item.sha256, f"{item.name} ({item.size} bita, {item.ftype.kind}); {tags}")
    number: str | None = None
    matched: tuple[IndicatorRef, ...] = ()
    if item.text:
        tx.add_text(item.sha256, item.text)
        number, matched = tx.take_tags_by_number(item.sha256, item.text, item.tags)
    replaced: list[str] = []
    superseded: list[str] = []
    if details.draft_key:
        replaced, _signed = tx.mark_draft(item.sha256, details.draft_key)
    else:
        for signed_as in dict.fromkeys(n for n in (number, details.same_as) if n):
            superseded += tx.supersede_drafts(item.sha256, signed_as)
    return Outcome(
        item.source,
        item.sha256,
        item.name,
        True,
        (*item.tags, *matched),
        item.text_status,
        number=number,
        matched=matched,
        superseded=tuple(superseded),
        replaced=tuple(replaced),
        draft=bool(details.draft_key),
    )


def _merge(tx: Transaction, item: Prepared) -> Outcome:
    tx.add_name(item.sha256, item.name)
    new_tags = tx.add_tags(item.sha256, item.tags)
    restored, text_status = tx.trash_state(item.sha256)
    if restored:
        tx.untrash(item.sha256)
        tx.log("pulihkan", item.sha256, f"ditambahkan lagi sebagai {item.name}")
    if new_tags:
        tx.log(
            "tambah-tag",
            item.sha256,
            f"ditambahkan lagi sebagai {item.name}; " + ", ".join(str(t) for t in new_tags),
        )
    if new_tags or restored:
        tx.bump(item.sha256)
    return Outcome(
        item.source, item.sha256, item.name, False, tuple(new_tags), text_status, restored=restored
    )


def _title_from_name(name: str) -> str:
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return " ".join(stem.replace("_", " ").split()) or name
