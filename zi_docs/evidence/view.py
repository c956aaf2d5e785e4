"""The read-only view of an archive that ``check``, ``export`` and ``rekap`` read: every live
file with its tags (:class:`~zi_docs.evidence.records.EvidenceFile`) and the integrity
findings that go with them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from zi_docs.bulk import collector_paused
from zi_docs.evidence import db
from zi_docs.evidence.archive import Archive
from zi_docs.evidence.db.readonly import RowSource
from zi_docs.evidence.places import OBJECTS_DIR
from zi_docs.evidence.records import ArchiveView, EvidenceFile
from zi_docs.evidence.store import ObjectStore
from zi_docs.evidence.store_listing import PendingListing, start_listing
from zi_docs.evidence.verify import VerifyReport, verify_with_rows
from zi_docs.findings import Finding
from zi_docs.workspace import Workspace


def read_view(workspace: Workspace, *, read_only: bool = False) -> ArchiveView:
    """Every live (not trashed) archive file with its tags, read without opening the archive
    for writing: reading never creates, upgrades or re-indexes anything.

    Integrity comes from the archive's quick verification, or with ``read_only`` (rekap over
    other units' workspaces) from :func:`sizes_only`, which writes nothing."""
    with open_view(workspace, read_only=read_only) as view:
        return view


@contextmanager
def open_view(
    workspace: Workspace, *, read_only: bool = False, listing: PendingListing | None = None
) -> Iterator[ArchiveView]:
    """:func:`read_view` for a caller with more to do meanwhile: inside the block the view's
    files are read while the objects folder is still being listed (in a child process, see
    :func:`~zi_docs.evidence.store_listing.start_listing`), and its :attr:`integrity` waits
    for that listing when first read; at the end of the block the view is complete.

    ``listing`` is that listing when the caller started it already
    (:func:`~zi_docs.evidence.store_listing.start_archive_listing`, at its very start); the
    view stops it when done, or at once when it is not used."""
    if listing is not None and read_only:
        listing.close()  # a read-only view lists nothing
        listing = None
    path = workspace.archive_dir / db.DB_FILE
    store = ObjectStore(workspace.archive_dir / OBJECTS_DIR)
    if not path.is_file() or path.stat().st_size == 0:
        if listing is not None:
            listing.close()
        if path.is_dir() or store.any_object():
            db.ArchiveDb(path, store).close()  # refuses, saying why: never "0 berkas" silently
        yield ArchiveView(files=())
        return
    with collector_paused():  # one value per stored file, no cycles (see zi_docs.bulk)
        if read_only:
            files = db.live_files(path, store)
            yield ArchiveView(files=files, integrity=sizes_only(files))
            return
        # the archive's own checks first (damaged, foreign, newer database); then one read of
        # the catalogue and one listing of the objects serve both the quick verify and the view
        listing = listing or start_listing(store.root, path)
        try:
            with Archive.open(workspace) as archive:
                rows = archive.db.view_rows()

                def verified() -> tuple[Finding, ...]:
                    return integrity(verify_with_rows(archive, rows, listing.result()))

                view = ArchiveView(source=RowSource(rows, store), integrity=verified)
                yield view
                view.integrity  # noqa: B018 - complete before the archive closes
        finally:
            listing.close()


def integrity(report: VerifyReport) -> tuple[Finding, ...]:
    """The findings of ``archive verify --cepat``, codes prefixed ``integritas-``."""
    return tuple(replace(f, code=f"integritas-{f.code}") for f in report.findings)


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
                    code="integritas-hilang",
                )
            )
            continue
        if size != file.size:
            found.append(
                Finding(
                    f"ukuran berkas tersimpan {file.name} berubah ({file.size} -> {size} bita); "
                    "jalankan 'zi-docs archive verify' di ruang kerja itu",
                    file=file.name,
                    code="integritas-ukuran",
                )
            )
    return tuple(found)
