"""The one place the archive calls the text-extraction module.

Keeps the archive independent of how extraction reports its results: the rest of the
archive sees only :class:`ExtractedText`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from zi_docs.evidence import extract as engine
from zi_docs.evidence.sniff import FileType

OCR_CACHE = Path("cache") / "ocr"
"""OCR results by SHA-256, relative to the archive folder (never committed, never verified)."""


@dataclass(frozen=True)
class ExtractedText:
    """What the archive keeps from text extraction."""

    text: str
    status: str
    pages: int | None = None
    meta_date: dt.date | None = None
    problem: str | None = None
    """Set when the file must be rejected (corrupt or password-protected): what to do."""
    problem_code: str | None = None
    """``corrupt`` or ``encrypted``."""


def extract(path: Path, ftype: FileType, sha256: str, ocr_cache: Path | None) -> ExtractedText:
    """Text, status, page count and metadata date of one file; never raises for bad input."""
    result = engine.extract(path, ftype.kind, sha256=sha256, ocr_cache=ocr_cache)
    if result.failure is not None:
        return ExtractedText(
            "", result.status, problem=result.error or "berkas rusak", problem_code=result.failure
        )
    return ExtractedText(
        text=result.text, status=result.status, pages=result.page_count, meta_date=result.date
    )
