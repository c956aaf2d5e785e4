"""Zip containers (DOCX, XLSX, bundles) checked before they are opened: no zip bombs.

The size limits elsewhere see the compressed file; what a container expands to is read from
its central directory here, before any member is decompressed.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

MAX_TOTAL = 1_000_000_000
"""Bytes all members of one office file may expand to."""
MAX_RATIO = 200
"""Largest uncompressed/compressed ratio of one member larger than :data:`RATIO_FROM`."""
RATIO_FROM = 10_000_000


def expansion_problem(members: Iterable[zipfile.ZipInfo], max_total: int = MAX_TOTAL) -> str | None:
    """An Indonesian phrase when the members would expand suspiciously, else None."""
    total = 0
    for member in members:
        size = member.file_size
        if size > RATIO_FROM and size > MAX_RATIO * max(member.compress_size, 1):
            return (
                f"bagian '{member.filename}' mengembang {size // max(member.compress_size, 1)} "
                "kali lipat saat dibuka (bom zip)"
            )
        total += size
        if total > max_total:
            return (
                f"isinya mengembang menjadi lebih dari {max_total // 1_000_000} MB saat dibuka "
                "(bom zip)"
            )
    return None


def file_problem(path: Path, max_total: int = MAX_TOTAL) -> str | None:
    """:func:`expansion_problem` of the zip file at ``path``; None when it is no readable zip
    (the reader that opens it next reports that in its own words)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return expansion_problem(archive.infolist(), max_total)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
