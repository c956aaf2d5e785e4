"""Opening the index for reading when its folder cannot be written.

The engine takes a lock file inside the index folder even to read it, which fails on a
read-only mount or a folder without write permission (a backup copy, a shared archive). Such
an index is read from a private copy made once per commit of the original and removed when
the process ends; writing still needs the real folder.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import tantivy

log = logging.getLogger(__name__)

_copies: dict[Path, tuple[tuple[int, int], Path]] = {}
"""Original folder -> (its meta.json mtime and size when copied, the copy)."""


def open_index(path: Path) -> Any:
    """The engine's index at ``path``, read from a private copy when ``path`` is read-only."""
    if os.access(path, os.W_OK):
        return tantivy.Index.open(str(path))
    meta = (path / "meta.json").stat()
    version = (meta.st_mtime_ns, meta.st_size)
    known = _copies.get(path)
    if known is None or known[0] != version or not known[1].is_dir():
        if known is not None:
            shutil.rmtree(known[1], ignore_errors=True)
        copy = Path(tempfile.mkdtemp(prefix="zi-docs-indeks-")) / "index"
        shutil.copytree(path, copy, ignore=shutil.ignore_patterns(".tantivy-*.lock"))
        for entry in copy.iterdir():
            entry.chmod(0o600)
        copy.chmod(0o700)
        if not _copies:
            atexit.register(_remove_copies)
        _copies[path] = (version, copy)
        log.info("indeks pencarian %s hanya-baca; dibaca dari salinan %s", path, copy)
    return tantivy.Index.open(str(_copies[path][1]))


def _remove_copies() -> None:
    for _, copy in _copies.values():
        shutil.rmtree(copy.parent, ignore_errors=True)
    _copies.clear()
