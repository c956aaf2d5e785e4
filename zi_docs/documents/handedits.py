"""Hand edits are never lost: a ``.docx`` is overwritten only when it was written by this tool
and nobody has changed it since.

Each output folder keeps ``.zi-docs-dokumen.json`` with the SHA-256 of every document
zi-docs wrote there. Before a document is written again its current bytes are compared with
that record; a file changed by hand (or not written by zi-docs) is refused, all of them at
once, unless the caller asks to overwrite: then each is first copied to a dated backup
beside it (``sk-tim.cadangan-2026-12-01-0915.docx``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Sequence
from pathlib import Path

from zi_docs.atomic import write_text_atomic
from zi_docs.errors import ZiError

MANIFEST = ".zi-docs-dokumen.json"


class HandEditedError(ZiError):
    """Documents about to be overwritten were changed since zi-docs wrote them."""

    def __init__(self, message: str, paths: Sequence[Path], *, hint: str) -> None:
        super().__init__(message, hint=hint)
        self.paths = tuple(paths)


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _records(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def changed_by_hand(targets: Sequence[Path]) -> list[Path]:
    """The existing ``targets`` whose bytes differ from what zi-docs last wrote there."""
    changed = []
    for target in targets:
        if target.is_file() and _records(target.parent).get(target.name) != _digest(target):
            changed.append(target)
    return changed


def backup_name(target: Path, now: dt.datetime) -> Path:
    """``sk-tim.docx`` -> ``sk-tim.cadangan-2026-12-01-0915.docx`` (a number added if taken)."""
    stem = f"{target.stem}.cadangan-{now:%Y-%m-%d-%H%M}"
    candidate = target.with_name(stem + target.suffix)
    number = 2
    while candidate.exists():
        candidate = target.with_name(f"{stem}-{number}{target.suffix}")
        number += 1
    return candidate


def guard(
    targets: Sequence[Path], *, overwrite: bool, now: dt.datetime, shown: Sequence[str]
) -> tuple[Path, ...]:
    """Refuse to overwrite documents changed by hand, or (``overwrite``) back them up first.

    ``shown`` are the targets as the user reads them. Returns the backups made.
    """
    changed = changed_by_hand(targets)
    if not changed:
        return ()
    if not overwrite:
        names = [shown[list(targets).index(p)] for p in changed]
        raise HandEditedError(
            "dokumen berikut sudah diubah sejak dibuat zi-docs (atau bukan buatan zi-docs) dan "
            "tidak ditimpa: " + ", ".join(names),
            changed,
            hint="simpan perubahan Anda ke isian YAML-nya, atau jalankan lagi dengan --timpa "
            "(salinan bertanggal berkas lama disimpan di sebelahnya)",
        )
    backups = []
    for target in changed:
        backup = backup_name(target, now)
        shutil.copy2(target, backup)
        backups.append(backup)
    return tuple(backups)


def record(written: Sequence[Path]) -> None:
    """Remember the SHA-256 of each document just written, per folder."""
    by_folder: dict[Path, list[Path]] = {}
    for path in written:
        by_folder.setdefault(path.parent, []).append(path)
    for folder, paths in by_folder.items():
        records = _records(folder)
        records.update({p.name: _digest(p) for p in paths})
        write_text_atomic(
            folder / MANIFEST, json.dumps(records, indent=1, sort_keys=True, ensure_ascii=False)
        )
