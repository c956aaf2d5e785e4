"""Small evidence files for archive tests and benchmarks: good, corrupt, encrypted, odd."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from pdfmake import make_pdf

from zi_docs import evidence
from zi_docs.workspace import Workspace


def write_pdf(
    path: Path, pages: Sequence[str | None] | str, created: dt.date | None = None
) -> Path:
    """Write a text PDF (see :mod:`pdfmake`); a plain string becomes a one-page PDF."""
    if isinstance(pages, str):
        pages = [pages]
    stamp = f"D:{created:%Y%m%d}090000+07'00'" if created else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(make_pdf(list(pages), creation_date=stamp))
    return path


def make_docx(path: Path, paragraphs: Sequence[str], table: Sequence[Sequence[str]] = ()) -> Path:
    """A .docx made with python-docx."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def make_encrypted_pdf(path: Path, text: str, password: str = "rahasia") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([text]))))
    writer.encrypt(user_password=password, owner_password=password)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def make_png(path: Path, text_colour: int = 0) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (120, 60), "white")
    ImageDraw.Draw(image).rectangle((10, 10, 110, 50), outline=(text_colour, 0, 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG")
    return path


def make_zip(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("isi.txt", "bukan dokumen")
    return path


def add_tagged(workspace: Workspace, folder: Path, n: int) -> list[str]:
    """Archive ``n`` small PDFs tagged to P.MP.i.a item sk-tim; their refs."""
    paths = [write_pdf(folder / f"b{i}.pdf", f"Bukti nomor {i}") for i in range(n)]
    added = evidence.add_files(workspace, paths, indicators=["P.MP.i.a"], item="sk-tim")
    return [o.sha256[:12] for o in added.outcomes]
