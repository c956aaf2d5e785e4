"""Closing the loop between generated documents and the archive.

- :func:`archive_generated`: a document made by ``zi-docs generate`` carries the indicators and
  checklist items it serves in its properties; store it in the archive tagged with them.
- :func:`tags_for_number`: a later signed scan of the document can be tagged the same way by
  its number (``archive add --sama-dengan NOMOR``), and :func:`numbers_in` finds candidate
  numbers in an ingested file's text for the automatic match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from zi_docs.errors import NotFoundError
from zi_docs.submission import adapters
from zi_docs.submission.evidence_view import EvidenceTag
from zi_docs.workspace import Workspace

_NUMBER = re.compile(r"\bNomor\s*:?\s*([0-9A-Za-z][0-9A-Za-z./\-]*[0-9A-Za-z])", re.IGNORECASE)
_MIN_LENGTH = 5
"""Shorter "numbers" (``1``, ``12``) would match almost any text."""


@dataclass(frozen=True)
class Archived:
    """A generated document stored in the archive."""

    path: Path
    tags: tuple[EvidenceTag, ...]
    added: bool
    """False when the same bytes were already in the archive (tags were still added)."""


def archive_generated(workspace: Workspace, document: Path) -> Archived:
    """Add a generated ``.docx`` to the archive tagged with what it serves."""
    tags = adapters.served_tags(document)
    if not tags:
        raise NotFoundError(
            f"{document.name} tidak memuat daftar indikator yang dilayaninya",
            hint="hanya dokumen buatan 'zi-docs generate' yang bisa diarsipkan otomatis; "
            "pakai 'zi-docs archive add BERKAS --indicator ID' untuk berkas lain",
        )
    added = adapters.add_to_archive(workspace, document, tags)
    return Archived(path=document, tags=tags, added=added)


def numbers_in(text: str) -> tuple[str, ...]:
    """Document numbers written as ``Nomor: 800/123/DPMPTSP/2026`` in a text, in order."""
    found: list[str] = []
    for match in _NUMBER.finditer(text):
        number = match.group(1)
        if (
            len(number) >= _MIN_LENGTH
            and any(c.isdigit() for c in number)
            and (number not in found)
        ):
            found.append(number)
    return tuple(found)


def tags_for_number(workspace: Workspace, number: str) -> tuple[EvidenceTag, ...]:
    """The tags of every archived, tagged file whose text contains ``number``."""
    needle = " ".join(number.split())
    if len(needle) < _MIN_LENGTH:
        raise NotFoundError(f"nomor '{number}' terlalu pendek untuk dicocokkan")
    tags: list[EvidenceTag] = []
    for tag in adapters.tags_of_texts_containing(workspace, needle):
        if tag not in tags:
            tags.append(tag)
    if not tags:
        raise NotFoundError(
            f"tidak ada berkas di arsip yang memuat nomor '{number}'",
            hint="arsipkan dulu dokumen aslinya dengan 'zi-docs generate ... --arsipkan'",
        )
    return tuple(tags)


def auto_tags(workspace: Workspace, text: str) -> tuple[EvidenceTag, ...]:
    """Tags for a newly ingested file whose text names the number of an archived document."""
    tags: list[EvidenceTag] = []
    for number in numbers_in(text):
        for tag in adapters.tags_of_texts_containing(workspace, number):
            if tag not in tags:
                tags.append(tag)
    return tuple(tags)
