"""The submission flow's only contact points with the evidence and documents packages.

Each function wraps one dependency (the archive catalogue, archive verification, the document
registry, the render engine), so a change in another package is a change here only. Scoring
is called directly: its :class:`~zi_docs.assessment.ScoreReport` is the submission flow's
input.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from zi_docs.catalogue import ChecklistItem
from zi_docs.errors import WorkspaceError
from zi_docs.findings import Finding
from zi_docs.submission.evidence_view import ArchiveView, EvidenceFile, EvidenceTag
from zi_docs.workspace import PageSetup, Workspace

CATALOG_DB = "catalog.sqlite"
OBJECTS_DIR = "objects"


# ---- archive catalogue (read-only) ------------------------------------------------------------
def catalog_path(workspace: Workspace) -> Path:
    return workspace.archive_dir / CATALOG_DB


def read_archive(workspace: Workspace, *, read_only: bool = False) -> ArchiveView:
    """Every live (not trashed) archive file with its tags, read through a read-only SQLite
    connection (``mode=ro``): reading never creates, migrates or re-indexes anything.

    Integrity comes from the archive's quick verification, or with ``read_only`` (rekap over
    other units' workspaces) from :func:`sizes_only`, which writes nothing."""
    path = catalog_path(workspace)
    if not path.is_file():
        return ArchiveView(files=())
    files = read_catalog(path, workspace.archive_dir / OBJECTS_DIR)
    integrity = sizes_only(files) if read_only else quick_verify(workspace)
    return ArchiveView(files=files, integrity=integrity)


def read_catalog(path: Path, objects: Path) -> tuple[EvidenceFile, ...]:
    """The archive's ``files`` and ``tags`` tables as :class:`EvidenceFile` values."""
    # A cleanly closed WAL database has everything in the main file: open it immutable so
    # SQLite creates no -wal/-shm side files. When a -wal exists (a writer is active or was
    # interrupted), plain read-only mode reads through it without changing anything.
    wal = path.with_name(path.name + "-wal")
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if wal.exists() else "&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise WorkspaceError(
            f"katalog arsip {path} tidak dapat dibuka ({exc})",
            hint="jalankan 'zi-docs archive verify' di ruang kerja itu",
        ) from None
    try:
        tags: dict[str, list[EvidenceTag]] = {}
        made: dict[tuple[str, str | None], EvidenceTag] = {}  # one value per distinct tag
        for sha, indicator, item in conn.execute("SELECT sha256, indicator, item FROM tags"):
            tag = made.get((indicator, item))
            if tag is None:
                tag = made[indicator, item] = EvidenceTag(indicator, item)
            tags.setdefault(sha, []).append(tag)
        rows = conn.execute(
            "SELECT sha256, size, name, title, doc_date, notes, kind FROM files "
            "WHERE trashed_at IS NULL ORDER BY added_at, name"
        ).fetchall()
    except sqlite3.Error as exc:
        raise WorkspaceError(
            f"katalog arsip {path} tidak dapat dibaca ({exc})",
            hint="jalankan 'zi-docs archive verify' di ruang kerja itu",
        ) from None
    finally:
        conn.close()
    base = str(objects)
    no_tags: list[EvidenceTag] = []
    dates: dict[str, dt.date] = {}  # a few hundred distinct days among 100,000 files
    result = []
    for sha, size, name, title, doc_date, notes, kind in rows:
        found = tags.get(sha, no_tags)
        if len(found) > 1:
            found.sort(key=_tag_key)
        day = None
        if doc_date:
            day = dates.get(doc_date)
            if day is None:
                day = dates[doc_date] = dt.date.fromisoformat(doc_date)
        # positional: this loop runs once per stored file, keywords cost a third more
        result.append(
            EvidenceFile(
                sha[:12],
                sha,
                int(size),
                name,
                f"{base}/{sha[:2]}/{sha}",
                tuple(found),
                title or None,
                day,
                notes or None,
                kind or "",
            )
        )
    return tuple(result)


def _tag_key(tag: EvidenceTag) -> tuple[str, str]:
    return (tag.indicator, tag.item or "")


def quick_verify(workspace: Workspace) -> tuple[Finding, ...]:
    """Integrity findings of ``archive verify --quick`` (sizes, counts, index), codes prefixed
    ``integritas-``. Runs the archive's own verification, which takes its writer lock."""
    from zi_docs.evidence.api import verify_archive

    report = verify_archive(workspace, quick=True)
    return tuple(_integrity(f) for f in report.findings)


def sizes_only(files: tuple[EvidenceFile, ...]) -> tuple[Finding, ...]:
    """A strictly read-only integrity check for ``rekap``: each stored object exists and has
    its recorded size (the archive's own quick verify may recover, so it is not used there)."""
    found = []
    for file in files:
        try:
            size = os.stat(file.location).st_size
        except OSError:
            found.append(
                Finding(
                    f"berkas tersimpan {file.name} hilang dari arsip; jalankan 'zi-docs archive "
                    "verify' di ruang kerja itu",
                    file=file.name,
                    code="integritas-missing",
                )
            )
            continue
        if size != file.size:
            found.append(
                Finding(
                    f"ukuran berkas tersimpan {file.name} berubah ({file.size} -> {size} bita); "
                    "jalankan 'zi-docs archive verify' di ruang kerja itu",
                    file=file.name,
                    code="integritas-size",
                )
            )
    return tuple(found)


def _integrity(finding: Finding) -> Finding:
    return replace(finding, code=f"integritas-{finding.code}")


def _read_only(workspace: Workspace) -> sqlite3.Connection | None:
    path = catalog_path(workspace)
    if not path.is_file():
        return None
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def tags_of_texts_containing(workspace: Workspace, needle: str) -> list[EvidenceTag]:
    """Tags of live archive files whose extracted text contains ``needle`` (read-only)."""
    from zi_docs.evidence.numbers import tags_containing

    conn = _read_only(workspace)
    if conn is None:
        return []
    try:
        return [EvidenceTag(t.indicator, t.item) for t in tags_containing(conn, needle)]
    finally:
        conn.close()


def tags_for_number(workspace: Workspace, number: str) -> tuple[EvidenceTag, ...]:
    """The archive's ``--sama-dengan`` rule for a document number, read-only."""
    from zi_docs.evidence.numbers import tags_for_number as _tags

    conn = _read_only(workspace)
    if conn is None:
        return ()
    try:
        return tuple(EvidenceTag(t.indicator, t.item) for t in _tags(conn, number))
    finally:
        conn.close()


def document_numbers(text: str) -> tuple[str, ...]:
    """Document numbers (``Nomor: ...``) in a text, by the archive's rule."""
    from zi_docs.evidence.numbers import numbers_in

    return numbers_in(text)


def add_to_archive(workspace: Workspace, path: Path, tags: tuple[EvidenceTag, ...]) -> bool:
    """Add one file with explicit tags through the archive library; True if newly stored."""
    from zi_docs.evidence.api import add_files
    from zi_docs.evidence.catalog import Tag

    report = add_files(workspace, [path], tags=[Tag(t.indicator, t.item) for t in tags])
    if report.rejected:
        raise WorkspaceError(
            f"{path.name} ditolak arsip: {report.rejected[0]}",
            hint="periksa berkasnya lalu coba lagi",
        )
    return any(o.added for o in report.outcomes)


# ---- documents ----------------------------------------------------------------------------------
def generator_hint(item: ChecklistItem) -> str | None:
    """``zi-docs generate KIND inputs/FILE`` for a checklist item that zi-docs can produce."""
    if not item.generator:
        return None
    example = f"{item.generator}.yaml"
    try:
        from zi_docs.documents.registry import all_kinds

        kind = all_kinds().get(item.generator)
        if kind is not None and kind.example_input:
            example = kind.example_input
    except ImportError:  # pragma: no cover - the registry ships with the package
        pass
    return f"zi-docs generate {item.generator} inputs/{example}"


def served_tags(document: Path) -> tuple[EvidenceTag, ...]:
    """What a generated document serves, read from its properties by the documents engine."""
    from zi_docs.documents.docprops import read_served

    return tuple(EvidenceTag(s.indicator, s.item) for s in read_served(document))


def render_docx(
    template_name: str,
    build: Callable[[Callable[[Path], object]], Mapping[str, Any]],
    dest: Path,
    page: PageSetup | None = None,
) -> Path:
    """Render a built-in template through the documents engine. ``build`` receives a function
    that turns a PNG path into an inline image (150 mm wide) and returns the context."""
    from zi_docs.documents.registry import builtin_template
    from zi_docs.documents.render import PreparedTemplate

    prepared = PreparedTemplate(builtin_template(template_name), page=page)
    context = build(lambda png: prepared.media.image(png, width_mm=150))
    return prepared.render_to(context, dest)
