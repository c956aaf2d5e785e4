"""``archive verify --perbaiki``: a new catalogue from the stored objects and the old audit log.

The damaged catalogue is never deleted: it is moved aside (``catalog.rusak-WAKTU.sqlite``) and
read for whatever is still readable (its audit log above all). Every object whose bytes match
its name is catalogued again, its text extracted anew; names, tags and the trash state are
replayed from the audit log. What the log does not hold (titles, notes, dates given by hand)
is reported as not restored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from zi_docs.evidence.adding import Details, ingest
from zi_docs.evidence.archive import LOCK_FILE, Archive
from zi_docs.evidence.db import DB_FILE, CatalogError
from zi_docs.evidence.db.salvage import AuditRow, salvage
from zi_docs.evidence.incoming import Candidate
from zi_docs.evidence.lock import ArchiveLock
from zi_docs.evidence.places import OBJECTS_DIR
from zi_docs.evidence.store import ObjectStore, hash_file
from zi_docs.refs import IndicatorRef as Tag
from zi_docs.workspace import Workspace


@dataclass(frozen=True)
class RebuildReport:
    """What the rebuild could and could not restore."""

    objects: int
    """Stored objects found."""
    restored: int
    """Objects catalogued again."""
    damaged: tuple[str, ...]
    """Objects whose bytes no longer match their name (left in place, not catalogued)."""
    named: int
    """Files whose original name came back from the audit log."""
    tagged: int
    """Files that got tags back from the audit log."""
    audit_entries: int
    """Audit lines carried over from the old catalogue."""
    kept_as: Path | None
    """Where the old catalogue was moved (None: there was none)."""
    rejected: tuple[str, ...]
    """Objects extraction refused (kept on disk, not catalogued), with the reason."""


@dataclass
class _Memory:
    names: dict[str, str]
    tags: dict[str, set[Tag]]
    trashed: set[str]
    audit: list[AuditRow]


def rebuild_catalog(workspace: Workspace) -> RebuildReport:
    """Rebuild ``archive/catalog.sqlite``; holds the writer lock throughout."""
    root = workspace.archive_dir
    lock = ArchiveLock(root / LOCK_FILE)
    with lock:
        old = root / DB_FILE
        try:  # a catalogue that opens is kept: only objects it lacks are added to it
            Archive(root, workspace.catalogue).close()
            kept = None
            memory = _remember(old)
        except CatalogError:
            kept = _move_aside(old)
            memory = _remember(kept)
        store = ObjectStore(root / OBJECTS_DIR)
        good, damaged = _objects(store)
        archive = Archive(root, workspace.catalogue, rebuilding=True)
        archive.lock = lock  # re-entrant: ingest takes the lock this run already holds
        try:
            present = set(archive.db.all_shas())
            if present:
                memory.audit = []  # the old log is in place already
                _drop_orphans(archive)
            candidates = [
                Candidate(store.path_for(sha), tuple(sorted(memory.tags.get(sha, ()))))
                for sha in good
                if sha not in present
            ]
            report = ingest(archive, candidates, details=Details(), max_size=1 << 62, workers=1)
            _apply(archive, memory, [o.sha256 for o in report.outcomes], kept)
            archive.commit_index()
        finally:
            archive.close()
    restored = {o.sha256 for o in report.outcomes}
    return RebuildReport(
        objects=len(good) + len(damaged),
        restored=len(restored),
        damaged=tuple(damaged),
        named=len(restored & set(memory.names)),
        tagged=len(restored & {s for s, t in memory.tags.items() if t}),
        audit_entries=len(memory.audit),
        kept_as=kept,
        rejected=tuple(f"{Path(r.source).name[:12]}: {r.reason}" for r in report.rejected),
    )


def _move_aside(old: Path) -> Path | None:
    if not old.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = old.with_name(f"catalog.rusak-{stamp}.sqlite")
    old.rename(kept)
    for suffix in ("-wal", "-shm"):
        side = old.with_name(old.name + suffix)
        if side.exists():
            side.rename(kept.with_name(kept.name + suffix))
    return kept


def _remember(kept: Path | None) -> _Memory:
    """Names, tags, trash state and audit lines of the old database, as far as readable."""
    audit, names = salvage(kept)
    memory = _Memory(names, {}, set(), audit)
    for _at, _who, action, sha, detail in memory.audit:
        if not sha:
            continue
        if action == "tambah":
            name, _, rest = detail.rpartition(" (")
            memory.names.setdefault(sha, name or detail)
            tags = rest.split("); ", 1)[1] if "); " in rest else ""
            memory.tags.setdefault(sha, set()).update(_tags(tags))
        elif action == "tambah-tag":
            memory.tags.setdefault(sha, set()).update(_tags(detail))
        elif action == "hapus-tag":
            memory.tags.setdefault(sha, set()).difference_update(_tags(detail))
        elif action == "buang":
            memory.trashed.add(sha)
        elif action == "pulihkan":
            memory.trashed.discard(sha)
    return memory


def _tags(text: str) -> set[Tag]:
    found = set()
    for part in text.split(","):
        part = part.strip()
        if not part or part == "tanpa tag":
            continue
        indicator, _, item = part.partition("#")
        found.add(Tag(indicator, item or None))
    return found


def _objects(store: ObjectStore) -> tuple[list[str], list[str]]:
    good: list[str] = []
    damaged: list[str] = []
    if not store.root.is_dir():
        return good, damaged
    for folder in sorted(store.root.iterdir()):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.name[:2] != folder.name or not path.is_file():
                continue
            digest, _ = hash_file(path)
            (good if digest == path.name else damaged).append(path.name)
    return good, damaged


def _apply(archive: Archive, memory: _Memory, shas: list[str], kept: Path | None) -> None:
    known = set(archive.db.known(shas))
    with archive.db.transaction() as tx:
        if memory.audit:  # the rebuild's own "tambah" lines give way to the real history
            tx.replace_audit(memory.audit)
        for sha in known:
            name = memory.names.get(sha)
            if name:
                tx.rename(sha, name)
            if sha in memory.trashed:
                tx.trash(sha)
        tx.journal_index(known)
        where = f"; katalog lama disimpan sebagai {kept.name}" if kept else ""
        tx.log("bangun-ulang", None, f"katalog dibangun ulang{where}: {len(known)} berkas")


def _drop_orphans(archive: Archive) -> None:
    with archive.db.transaction() as tx:
        tx.drop_orphans()
