"""Where zi-docs writes: make the folder of an output, or say plainly why it cannot."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from zi_docs.errors import WorkspaceError
from zi_docs.processes import pid_alive


def output_folder(folder: Path) -> Path:
    """Create ``folder`` and its parents for something zi-docs writes; returns ``folder``.

    Raises :class:`WorkspaceError` naming the culprit when a part of the path is a file or the
    folder cannot be created (no permission, read-only disk), instead of an OS traceback.
    """
    blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise WorkspaceError(
            f"{blocker} adalah berkas, bukan folder; keluaran tidak dapat ditulis di dalamnya",
            hint="pilih jalur keluaran lain, atau ganti nama berkas itu",
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(
            f"folder {folder} tidak dapat dibuat ({exc.strerror or exc})",
            hint="periksa izin tulis folder itu, atau pilih jalur keluaran lain",
        ) from None
    return folder


_REASONS = {
    errno.ENOSPC: "ruang disk penuh",
    errno.EDQUOT: "jatah ruang disk habis",
    errno.EROFS: "disk hanya dapat dibaca",
    errno.EACCES: "tidak ada izin tulis",
    errno.EPERM: "tidak ada izin tulis",
    errno.ENOENT: "foldernya tidak dapat ditulisi",
    errno.EISDIR: "sudah ada folder dengan nama itu",
}


def write_output(dest: Path, data: bytes) -> Path:
    """Write ``dest`` whole or not at all (temporary file, fsync, rename).

    Any refusal of the computer (disk full, read-only, a special folder such as ``/proc``)
    becomes a :class:`WorkspaceError` naming the file; no ``*.tmp`` file is left behind.
    """
    output_folder(dest.parent)
    _clean_leftovers(dest)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        reason = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        raise WorkspaceError(
            f"{dest} tidak dapat ditulis: {reason}",
            hint="kosongkan ruang disk atau pilih folder keluaran lain (-o), lalu jalankan lagi",
        ) from None
    return dest


def _clean_leftovers(dest: Path) -> None:
    """Remove temporary files of ``dest`` left by a writer that was killed."""
    for leftover in dest.parent.glob(f".{dest.name}.*.tmp"):
        pid = leftover.name[len(dest.name) + 2 : -4]
        if pid.isdigit() and not pid_alive(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def write_text_atomic(target: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``target`` all or nothing: a temporary file in the same
    folder, flushed and fsynced, then moved over ``target`` with ``os.replace``."""
    import os
    import tempfile

    output_folder(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
