"""``generate --arsipkan``: store what was just made in the evidence archive as a **konsep**
(draft), tagged with the indicators and checklist items it serves (which the documents flow
already holds). A konsep is not data dukung; generating again replaces it.

A later signed scan or TTE PDF of the document is tagged the same way by the archive itself,
from the document number at its head (``archive add``, or ``--sama-dengan NOMOR``), and
supersedes the konsep, which then leaves the live archive and the bundle.
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
    replaced: int = 0
    """How many earlier konsep of the same document this one replaced."""


def archive_generated(workspace: Workspace, result: GenerateResult) -> tuple[Archived, ...]:
    """Archive each PDF when one was made for every document (the form that gets signed and
    submitted), otherwise each ``.docx``, tagged with what the documents serve."""
    if not result.served:
        raise NotFoundError(
            f"dokumen {result.kind} tidak tercatat sebagai bukti indikator tertentu",
            hint="tambahkan dengan 'zi-docs archive add BERKAS --indikator ID'",
        )
    pdfs = result.pdfs and len(result.pdfs) == len(result.documents)
    files = result.pdfs if pdfs else result.documents
    return tuple(_archive(workspace, path, result.served, result.kind) for path in files)


def draft_key(workspace: Workspace, kind: str, path: Path) -> str:
    """Which generated document a konsep is: its kind and output path without extension (the
    .docx and the PDF made from it are the same document)."""
    return f"{kind}:{workspace.display(path.with_suffix(''))}"


def _archive(
    workspace: Workspace, path: Path, served: tuple[IndicatorRef, ...], kind: str
) -> Archived:
    report = add_files(workspace, [path], tags=served, draft_key=draft_key(workspace, kind, path))
    if report.rejected:
        raise WorkspaceError(
            f"{path.name} ditolak arsip: {report.rejected[0]}",
            hint="periksa berkasnya lalu coba lagi",
        )
    return Archived(
        path=path,
        tags=served,
        added=any(o.added for o in report.outcomes),
        replaced=sum(len(o.replaced) for o in report.outcomes),
    )
