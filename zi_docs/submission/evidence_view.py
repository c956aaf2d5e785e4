"""The submission flow's read-only view of the evidence archive.

The archive package owns storage and its catalogue; this module only names the few facts
``check``, ``export`` and ``rekap`` need, as frozen values, so those stages do not depend on
the archive's internal tables (see :mod:`zi_docs.submission.adapters` for the one reader).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from zi_docs.findings import Finding


@dataclass(frozen=True)
class EvidenceTag:
    """One indicator (and optionally one checklist item) a file is tagged to."""

    indicator: str
    """The id as stored in the archive (normally a catalogue id; may be unknown)."""
    item: str | None = None
    """Checklist item key within that indicator, if the file was tagged to one."""


@dataclass(frozen=True)
class EvidenceFile:
    """One stored evidence file."""

    ref: str
    """The archive's own reference for the file (its id as ``archive show`` accepts it)."""
    sha256: str
    size: int
    name: str
    """Original file name (Unicode-normalised by the archive)."""
    location: str
    """Where the stored bytes are (a plain string: building 20,000 ``Path`` objects costs
    more than the rest of reading the catalogue; see :attr:`path`)."""
    tags: tuple[EvidenceTag, ...] = ()
    title: str | None = None
    doc_date: dt.date | None = None
    """The document's own date (not the date it was added)."""
    note: str | None = None
    kind: str = ""
    """Type detected from content (``pdf``), used when the name has no extension."""

    @property
    def path(self) -> Path:
        """Where the stored bytes are."""
        return Path(self.location)

    @property
    def label(self) -> str:
        """What a user recognises the file by: its title, else its original name."""
        return self.title or self.name

    @property
    def extension(self) -> str:
        """Lower-case extension with the dot (``.pdf``), or ``""``."""
        dot = self.name.rfind(".")
        if 0 < dot < len(self.name) - 1:
            return self.name[dot:].lower()
        return f".{self.kind}" if self.kind else ""

    @property
    def stem(self) -> str:
        """The original name without its extension."""
        dot = self.name.rfind(".")
        return self.name[:dot] if 0 < dot < len(self.name) - 1 else self.name


@dataclass(frozen=True)
class ArchiveView:
    """Everything the submission flow reads from one archive."""

    files: tuple[EvidenceFile, ...]
    integrity: tuple[Finding, ...] = ()
    """Findings of the archive's quick verification (sizes and counts)."""
