"""One pass over the archive's ``objects/`` folder: every stored object's size, the entries
in the wrong place, and the temporary files of an interrupted write. ``check`` and the quick
verify compare it with the catalogue's rows; recovery removes the temporary files it found."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from zi_docs.evidence.store import TMP_PREFIX


class ObjectListing(NamedTuple):
    """One pass over ``objects/*/``."""

    sizes: dict[str, int]
    """Size of every regular file in its place, by name."""
    odd: list[Path]
    """Entries in the wrong place (not in the folder of their first two characters, not a
    regular file)."""
    temporary: list[str]
    """Temporary files of a write in progress or interrupted (not in ``sizes``)."""


def list_objects(root: Path) -> ObjectListing:
    """One pass over ``objects/*/`` (see :class:`ObjectListing`).

    The size comes from the directory entry: free on Windows, one ``stat`` per object on
    POSIX (the one cost of the quick verify that grows with the files; a size change cannot
    be seen otherwise)."""
    listing = ObjectListing({}, [], [])
    sizes, odd, temporary = listing
    try:
        top = list(os.scandir(root))
    except FileNotFoundError:
        return listing
    for folder in top:
        if not folder.is_dir():
            odd.append(Path(folder.path))
            continue
        prefix = folder.name
        with os.scandir(folder.path) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith(TMP_PREFIX):
                    temporary.append(entry.path)
                # A name that is no digest lands in ``sizes`` too, and, being unknown to the
                # database, is reported as unexpected there (one check instead of two).
                elif name[:2] == prefix and entry.is_file():
                    sizes[name] = entry.stat().st_size
                else:
                    odd.append(Path(entry.path))
    return listing
