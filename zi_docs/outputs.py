"""Where zi-docs writes: make the folder of an output, or say plainly why it cannot."""

from __future__ import annotations

import errno
from pathlib import Path

from zi_docs.atomic import replacing, write_bytes_atomic
from zi_docs.errors import WorkspaceError


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
    becomes a :class:`WorkspaceError` naming the file; no ``*.tmp`` file is left behind, and
    one left by a writer that was killed is removed.
    """
    output_folder(dest.parent)
    try:
        with replacing(dest) as stream:
            stream.write(data)
    except OSError as exc:
        reason = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        raise WorkspaceError(
            f"{dest} tidak dapat ditulis: {reason}",
            hint="kosongkan ruang disk atau pilih folder keluaran lain (-o), lalu jalankan lagi",
        ) from None
    return dest


def write_text_atomic(target: Path, text: str) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``target`` all or nothing: a temporary
    file in the same folder, flushed and fsynced, then moved over ``target``."""
    output_folder(target.parent)
    write_bytes_atomic(target, text.encode("utf-8"))
    return target
