"""What a rendered document shows: words and lines per PDF page (pypdfium2), and the text of
the .docx table cells, for the layout tests."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LETTERS = re.compile(r"[^\W\d_]+")
PAGE_NUMBER = re.compile(r"^-\s*(\d+)\s*-$")


def letter_runs(text: str) -> list[str]:
    """Maximal runs of letters: a word cut by a line break becomes two runs."""
    return LETTERS.findall(text)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


@dataclass(frozen=True)
class Page:
    number: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def body_lines(self) -> tuple[str, ...]:
        """Lines without the page number."""
        return tuple(line for line in self.lines if not PAGE_NUMBER.match(line))


def pdf_pages(path: Path) -> list[Page]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            lines = tuple(line.strip() for line in re.split(r"[\r\n]+", text) if line.strip())
            pages.append(Page(index + 1, lines))
        return pages
    finally:
        pdf.close()


@dataclass(frozen=True)
class DocxTable:
    header: tuple[str, ...]
    """Text of the first row's cells."""
    rows: tuple[tuple[str, ...], ...]
    """Text of the cells of the other rows."""
    shaded_header: bool


RUN_PARTS = (f"{W}t", f"{W}br", f"{W}tab", f"{W}cr")


def _run_text(element: etree._Element) -> str:
    """A text element's text; a line break or tab is a space."""
    return (element.text or "") if element.tag == f"{W}t" else " "


def _cell_text(tc: etree._Element) -> str:
    paragraphs = []
    for p in tc.iter(f"{W}p"):
        owner = next(p.iterancestors(f"{W}tc"), None)
        if owner is tc:
            paragraphs.append("".join(_run_text(e) for e in p.iter(*RUN_PARTS)))
    return " ".join(x for x in paragraphs if x)


def docx_tables(path: Path) -> list[DocxTable]:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    tables = []
    for tbl in root.iter(f"{W}tbl"):
        rows = [r for r in tbl if r.tag == f"{W}tr"]
        if not rows:
            continue
        texts = [tuple(_cell_text(tc) for tc in r if tc.tag == f"{W}tc") for r in rows]
        first = [tc for tc in rows[0] if tc.tag == f"{W}tc"]
        shaded = bool(first) and all(
            (shd := tc.find(f"{W}tcPr/{W}shd")) is not None
            and shd.get(f"{W}fill", "auto").upper() not in ("AUTO", "FFFFFF")
            for tc in first
        )
        tables.append(DocxTable(texts[0], tuple(texts[1:]), shaded))
    return tables


def long_cell_words(path: Path, minimum: int = 8) -> Counter[str]:
    """Every word of at least ``minimum`` letters in a table cell, with its count."""
    words: Counter[str] = Counter()
    for table in docx_tables(path):
        for row in (table.header, *table.rows):
            for cell in row:
                words.update(w for w in letter_runs(cell) if len(w) >= minimum)
    return words


NIP = re.compile(r"\b\d{8} \d{6} \d \d{3}\b")


def cell_nips(path: Path) -> Counter[str]:
    """Every NIP (``19750312 200003 2 004``) in a table cell, with its count."""
    found: Counter[str] = Counter()
    for table in docx_tables(path):
        for row in (table.header, *table.rows):
            for cell in row:
                found.update(NIP.findall(cell))
    return found
