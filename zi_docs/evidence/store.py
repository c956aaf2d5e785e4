"""Content-addressed object store: ``objects/ab/<sha256>``, written atomically, never modified."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from zi_docs.evidence.objects_pass import TMP_PREFIX

CHUNK = 1 << 20


def hash_file(path: Path | str, chunk: int = CHUNK) -> tuple[str, int]:
    """SHA-256 (hex) and size of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb", buffering=0) as handle:
        # no bigger than the file: a 1 MiB zeroed buffer per small file cost more than its hash
        buffer = bytearray(max(1, min(chunk, os.fstat(handle.fileno()).st_size + 1)))
        view = memoryview(buffer)
        while True:
            count = handle.readinto(buffer)
            if not count:
                break
            digest.update(view[:count])
            size += count
    return digest.hexdigest(), size


class ObjectStore:
    """The ``objects/`` folder of an archive."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._base = str(root)

    def location(self, sha256: str) -> str:
        """Where the object ``sha256`` lives, as a plain string (cheap in bulk reads)."""
        return f"{self._base}/{sha256[:2]}/{sha256}"

    def path_for(self, sha256: str) -> Path:
        """Where the object ``sha256`` lives."""
        return Path(self.location(sha256))

    def put(self, source: Path, sha256: str) -> Path:
        """Copy ``source`` into the store under ``sha256`` atomically; re-hash while copying.

        The copy goes to a temporary file in the destination folder, is flushed and fsynced,
        then renamed over the final name, so the object either exists whole or not at all.
        Raises :class:`ValueError` when the bytes read differ from ``sha256`` (the source
        changed since it was hashed).
        """
        target = self.path_for(sha256)
        folder = target.parent
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"{TMP_PREFIX}{sha256[:16]}-{os.getpid()}"
        digest = hashlib.sha256()
        try:
            with source.open("rb") as src, tmp.open("wb") as dst:
                while True:
                    block = src.read(CHUNK)
                    if not block:
                        break
                    digest.update(block)
                    dst.write(block)
                dst.flush()
                os.fsync(dst.fileno())
            if digest.hexdigest() != sha256:
                raise ValueError(f"{source} berubah selama disalin")
            os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        _fsync_dir(folder)
        return target

    def any_object(self) -> bool:
        """True when at least one object is stored (a quick look, not a count)."""
        try:
            return any(
                entry.name[:2] == folder.name
                for folder in self.root.iterdir()
                if folder.is_dir()
                for entry in folder.iterdir()
            )
        except OSError:
            return False

    def remove(self, sha256: str) -> bool:
        """Delete an object (used only by empty-trash and recovery). True if it existed."""
        target = self.path_for(sha256)
        try:
            target.unlink()
        except FileNotFoundError:
            return False
        except PermissionError:
            # Windows refuses to delete a read-only file (stored objects are read-only)
            os.chmod(target, stat.S_IWRITE | stat.S_IREAD)
            target.unlink()
        _fsync_dir(target.parent)
        return True

    def remove_temporary(self, paths: Iterable[str]) -> int:
        """Remove these temporary files (found by a listing of the store); returns how many
        were still there."""
        removed = 0
        for path in paths:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
                removed += 1
        return removed

    def clean_temporary(self) -> int:
        """Remove temporary files left by an interrupted write; returns how many."""
        removed = 0
        if not self.root.is_dir():
            return 0
        # scandir and a prefix test: this runs before every write and every verify, over
        # every stored file (pathlib's glob matched each name against a pattern)
        for folder in os.scandir(self.root):
            if not folder.is_dir():
                continue
            with os.scandir(folder.path) as entries:
                for entry in entries:
                    if entry.name.startswith(TMP_PREFIX):
                        with contextlib.suppress(FileNotFoundError):
                            os.unlink(entry.path)
                            removed += 1
        return removed


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
