"""Page images of a PDF for previewing it in a browser: the only home of pypdfium2.

A preview belongs to one version of a document: images are cached under the SHA-256 of the
PDF's bytes, so a regenerated or re-signed document gets new images and an unchanged one is
never drawn twice. Each image is written to a temporary name and moved into place, so a
reader never sees half a PNG and two requests drawing the same page do not harm each other.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from zi_docs.atomic import write_bytes_atomic
from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.evidence.archive import PREVIEW_CACHE
from zi_docs.evidence.store import hash_file
from zi_docs.findings import Finding, Severity
from zi_docs.workspace import Workspace

WIDTH = 900
"""Pixels across a page image: readable on a desktop, light enough for a phone."""
COLOURS = 64
"""Colours of a page image (a paletted PNG: ~70 KB for an SK page, a phone's fair share)."""
FAST_OCTREE = 2
"""Pillow's quantize method number (``Image.Quantize.FASTOCTREE``)."""
MAX_PAGES = 30
"""Longer documents are previewed by their first pages; the download has them all."""

_ENGINE = threading.Lock()
"""PDFium is not thread-safe; the web server answers requests from several threads."""


@dataclass(frozen=True)
class Preview:
    """The page images of one version of a PDF."""

    sha256: str
    pages: int
    """Pages in the document."""
    shown: int
    """Pages that have an image (at most :data:`MAX_PAGES`)."""
    folder: Path

    def image(self, page: int) -> Path:
        """The PNG of ``page`` (1-based), drawn on first request."""
        if not 1 <= page <= self.shown:
            raise NotFoundError(f"halaman {page} tidak ada di pratinjau dokumen ini")
        return self.folder / f"{page}.png"


def preview_cache(workspace: Workspace) -> Path:
    """Where the page images of a workspace's documents are kept (derived, never verified)."""
    return workspace.archive_dir / PREVIEW_CACHE


def preview(pdf: Path, cache_dir: Path, *, sha256: str | None = None) -> Preview:
    """The preview of ``pdf`` (its page count read once per version and remembered)."""
    digest = sha256 or hash_file(pdf)[0]
    folder = cache_dir / digest[:2] / digest
    count_file = folder / "halaman.txt"
    try:
        pages = int(count_file.read_text(encoding="ascii"))
    except (OSError, ValueError):
        with _ENGINE:
            document = _open(pdf)
            try:
                pages = len(document)
            finally:
                document.close()
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(count_file, str(pages).encode("ascii"))
    return Preview(digest, pages, min(pages, MAX_PAGES), folder)


def page_image(pdf: Path, shown: Preview, page: int) -> Path:
    """The PNG of ``page`` of ``pdf`` (the version ``shown`` describes), drawn when missing."""
    target = shown.image(page)
    if target.is_file():
        return target
    with _ENGINE:
        document = _open(pdf)
        try:
            sheet = document[page - 1]
            scale = WIDTH / max(sheet.get_width(), 1.0)
            bitmap = sheet.render(scale=scale, fill_color=(255, 255, 255, 255))
            image = bitmap.to_pil()
            sheet.close()
        finally:
            document.close()
    buffer = io.BytesIO()
    # 64 colours (fast octree) keep text, stamp and logo readable at a quarter of the size
    # of a full-colour PNG, and take a fifth of the time of an optimised one
    image.quantize(colors=COLOURS, method=FAST_OCTREE).save(buffer, format="PNG")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(target, buffer.getvalue())
    return target


def _open(pdf: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(pdf))
    except pdfium.PdfiumError as err:
        finding = Finding(
            f"{pdf.name} tidak bisa dibaca sebagai PDF ({err})",
            Severity.ERROR,
            file=pdf.name,
            code="pratinjau-gagal",
        )
        raise InvalidInputError(
            f"Pratinjau {pdf.name} tidak bisa dibuat: berkasnya rusak atau berkata sandi; "
            "unduh berkasnya untuk membukanya.",
            [finding],
        ) from None
