"""Filing evidence in a workspace's archive: add, import, list, show, tag, edit, trash,
verify and the audit log — one function per archive command, each opening and closing the
archive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from zi_docs.errors import NotFoundError, WorkspaceError
from zi_docs.evidence import manage, numbers
from zi_docs.evidence.adding import Details, IngestReport, ingest
from zi_docs.evidence.archive import Archive
from zi_docs.evidence.db import DB_FILE
from zi_docs.evidence.drive_folders import Placement, plan
from zi_docs.evidence.filters import NO_FILTERS, SearchFilters
from zi_docs.evidence.incoming import DEFAULT_MAX_MB, Candidate, Rejection, collect
from zi_docs.evidence.lock import DEFAULT_WAIT
from zi_docs.evidence.narrowing import narrowed
from zi_docs.evidence.rebuild import RebuildReport, rebuild_catalog
from zi_docs.evidence.records import AuditEntry, Progress, StoredFile
from zi_docs.evidence.verify import VerifyReport, verify
from zi_docs.refs import IndicatorRef
from zi_docs.workspace import Workspace


def open_archive(workspace: Workspace, *, lock_wait: float = DEFAULT_WAIT) -> Archive:
    """The workspace's archive (created empty on first use). Close it when done."""
    return Archive.open(workspace, lock_wait=lock_wait)


def add_files(
    workspace: Workspace,
    paths: Sequence[Path],
    *,
    indicators: Sequence[str] = (),
    item: str | None = None,
    tags: Sequence[IndicatorRef] = (),
    same_as: str | None = None,
    title: str | None = None,
    notes: str = "",
    doc_date: dt.date | None = None,
    max_mb: float = DEFAULT_MAX_MB,
    workers: int | None = None,
    progress: Progress | None = None,
    draft_key: str | None = None,
    display_names: Mapping[Path, str] | None = None,
) -> IngestReport:
    """Add files and folders (recursively) tagged to ``indicators`` (ids or aliases, with
    checklist ``item``), explicit ``tags``, and the tags of the archived document numbered
    ``same_as``. Bad files are rejected one by one. A new file whose own number (the first
    ``Nomor: ...`` in its text) is that of an archived document also gets its tags.

    With ``draft_key`` the files are the konsep of a generated document (``generate
    --arsipkan``): not data dukung, and replacing that document's previous konsep. Any other
    file numbered like a konsep (or given ``same_as`` its number) is its signed version and
    supersedes it."""
    with open_archive(workspace) as archive:
        resolved = archive.resolve_tags(indicators, item) if indicators else ()
        copied = _same_as(archive, same_as) if same_as is not None else ()
        all_tags = tuple(dict.fromkeys((*resolved, *_checked(archive, tags), *copied)))
        candidates, rejected = collect(paths, all_tags, archive_root=archive.root)
        if display_names:
            candidates = [replace(c, display_name=display_names.get(c.path)) for c in candidates]
        report = ingest(
            archive,
            candidates,
            rejected,
            details=Details(
                title=title,
                notes=notes,
                doc_date=doc_date,
                draft_key=draft_key,
                same_as=numbers.normalise(same_as) if same_as else None,
            ),
            max_size=int(max_mb * 1_000_000),
            workers=workers,
            progress=progress,
        )
        return replace(report, same_as=copied)


def _same_as(archive: Archive, number: str) -> tuple[IndicatorRef, ...]:
    if len(numbers.normalise(number)) < numbers.MIN_LENGTH:
        raise NotFoundError(
            f"nomor '{number}' terlalu pendek untuk dicocokkan",
            hint="tulis nomor dokumen lengkap, mis. 800.1.2.2/015/DPMPTSP/2026",
        )
    found = archive.db.tags_for_number(number)
    if not found:
        raise NotFoundError(
            f"tidak ada berkas bertanda di arsip yang memuat nomor '{number}'",
            hint="arsipkan dulu dokumen aslinya dengan 'zi-docs generate ... --arsipkan', "
            "atau tandai berkasnya dengan --indikator",
        )
    return tuple(found)


def _checked(archive: Archive, tags: Sequence[IndicatorRef]) -> tuple[IndicatorRef, ...]:
    out: list[IndicatorRef] = []
    for tag in tags:
        out.extend(archive.resolve_tags([tag.indicator], tag.item))
    return tuple(out)


@dataclass(frozen=True)
class ImportReport:
    """What ``import`` placed, could not place, and (unless a dry run) added."""

    folder: Path
    placements: tuple[Placement, ...]
    unplaced: tuple[Placement, ...]
    rejected: tuple[Rejection, ...]
    """Files that could not even be read while walking the folder."""
    ingest: IngestReport | None
    """None for a dry run."""


def import_tree(
    workspace: Workspace,
    folder: Path,
    *,
    dry_run: bool = False,
    max_mb: float = DEFAULT_MAX_MB,
    workers: int | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Add an evidence tree laid out like the LKE, tagging each file from its path."""
    if not folder.is_dir():
        raise WorkspaceError(f"{folder} bukan folder", hint="sebutkan folder data dukung")
    with open_archive(workspace) as archive:
        found, rejected = collect([folder], archive_root=archive.root)
        placements = plan(folder, [c.path for c in found], archive.catalogue)
        placed = tuple(p for p in placements if p.tags)
        unplaced = tuple(p for p in placements if not p.tags)
        report = None
        if not dry_run:
            report = ingest(
                archive,
                [Candidate(p.path, p.tags) for p in placed],
                (),
                max_size=int(max_mb * 1_000_000),
                workers=workers,
                progress=progress,
            )
        return ImportReport(folder, placed, unplaced, tuple(rejected), report)


@dataclass(frozen=True)
class Listing:
    """Stored files matching a filter, with the archive's totals."""

    files: tuple[StoredFile, ...]
    total: int
    trashed: int


def list_files(workspace: Workspace, filters: SearchFilters = NO_FILTERS) -> Listing:
    """Stored files the filters keep (see :class:`SearchFilters`; its ``limit`` is a
    search's, a listing shows every file), in the order they were added."""
    with open_archive(workspace) as archive:
        files = narrowed(archive.db.files(only_trashed=filters.trashed), archive.catalogue, filters)
        live, in_trash = archive.db.counts()
        return Listing(tuple(files), live, in_trash)


def stored_files(workspace: Workspace, *, include_trashed: bool = False) -> list[StoredFile]:
    """Every stored file with tags, dates, size, SHA-256 and stored path (for check/export)."""
    if not (workspace.archive_dir / DB_FILE).is_file():
        return []
    with open_archive(workspace) as archive:
        return archive.db.files(include_trashed=include_trashed)


@dataclass(frozen=True)
class FileDetail:
    """One stored file with its history and the start of its text."""

    file: StoredFile
    history: tuple[AuditEntry, ...]
    text_excerpt: str
    indicator_labels: tuple[str, ...]
    number: str | None = None
    """The document's own number (the first ``Nomor: ...`` of its text), if it has one."""


def show(workspace: Workspace, ref: str, *, excerpt: int = 400) -> FileDetail:
    with open_archive(workspace) as archive:
        stored = archive.resolve(ref)
        text = " ".join(archive.db.text(stored.sha256).split())
        labels = tuple(
            archive.label(t.indicator) + (f" — {t.item}" if t.item else "") for t in stored.tags
        )
        history = tuple(archive.db.audit(stored.sha256))
        return FileDetail(stored, history, text[:excerpt], labels, numbers.own_number(text))


def tag(
    workspace: Workspace, ref: str, indicators: Sequence[str], item: str | None = None
) -> manage.TagChange:
    with open_archive(workspace) as archive:
        return manage.tag(archive, ref, indicators, item)


def untag(
    workspace: Workspace, ref: str, indicators: Sequence[str], item: str | None = None
) -> manage.TagChange:
    with open_archive(workspace) as archive:
        return manage.untag(archive, ref, indicators, item)


def edit(
    workspace: Workspace,
    ref: str,
    *,
    title: str | None = None,
    notes: str | None = None,
    doc_date: dt.date | None = None,
) -> StoredFile:
    with open_archive(workspace) as archive:
        return manage.edit(archive, ref, title=title, notes=notes, doc_date=doc_date)


def remove(workspace: Workspace, refs: Sequence[str]) -> manage.TrashChange:
    with open_archive(workspace) as archive:
        return manage.remove(archive, refs)


def restore(workspace: Workspace, refs: Sequence[str]) -> manage.TrashChange:
    with open_archive(workspace) as archive:
        return manage.restore(archive, refs)


def empty_trash(workspace: Workspace) -> manage.TrashChange:
    with open_archive(workspace) as archive:
        return manage.empty_trash(archive)


def verify_archive(
    workspace: Workspace, *, quick: bool = False, progress: Progress | None = None
) -> VerifyReport:
    """Re-hash every stored file (``quick``: sizes and counts) and check the index."""
    with open_archive(workspace) as archive:
        return verify(archive, quick=quick, progress=progress)


def rebuild_archive_catalog(workspace: Workspace) -> RebuildReport:
    """A new catalogue from the stored objects and the old audit log (``verify --perbaiki``)."""
    return rebuild_catalog(workspace)


def audit_log(workspace: Workspace, limit: int | None = None) -> list[AuditEntry]:
    with open_archive(workspace) as archive:
        return archive.db.audit(limit=limit)
