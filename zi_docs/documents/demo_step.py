"""The documents step of ``zi-docs demo``: every input of the example workspace to out/dokumen/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from zi_docs.documents.generate import OUTPUT_FOLDER, generate_all
from zi_docs.documents.pdf import find_soffice
from zi_docs.workspace import Workspace


def demo_documents(workspace: Workspace, progress: Callable[[str], None]) -> list[tuple[str, Path]]:
    """Generate every document (with PDFs when LibreOffice is installed); raise on a failure."""
    with_pdf = find_soffice() is not None
    progress(
        "Membuat dokumen"
        + (" dan PDF" if with_pdf else " (tanpa PDF: LibreOffice tidak terpasang)")
        + " ..."
    )
    summary = generate_all(workspace, pdf=with_pdf)
    if summary.failures:
        raise summary.failures[0][1]
    outputs: list[tuple[str, Path]] = [("Dokumen", workspace.out_dir / OUTPUT_FOLDER)]
    for result in summary.results:
        count = len(result.documents)
        progress(
            f"  {result.kind} ({result.input.name}): {count} berkas .docx"
            + (" + PDF" if result.pdfs else "")
        )
    return outputs
