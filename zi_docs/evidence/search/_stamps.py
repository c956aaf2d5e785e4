"""Each entry's stamp, kept beside the index so that ``verify`` reads them without the texts.

``ZI_STAMPS`` holds the engine's commit number (opstamp) on its first line, then one
``sha256<TAB>stamp`` line per entry. It is written (temp + fsync + replace) after every
commit; when its commit number is not the index's (a crash came between the two), the
stamps are read from the index's stored entries instead, which is slower but always right.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

STAMPS_FILE = "ZI_STAMPS"
META_FILE = "meta.json"
"""The engine's own file naming the committed segments and the commit number."""


def committed_opstamp(folder: Path) -> int | None:
    """The commit number in the engine's ``meta.json`` (None when unreadable)."""
    try:
        meta = json.loads((folder / META_FILE).read_bytes())
        return int(meta["opstamp"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read(folder: Path) -> dict[str, str] | None:
    """sha256 -> stamp, or None when the file is missing or belongs to another commit."""
    try:
        raw = (folder / STAMPS_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    head, _, body = raw.partition("\n")
    if not head.startswith("opstamp ") or head[8:] != str(committed_opstamp(folder)):
        return None
    stamps: dict[str, str] = {}
    for line in body.splitlines():
        sha, _, stamp = line.partition("\t")
        stamps[sha] = stamp
    return stamps


def write(folder: Path, opstamp: int, stamps: dict[str, str]) -> None:
    """Replace the file atomically."""
    text = f"opstamp {opstamp}\n" + "".join(f"{sha}\t{s}\n" for sha, s in sorted(stamps.items()))
    temp = folder / f".{STAMPS_FILE}.{os.getpid()}.tmp"
    with open(temp, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, folder / STAMPS_FILE)
