"""Atomic writes: a temporary file beside the target, fsync, then ``os.replace``.

Whoever reads the target sees the old content or the new one, never half of it.

Every temporary file is named ``.NAME.PID-TOKEN.tmp``: the process id tells a file left by a
killed writer (its process is gone) from one being written now, so the next write of the same
target removes the first kind and never touches the second; the random token keeps two threads
of one process (the web server) apart.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from zi_docs.processes import pid_alive


def temp_name(target: Path) -> Path:
    """A fresh temporary path beside ``target``, named for this process."""
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def clean_leftovers(target: Path) -> None:
    """Remove temporary files of ``target`` whose writer no longer runs."""
    prefix = f".{target.name}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        owner = name[len(prefix) : -4].split("-", 1)[0]
        if owner.isdigit() and not pid_alive(int(owner)):
            with contextlib.suppress(OSError):
                (target.parent / name).unlink()


@contextlib.contextmanager
def replacing(target: Path, *, durable: bool = True) -> Iterator[BinaryIO]:
    """Open a temporary file for ``target``; on a clean exit it is fsynced and moved over
    ``target``, on any error it is removed and ``target`` is untouched.

    ``durable=False`` is for derived data that is made again when lost (a cache): no fsync,
    so after a power cut the file may be gone or cut short, and its reader must tell (while
    the system runs, a reader still sees the old file or the whole new one)."""
    clean_leftovers(target)
    tmp = temp_name(target)
    try:
        with tmp.open("xb") as stream:
            yield stream
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_bytes_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically (parents must exist; ``durable``: see
    :func:`replacing`)."""
    with replacing(path, durable=durable) as stream:
        stream.write(data)


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically, with ``\\n`` line ends on every system."""
    write_bytes_atomic(path, text.encode("utf-8"))


def copy_atomic(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` atomically, keeping its modification time."""
    clean_leftovers(target)
    tmp = temp_name(target)
    try:
        with tmp.open("xb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        shutil.copystat(source, tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
