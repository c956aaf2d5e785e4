"""Where zi-docs writes: make the folder of an output, or say plainly why it cannot."""

from __future__ import annotations

from pathlib import Path

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
