"""One pass over the archive's ``objects/`` folder: every stored object's size, the entries
in the wrong place, and the temporary files of an interrupted write. ``check`` and the quick
verify compare it with the catalogue's rows; recovery removes the temporary files it found."""

from __future__ import annotations

import os
from pathlib import Path
from stat import S_ISREG
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


def list_objects(root: Path, *, sizes: bool = True) -> ObjectListing:
    """One pass over ``objects/*/`` (see :class:`ObjectListing`).

    The size of an object costs one ``stat`` on POSIX (the one cost of the quick verify that
    grows with the files; a size change cannot be seen otherwise), made relative to its open
    folder so the kernel does not walk the whole path again; on Windows the directory entry
    carries it for free. Without ``sizes`` (the full verify reads every file anyway) each
    size is -1 and no object is looked at beyond its directory entry, which tells a regular
    file apart on the usual file systems."""
    listing = ObjectListing({}, [], [])
    try:
        top = list(os.scandir(root))
    except FileNotFoundError:
        return listing
    if not sizes:
        list_folder = _list_names
    elif os.stat in os.supports_dir_fd:
        list_folder = _list_folder_at
    else:
        list_folder = _list_folder
    for folder in top:
        if folder.is_dir():
            list_folder(folder.path, folder.name, listing)
        else:
            listing.odd.append(Path(folder.path))
    return listing


def _list_folder_at(path: str, prefix: str, listing: ObjectListing) -> None:
    """One folder ``objects/PREFIX``, each entry looked at relative to the open folder."""
    sizes, odd, temporary = listing
    folder = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for name in os.listdir(folder):
            if name.startswith(TMP_PREFIX):
                temporary.append(os.path.join(path, name))
                continue
            # A name that is no digest lands in ``sizes`` too, and, being unknown to the
            # database, is reported as unexpected there (one check instead of two).
            if name[:2] == prefix:
                try:
                    info = os.stat(name, dir_fd=folder)  # through a link, as is_file() looks
                except FileNotFoundError:
                    pass  # a dangling link, or removed since the folder was listed
                else:
                    if S_ISREG(info.st_mode):
                        sizes[name] = info.st_size
                        continue
            if _exists_at(name, folder):
                odd.append(Path(path, name))
    finally:
        os.close(folder)


def _exists_at(name: str, folder: int) -> bool:
    """The entry is there (maybe a dangling link), not removed since the folder was listed."""
    try:
        os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def _list_folder(path: str, prefix: str, listing: ObjectListing) -> None:
    """One folder ``objects/PREFIX`` where the directory entry carries the size (Windows)."""
    sizes, odd, temporary = listing
    with os.scandir(path) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(TMP_PREFIX):
                temporary.append(entry.path)
            elif name[:2] == prefix and entry.is_file():
                sizes[name] = entry.stat().st_size
            else:
                odd.append(Path(entry.path))


def _list_names(path: str, prefix: str, listing: ObjectListing) -> None:
    """One folder ``objects/PREFIX`` without sizes (each -1): a ``stat`` only for an entry
    whose directory entry does not tell whether it is a regular file (a link, say)."""
    sizes, odd, temporary = listing
    with os.scandir(path) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(TMP_PREFIX):
                temporary.append(entry.path)
            elif name[:2] == prefix and entry.is_file():
                sizes[name] = -1
            else:
                odd.append(Path(entry.path))
