"""The pass over an archive's ``objects/`` folder behind
:func:`~zi_docs.evidence.store_listing.list_objects`, in plain values (strings, a dict), and
the script of the child Python that :func:`~zi_docs.evidence.store_listing.start_listing`
runs it in: this module imports nothing beyond the few standard modules a bare interpreter
has loaded, so the child starts in a few milliseconds. Given the catalogue, the child also
compares the pass with it (:mod:`zi_docs.evidence.db.recorded_sizes`)."""

from __future__ import annotations

import marshal
import os
import sys
from stat import S_ISREG
from types import ModuleType

TMP_PREFIX = ".tmp-"
"""How the name of an object being written starts (``objects/ab/.tmp-...``)."""

Found = tuple[dict[str, int], list[str], list[str]]
"""(size by name of every regular file in its place, paths of the entries in the wrong
place, paths of the temporary files)."""


def walk(root: str, *, sizes: bool = True) -> Found:
    """One pass over ``root/*/`` (see :class:`~zi_docs.evidence.store_listing.ObjectListing`).

    The size of an object costs one ``stat`` on POSIX (the one cost of the quick verify that
    grows with the files; a size change cannot be seen otherwise), made relative to its open
    folder so the kernel does not walk the whole path again; on Windows the directory entry
    carries it for free. Without ``sizes`` each size is -1 and no object is looked at beyond
    its directory entry, which tells a regular file apart on the usual file systems."""
    found: Found = ({}, [], [])
    try:
        top = list(os.scandir(root))
    except FileNotFoundError:
        return found
    if not sizes:
        list_folder = _list_names
    elif os.stat in os.supports_dir_fd:
        list_folder = _list_folder_at
    else:
        list_folder = _list_folder
    for folder in top:
        if folder.is_dir():
            list_folder(folder.path, folder.name, found)
        else:
            found[1].append(folder.path)
    return found


def _list_folder_at(path: str, prefix: str, found: Found) -> None:
    """One folder ``objects/PREFIX``, each entry looked at relative to the open folder."""
    sizes, odd, temporary = found
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
                odd.append(os.path.join(path, name))
    finally:
        os.close(folder)


def _exists_at(name: str, folder: int) -> bool:
    """The entry is there (maybe a dangling link), not removed since the folder was listed."""
    try:
        os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def _list_folder(path: str, prefix: str, found: Found) -> None:
    """One folder ``objects/PREFIX`` where the directory entry carries the size (Windows)."""
    _scan_folder(path, prefix, found, sized=True)


def _list_names(path: str, prefix: str, found: Found) -> None:
    """One folder ``objects/PREFIX`` without sizes (each -1): a ``stat`` only for an entry
    whose directory entry does not tell whether it is a regular file (a link, say)."""
    _scan_folder(path, prefix, found, sized=False)


def _scan_folder(path: str, prefix: str, found: Found, *, sized: bool) -> None:
    sizes, odd, temporary = found
    with os.scandir(path) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(TMP_PREFIX):
                temporary.append(entry.path)
            elif name[:2] == prefix and entry.is_file():
                sizes[name] = entry.stat().st_size if sized else -1
            else:
                odd.append(entry.path)


def _child(
    root: str, catalogue: str | None, compare: str | None
) -> tuple[dict[str, int], list[str], list[str], tuple[int, int] | None]:
    """What the child of ``start_listing`` sends: the pass and None, or, when a catalogue is
    named and agrees with the pass (the common case), the pass without its sizes and the
    catalogue's (rows, bytes) it agrees with. ``compare`` is the folder of
    :mod:`zi_docs.evidence.db`, whose ``recorded_sizes`` and ``engine`` files are loaded by
    their locations (the package is not on this Python's path)."""
    sizes, odd, temporary = walk(root)
    same = None
    if catalogue and compare:
        recorded, engine = _loaded(compare, "recorded_sizes"), _loaded(compare, "engine")
        if recorded is not None and engine is not None:
            same = recorded.matched(sizes, catalogue, engine)  # (rows, bytes) or None
    return ({} if same else sizes, odd, temporary, same)


def _loaded(folder: str, name: str) -> ModuleType | None:
    """The module in ``folder/name.py``, loaded by its location (None when it is not there)."""
    from importlib.util import module_from_spec, spec_from_file_location

    spec = spec_from_file_location(name, os.path.join(folder, f"{name}.py"))
    if spec is None or spec.loader is None:
        return None
    module = module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except OSError:
        return None
    return module


if __name__ == "__main__":  # the child of store_listing.start_listing: the pass, marshalled
    sys.stdout.buffer.write(marshal.dumps(_child(sys.argv[1], *(sys.argv[2:4] or (None, None)))))
