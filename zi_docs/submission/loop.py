"""Closing the loop between generated documents and the archive.

- :func:`archive_generated` / :func:`archive_outputs`: a document made by ``zi-docs generate``
  carries the indicators and checklist items it serves in its properties; store it (or the PDF
  made from it) in the archive tagged with them (``generate --arsipkan``).
- :func:`tags_for_number`: a later signed scan of the document can be tagged the same way by
  its number (``archive add --sama-dengan NOMOR``), and :func:`numbers_in` finds candidate
  numbers in an ingested file's text for the automatic match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from zi_docs.errors import NotFoundError
from zi_docs.submission import adapters
from zi_docs.submission.evidence_view import EvidenceTag
from zi_docs.workspace import Workspace

_MIN_LENGTH = 5
"""Shorter "numbers" (``1``, ``12``) would match almost any text."""


@dataclass(frozen=True)
class Archived:
    """A generated document stored in the archive."""

    path: Path
    tags: tuple[EvidenceTag, ...]
    added: bool
    """False when the same bytes were already in the archive (tags were still added)."""


def archive_generated(
    workspace: Workspace, document: Path, *, tags_from: Path | None = None
) -> Archived:
    """Add a generated document to the archive tagged with what it serves, read from the
    properties of the ``.docx`` (``tags_from``: the ``.docx`` a PDF was made from)."""
    source = tags_from or document
    tags = adapters.served_tags(source)
    if not tags:
        raise NotFoundError(
            f"{source.name} tidak memuat daftar indikator yang dilayaninya",
            hint="hanya dokumen buatan 'zi-docs generate' yang bisa diarsipkan otomatis; "
            "pakai 'zi-docs archive add BERKAS --indikator ID' untuk berkas lain",
        )
    added = adapters.add_to_archive(workspace, document, tags)
    return Archived(path=document, tags=tags, added=added)


def archive_outputs(
    workspace: Workspace, documents: Sequence[Path], pdfs: Sequence[Path] = ()
) -> tuple[Archived, ...]:
    """``generate --arsipkan``: archive each PDF when one was made for every document (the
    form that gets signed and submitted), tagged from its ``.docx``; otherwise the ``.docx``."""
    if pdfs and len(pdfs) == len(documents):
        return tuple(
            archive_generated(workspace, pdf, tags_from=doc)
            for doc, pdf in zip(documents, pdfs, strict=True)
        )
    return tuple(archive_generated(workspace, doc) for doc in documents)


def numbers_in(text: str) -> tuple[str, ...]:
    """Document numbers written as ``Nomor: 800/123/DPMPTSP/2026`` in a text, in order."""
    return adapters.document_numbers(text)


def tags_for_number(workspace: Workspace, number: str) -> tuple[EvidenceTag, ...]:
    """The tags of the archived document numbered ``number`` (its own number), else of every
    archived, tagged file whose text contains it. The same rule as ``archive add
    --sama-dengan``; read-only."""
    if len(" ".join(number.split())) < _MIN_LENGTH:
        raise NotFoundError(
            f"nomor '{number}' terlalu pendek untuk dicocokkan",
            hint=f"tulis nomor dokumen selengkapnya (paling sedikit {_MIN_LENGTH} karakter)",
        )
    tags = adapters.tags_for_number(workspace, number)
    if not tags:
        raise NotFoundError(
            f"tidak ada berkas di arsip yang memuat nomor '{number}'",
            hint="arsipkan dulu dokumen aslinya dengan 'zi-docs generate ... --arsipkan'",
        )
    return tags


def auto_tags(workspace: Workspace, text: str) -> tuple[EvidenceTag, ...]:
    """Tags for a newly ingested file whose own number (the first in its text) is that of an
    archived document — what ``archive add`` does by itself at ingest."""
    numbers = numbers_in(text)
    return adapters.tags_for_number(workspace, numbers[0]) if numbers else ()
