"""Changing what the archive's database says about stored files. Bytes never move or change here,
except :func:`empty_trash`, the one operation that deletes stored objects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from zi_docs.errors import NotFoundError
from zi_docs.evidence.archive import Archive
from zi_docs.evidence.records import StoredFile
from zi_docs.refs import IndicatorRef


@dataclass(frozen=True)
class TagChange:
    """The result of ``tag``/``untag`` on one file."""

    file: StoredFile
    """The file after the change."""
    changed: tuple[IndicatorRef, ...]
    """Tags actually added or removed (empty when nothing changed)."""
    unchanged: tuple[IndicatorRef, ...]
    """Tags the file already had (tag) or did not have (untag)."""


@dataclass(frozen=True)
class TrashChange:
    """Files moved to or out of the trash, or deleted for good."""

    files: tuple[StoredFile, ...]
    skipped: tuple[StoredFile, ...] = ()
    """Files that were already in the requested state."""
    freed_bytes: int = 0


def tag(archive: Archive, ref: str, indicators: Sequence[str], item: str | None) -> TagChange:
    tags = archive.resolve_tags(indicators, item)
    with archive.writing():
        stored = archive.resolve(ref)
        with archive.db.transaction() as tx:
            added = tx.add_tags(stored.sha256, tags)
            if added:
                tx.bump(stored.sha256)
                tx.log("tambah-tag", stored.sha256, ", ".join(str(t) for t in added))
        archive.commit_index()
    return TagChange(
        _reload(archive, [stored])[0], tuple(added), tuple(t for t in tags if t not in added)
    )


def untag(archive: Archive, ref: str, indicators: Sequence[str], item: str | None) -> TagChange:
    """Remove tags. Without ``item``, every tag of the indicator goes (with or without item)."""
    with archive.writing():
        stored = archive.resolve(ref)
        wanted = {_stored_or_resolved(archive, stored, text) for text in indicators}
        removing = tuple(
            t for t in stored.tags if t.indicator in wanted and (item is None or t.item == item)
        )
        with archive.db.transaction() as tx:
            for found in removing:
                tx.remove_tag(stored.sha256, found)
            if removing:
                tx.bump(stored.sha256)
                tx.log("hapus-tag", stored.sha256, ", ".join(str(t) for t in removing))
        archive.commit_index()
    missing = tuple(
        IndicatorRef(i, item) for i in sorted(wanted) if not any(t.indicator == i for t in removing)
    )
    return TagChange(_reload(archive, [stored])[0], removing, missing)


def _stored_or_resolved(archive: Archive, stored: StoredFile, text: str) -> str:
    """The LKE catalogue id of ``text``; an id the file is tagged with as written also counts,
    so tags imported under an older catalogue can be removed."""
    if any(t.indicator == text.strip() for t in stored.tags):
        return text.strip()
    return archive.catalogue.resolve(text).id


def edit(
    archive: Archive,
    ref: str,
    *,
    title: str | None = None,
    notes: str | None = None,
    doc_date: dt.date | None = None,
) -> StoredFile:
    """Change the title, notes or document date of a stored file."""
    with archive.writing():
        stored = archive.resolve(ref)
        changes: list[str] = []
        with archive.db.transaction() as tx:
            if title is not None and title != stored.title:
                tx.set_title(stored.sha256, title)
                changes.append(f"judul: {title}")
            if notes is not None and notes != stored.notes:
                tx.set_notes(stored.sha256, notes)
                changes.append(f"catatan: {notes}")
            if doc_date is not None and doc_date != stored.doc_date:
                tx.set_doc_date(stored.sha256, doc_date)
                changes.append(f"tanggal: {doc_date.isoformat()}")
            if changes:
                tx.bump(stored.sha256)
                tx.log("ubah", stored.sha256, "; ".join(changes))
        archive.commit_index()
    return _reload(archive, [stored])[0]


def remove(archive: Archive, refs: Sequence[str]) -> TrashChange:
    """Move files to the trash: they leave lists and search; their bytes stay until
    :func:`empty_trash`."""
    with archive.writing():
        files = _unique(archive.resolve(ref) for ref in refs)
        moving = [f for f in files if not f.trashed]
        with archive.db.transaction() as tx:
            for stored in moving:
                tx.trash(stored.sha256)
                tx.bump(stored.sha256)
                tx.log("buang", stored.sha256, f"{stored.name} dipindah ke tempat sampah")
        archive.commit_index()
    return TrashChange(_reload(archive, moving), tuple(f for f in files if f.trashed))


def restore(archive: Archive, refs: Sequence[str]) -> TrashChange:
    """Bring files back from the trash."""
    with archive.writing():
        files = _unique(archive.resolve(ref) for ref in refs)
        moving = [f for f in files if f.trashed]
        with archive.db.transaction() as tx:
            for stored in moving:
                tx.untrash(stored.sha256)
                tx.bump(stored.sha256)
                tx.log(
                    "pulihkan",
                    stored.sha256,
                    f"{stored.name} dikembalikan dari tempat sampah",
                )
        archive.commit_index()
    return TrashChange(_reload(archive, moving), tuple(f for f in files if not f.trashed))


def empty_trash(archive: Archive) -> TrashChange:
    """Delete for good every file in the trash: database records first (journalled), then
    the bytes."""
    with archive.writing():
        files = archive.db.files(only_trashed=True)
        with archive.db.transaction() as tx:
            for stored in files:
                tx.journal_objects([stored.sha256])
                tx.journal_index([stored.sha256])
                tx.delete_file(stored.sha256)
                tx.log(
                    "hapus-permanen",
                    stored.sha256,
                    f"{stored.name} ({stored.size} bita) dihapus dari tempat sampah",
                )
        for stored in files:
            archive.store.remove(stored.sha256)
        with archive.db.transaction() as tx:
            tx.clear_objects(f.sha256 for f in files)
        archive.commit_index()
    return TrashChange(tuple(files), freed_bytes=sum(f.size for f in files))


def _unique(files: Iterable[StoredFile]) -> list[StoredFile]:
    seen: dict[str, StoredFile] = {}
    for stored in files:
        seen.setdefault(stored.sha256, stored)
    if not seen:
        raise NotFoundError("tidak ada berkas yang disebut")
    return list(seen.values())


def _reload(archive: Archive, files: Sequence[StoredFile]) -> tuple[StoredFile, ...]:
    return tuple(archive.db.files(shas=[f.sha256 for f in files], include_trashed=True))
