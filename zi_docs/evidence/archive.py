"""The evidence archive of a workspace: object store + database + index, one writer at a time.

On-disk layout of ``archive/``::

    catalog.sqlite          the database (files, tags, names, text, audit log, journal)
    objects/ab/<sha256>     stored bytes, read-only, never modified
    index/                  the search index (derived; rebuilt when missing)
    cache/ocr/              OCR results by SHA-256 (derived; never committed, never verified)
    cache/pratinjau/        page images of PDFs by SHA-256 (derived, like cache/ocr/)
    .lock                   held by the one writing process
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from zi_docs.catalogue import Catalogue, Node
from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.evidence import indexing
from zi_docs.evidence.db import DB_FILE, ArchiveDb
from zi_docs.evidence.lock import DEFAULT_WAIT, ArchiveLock
from zi_docs.evidence.places import OBJECTS_DIR
from zi_docs.evidence.records import Progress, StoredFile
from zi_docs.evidence.store import ObjectStore
from zi_docs.findings import Finding
from zi_docs.processes import pid_alive
from zi_docs.refs import IndicatorRef
from zi_docs.workspace import Workspace

log = logging.getLogger(__name__)

LOCK_FILE = ".lock"
OCR_CACHE = Path("cache") / "ocr"
PREVIEW_CACHE = Path("cache") / "pratinjau"


@dataclass(frozen=True)
class Recovery:
    """What opening the archive for writing had to repair after an interruption."""

    temporary_removed: int
    objects_removed: int
    index_refreshed: int

    @property
    def anything(self) -> bool:
        return bool(self.temporary_removed or self.objects_removed or self.index_refreshed)


_INDEX_STAMPS_TEMP = "index/.ZI_STAMPS.*.tmp"
"""The temporary stamps file a search-index writer replaces ``ZI_STAMPS`` with
(``zi_docs.evidence.search._stamps.write``; named here so recovery needs no search engine)."""


def _clean_index_leftovers(root: Path) -> int:
    """Remove what a killed index writer left: ``.index.new-PID``/``.index.old-PID`` folders
    of a rebuild, ``index/.ZI_STAMPS.PID.tmp`` of a commit, and a killed commit's delete file
    that ``meta.json`` does not name."""
    removed = 0
    for leftover in [*root.glob(".index.new-*"), *root.glob(".index.old-*")]:
        pid = leftover.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not pid_alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)
            removed += 1
    for leftover in root.glob(_INDEX_STAMPS_TEMP):
        pid = leftover.name.split(".")[-2]
        if pid.isdigit() and not pid_alive(int(pid)):
            leftover.unlink(missing_ok=True)
            removed += 1
    if not (root / "index").is_dir():
        return removed  # no index yet: nothing of the engine's to clean (nor to import)
    from zi_docs.evidence.search import remove_stale_deletes  # the engine's own file names

    return removed + remove_stale_deletes(root / "index")


class Archive:
    """An open archive. Reads need no lock; every change goes through :meth:`writing`."""

    def __init__(
        self,
        root: Path,
        catalogue: Catalogue,
        *,
        lock_wait: float = DEFAULT_WAIT,
        rebuilding: bool = False,
    ):
        self.root = root
        self.catalogue = catalogue
        self.store = ObjectStore(root / OBJECTS_DIR)
        self.db = ArchiveDb(root / DB_FILE, self.store, rebuilding=rebuilding)
        self.lock = ArchiveLock(root / LOCK_FILE, lock_wait)

    @classmethod
    def open(cls, workspace: Workspace, *, lock_wait: float = DEFAULT_WAIT) -> Archive:
        return cls(workspace.archive_dir, workspace.catalogue, lock_wait=lock_wait)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ---- writing ----------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[Recovery]:
        """Hold the writer lock; finish or undo anything an earlier crash left half done."""
        with self.lock:
            yield self.recover()

    def recover(self, temporary_files: Sequence[str] | None = None) -> Recovery:
        """Roll back interrupted additions and bring stale index entries up to date.

        Objects written for a file whose database record never committed (journalled in
        ``pending_objects``) are removed; files journalled in ``pending_index`` are re-indexed.
        Temporary files of interrupted writes are removed: ``temporary_files`` when the
        caller has just listed the objects folder (the quick verify), else every one found.
        Must be called with the lock held.
        """
        assert self.lock.held
        if temporary_files is None:
            temporary = self.store.clean_temporary()
        else:
            temporary = self.store.remove_temporary(temporary_files)
        temporary += _clean_index_leftovers(self.root)
        pending = self.db.pending("pending_objects")
        removed = 0
        if pending:
            known = self.db.known(pending)
            for sha in pending:
                if sha not in known and self.store.remove(sha):
                    removed += 1
            with self.db.transaction() as tx:
                tx.clear_objects(pending)
        refreshed = self.commit_index()
        result = Recovery(temporary, removed, refreshed)
        if result.anything:
            log.warning(
                "pemulihan arsip: %d berkas sementara, %d objek tanpa catatan dihapus, "
                "%d entri indeks diperbarui",
                temporary,
                removed,
                refreshed,
            )
        return result

    def clear_pending_index(self, shas: Sequence[str]) -> None:
        """Forget journal rows whose index entries were committed."""
        with self.db.transaction() as tx:
            tx.clear_index(shas)

    def commit_index(self, progress: Progress | None = None) -> int:
        """Apply every journalled index change in one index commit, then clear the journal."""
        pending = self.db.pending("pending_index")
        if not pending:
            return 0
        indexing.sync(self.root, self.db, self.catalogue, pending, progress)
        self.clear_pending_index(pending)
        return len(pending)

    # ---- look-ups ---------------------------------------------------------------------
    def resolve(self, ref: str, *, include_trashed: bool = True) -> StoredFile:
        """A stored file named by a SHA-256 prefix (at least 4 characters) or a file name."""
        text = ref.strip()
        shas: list[str] = []
        if len(text) >= 4 and all(c in "0123456789abcdefABCDEF" for c in text):
            shas = self.db.match_prefix(text)
        if not shas:
            shas = self.db.named(text)
        files = [
            f
            for f in self.db.files(shas=shas, include_trashed=True)
            if include_trashed or not f.trashed
        ]
        if len(files) == 1:
            return files[0]
        if not files:
            raise NotFoundError(
                f"berkas '{ref}' tidak ada di arsip",
                hint="lihat daftar berkas dengan: zi-docs archive list",
            )
        raise NotFoundError(
            f"'{ref}' cocok dengan {len(files)} berkas; sebutkan awalan SHA-256 yang lebih panjang",
            suggestions=[f"{f.sha256[:12]} {f.name}" for f in files[:8]],
        )

    def resolve_tags(self, indicators: Sequence[str], item: str | None) -> tuple[IndicatorRef, ...]:
        """Tags for ``--indikator`` ids/aliases and an optional checklist item key.

        Every unknown id and every indicator without that checklist item is reported at once.
        """
        problems: list[Finding] = []
        tags: list[IndicatorRef] = []
        for text in indicators:
            try:
                node = self.catalogue.resolve(text)
            except NotFoundError as exc:
                if len(indicators) == 1:
                    raise
                hint = f"; mungkin {', '.join(exc.suggestions)}" if exc.suggestions else ""
                problems.append(
                    Finding(
                        f"indikator '{text}' tidak ada dalam katalog{hint}",
                        field="--indikator",
                        code="indikator-tak-dikenal",
                    )
                )
                continue
            if not node.is_question:
                questions = node.questions()
                if len(questions) != 1:
                    names = ", ".join(self.catalogue.short_alias(q) for q in questions[:6])
                    problems.append(
                        Finding(
                            f"'{text}' adalah {node.level} {node.name}, bukan pertanyaan; pilih "
                            f"salah satu pertanyaannya: {names}",
                            field="--indikator",
                            code="bukan-pertanyaan",
                        )
                    )
                    continue
                node = questions[0]
            if item and node.checklist_item(item) is None:
                keys = ", ".join(c.key for c in node.checklist) or "(tidak ada)"
                problems.append(
                    Finding(
                        f"{self.label(node)} tidak punya butir data dukung '{item}'; yang ada: "
                        f"{keys}",
                        field="--butir",
                        code="butir-tak-dikenal",
                    )
                )
                continue
            tags.append(IndicatorRef(node.id, item or None))
        if problems:
            raise InvalidInputError(
                "indikator atau butir data dukung tidak sah",
                problems,
                hint="lihat id dan butir data dukung dengan: zi-docs lke show ID",
            )
        return tuple(dict.fromkeys(tags))

    def label(self, node: Node | str) -> str:
        """``P.MP.i.a (A.I.1.i.a)`` for messages."""
        if isinstance(node, str):
            found = self.catalogue.by_id.get(node)
            if found is None:
                return node
            node = found
        alias = self.catalogue.short_alias(node)
        return node.id if alias == node.id else f"{alias} ({node.id})"
