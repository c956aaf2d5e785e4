"""``generate --arsipkan``: store what was just made in the evidence archive, tagged with the
indicators and checklist items it serves (which the documents flow already holds).

A later signed scan of the document is tagged the same way by the archive itself, from the
document number at its head (``archive add``, or ``--sama-dengan NOMOR``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zi_docs.documents.generation import GenerateResult
from zi_docs.errors import NotFoundError, WorkspaceError
from zi_docs.evidence import add_files
from zi_docs.refs import IndicatorRef
from zi_docs.workspace import Workspace


@dataclass(frozen=True)
class Archived:
    """A generated document stored in the archive."""

    path: Path
    tags: tuple[IndicatorRef, ...]
    added: bool
    """False when the same bytes were already in the archive (tags were still added)."""


def archive_generated(workspace: Workspace, result: GenerateResult) -> tuple[Archived, ...]:
    """Archive each PDF when one was made for every document (the form that gets signed and
    submitted), otherwise each ``.docx``, tagged with what the documents serve."""
    if not result.served:
        raise NotFoundError(
            f"dokumen {result.kind} tidak tercatat sebagai bukti indikator tertentu",
            hint="tambahkan dengan 'zi-docs archive add BERKAS --indicator ID'",
        )
    pdfs = result.pdfs and len(result.pdfs) == len(result.documents)
    files = result.pdfs if pdfs else result.documents
    return tuple(_archive(workspace, path, result.served) for path in files)


def _archive(workspace: Workspace, path: Path, served: tuple[IndicatorRef, ...]) -> Archived:
    report = add_files(workspace, [path], tags=served)
    if report.rejected:
        raise WorkspaceError(
            f"{path.name} ditolak arsip: {report.rejected[0]}",
            hint="periksa berkasnya lalu coba lagi",
        )
    return Archived(path=path, tags=served, added=any(o.added for o in report.outcomes))
