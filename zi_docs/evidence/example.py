"""The example evidence archive of the demo workspace: install it into a workspace."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

from zi_docs.errors import WorkspaceError
from zi_docs.evidence.db import DB_FILE as CATALOG_FILE
from zi_docs.evidence.places import OBJECTS_DIR
from zi_docs.resources import EXAMPLE_ARCHIVE, resource
from zi_docs.workspace import Workspace


def install_example_archive(workspace: Workspace, source: Path | None = None) -> int:
    """Copy the bundled example archive into the workspace's empty ``archive/``.

    Returns the number of stored files copied. Stored files are made read-only; the search
    index is not copied (it is rebuilt from the database on first use).
    """
    source = source or resource(EXAMPLE_ARCHIVE)
    if not (source / CATALOG_FILE).is_file():
        raise WorkspaceError(
            f"arsip contoh tidak ditemukan di {source}", hint="pasang ulang zi-docs"
        )
    target = workspace.archive_dir
    if (target / CATALOG_FILE).exists() or (target / OBJECTS_DIR).exists():
        raise WorkspaceError(
            f"{target} sudah berisi arsip; arsip contoh tidak disalin",
            hint="pakai ruang kerja baru untuk contoh",
        )
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / CATALOG_FILE, target / CATALOG_FILE)
    shutil.copytree(source / OBJECTS_DIR, target / OBJECTS_DIR)
    copied = 0
    for path in (target / OBJECTS_DIR).glob("*/*"):
        path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        copied += 1
    return copied
