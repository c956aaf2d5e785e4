"""What a killed commit leaves in the index folder that the next commit trips over.

The engine names a segment's delete file after the segment and the commit's opstamp
(``SEGMENT.OPSTAMP.del``) and writes it before ``meta.json`` names it. A commit killed in
between leaves a file that no ``meta.json`` names; the next run, doing the same work, reaches
the same opstamp and cannot create its own file ("FileAlreadyExists"). Such a file holds
nothing any reader uses, so recovery removes it.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

log = logging.getLogger(__name__)

META = "meta.json"


def remove_stale_deletes(folder: Path) -> int:
    """Remove the delete files in ``folder`` that its ``meta.json`` does not name; returns how
    many. Call it only while holding the archive's writer lock (no commit in flight)."""
    try:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        named = {
            f"{segment['segment_id'].replace('-', '')}.{segment['deletes']['opstamp']}.del"
            for segment in meta.get("segments", [])
            if segment.get("deletes")
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return 0  # no index, or one the next open finds unusable and rebuilds
    removed = 0
    for path in folder.glob("*.del"):
        if path.name not in named:
            path.unlink(missing_ok=True)
            log.info("berkas hapus indeks yang tertinggal dihapus: %s", path.name)
            removed += 1
    return removed
