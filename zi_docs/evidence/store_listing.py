"""One pass over the archive's ``objects/`` folder: every stored object's size, the entries
in the wrong place, and the temporary files of an interrupted write. ``check`` and the quick
verify compare it with the catalogue's rows; recovery removes the temporary files it found.

On POSIX a size costs one ``stat`` per object, most of it in the kernel (at 100,000 files
about half a second of ``check``), so :func:`start_listing` makes the pass in a child Python
(:mod:`~zi_docs.evidence.objects_pass` as its script) while the caller reads the catalogue."""

from __future__ import annotations

import logging
import marshal
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from zi_docs.evidence import objects_pass
from zi_docs.evidence.objects_pass import TMP_PREFIX
from zi_docs.evidence.places import DB_FILE, OBJECTS_DIR

if TYPE_CHECKING:
    import subprocess

    from zi_docs.evidence.db.recorded_sizes import Matched

__all__ = [
    "TMP_PREFIX",
    "ObjectListing",
    "PendingListing",
    "list_objects",
    "start_archive_listing",
    "start_listing",
]

log = logging.getLogger(__name__)


class ObjectListing(NamedTuple):
    """One pass over ``objects/*/``."""

    sizes: dict[str, int]
    """Size of every regular file in its place, by name."""
    odd: list[Path]
    """Entries in the wrong place (not in the folder of their first two characters, not a
    regular file)."""
    temporary: list[str]
    """Temporary files of a write in progress or interrupted (not in ``sizes``)."""
    matched: Matched | None = None
    """Set by a child given the catalogue that found it recording every listed object with
    its size and no other: the (rows, bytes) it read; ``sizes`` is then left empty (see
    :mod:`~zi_docs.evidence.db.recorded_sizes`)."""


def list_objects(root: Path, *, sizes: bool = True) -> ObjectListing:
    """One pass over ``objects/*/`` (see :class:`ObjectListing` and
    :func:`~zi_docs.evidence.objects_pass.walk`); without ``sizes`` (the full verify reads
    every file anyway) each size is -1 and no object is looked at beyond its directory
    entry."""
    found, odd, temporary = objects_pass.walk(str(root), sizes=sizes)
    return ObjectListing(found, [Path(p) for p in odd], temporary)


class PendingListing:
    """The listing of one ``objects/`` folder, made by a child process started at once
    (where a size costs a ``stat``) or in this process when :meth:`result` is asked."""

    def __init__(self, root: Path, child: subprocess.Popen[bytes] | None) -> None:
        self._root = root
        self._child = child

    def result(self) -> ObjectListing:
        """The listing: the child's, or (no child, or it failed) one made here and now."""
        child, self._child = self._child, None
        if child is not None:
            out, err = child.communicate()
            if child.returncode == 0:
                try:
                    sizes, odd, temporary, matched = marshal.loads(out)
                    return ObjectListing(
                        sizes, [Path(p) for p in odd], temporary, _matched(matched)
                    )
                except (EOFError, ValueError, TypeError):
                    pass
            log.debug("daftar objek dari proses anak gagal (%s): %s", child.returncode, err)
        return list_objects(self._root)

    def close(self) -> None:
        """Stop the child if its listing was never asked for."""
        child, self._child = self._child, None
        if child is not None:
            child.kill()
            child.communicate()


CHILD_FROM = 50_000
"""Objects from which the listing is made in a child. A bare Python starts in the time of
about 10,000 ``stat`` calls, but the child gains only when a core is free: on a 2-core
machine at load 1.8 it made ``check`` of 20,000 files a little slower, while at 100,000
files the listing it takes off ``check``'s path is half a second."""


def _matched(value: object) -> Matched | None:
    if isinstance(value, tuple) and len(value) == 2 and all(type(v) is int for v in value):
        return value[0], value[1]
    return None


def start_listing(root: Path, catalogue: Path | None = None) -> PendingListing:
    """Begin listing ``root`` (see :func:`list_objects`) beside this process: a child Python
    running :mod:`~zi_docs.evidence.objects_pass`, when a size costs a ``stat`` (POSIX), the
    folder holds about :data:`CHILD_FROM` objects or more, and this Python can be run again
    as itself (not a frozen program); else the listing is made on :meth:`result`. Given the
    ``catalogue``, the child also compares its listing with it (see
    :attr:`ObjectListing.matched`)."""
    script = Path(objects_pass.__file__)
    if (
        os.stat not in os.supports_dir_fd
        or getattr(sys, "frozen", False)
        or not sys.executable
        or script.suffix != ".py"
        or _about(root) < CHILD_FROM
    ):
        return PendingListing(root, None)
    import subprocess  # only here: a small archive's check does not load it

    try:
        # -I: no environment, no user site, not the script's folder on the path (this
        # package has modules named like the standard library's); -S: no site packages
        compare = [catalogue.resolve().as_uri(), str(_COMPARE)] if catalogue else []
        child = subprocess.Popen(
            [sys.executable, "-I", "-S", str(script), str(root), *compare],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as exc:
        log.debug("proses anak untuk daftar objek tidak dapat dimulai: %s", exc)
        return PendingListing(root, None)
    return PendingListing(root, child)


_COMPARE = Path(__file__).with_name("db")
"""Where the child finds the modules it compares its listing with the catalogue by
(``recorded_sizes`` and ``engine``, loaded by their locations: the package is not imported
here, so that ``check`` starts the child before loading it)."""


def start_archive_listing(archive_dir: Path) -> PendingListing:
    """:func:`start_listing` of an archive folder's objects, compared with its catalogue."""
    return start_listing(archive_dir / OBJECTS_DIR, archive_dir / DB_FILE)


def _about(root: Path) -> int:
    """About how many objects ``root`` holds: its first folder's entries times its folders
    (digests spread evenly over the folders of their first two characters)."""
    try:
        folders = os.listdir(root)
        return len(os.listdir(root / folders[0])) * len(folders) if folders else 0
    except OSError:  # not there, or the first entry is no folder: the listing will tell
        return 0
