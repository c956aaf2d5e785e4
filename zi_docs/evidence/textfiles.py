"""Text of office and plain-text files: DOCX (python-docx), XLSX (openpyxl), TXT/CSV/MD.

A file that is not what its kind says raises ``ValueError``, ``KeyError``, ``SyntaxError`` (XML)
or ``zipfile.BadZipFile``; :mod:`zi_docs.evidence.extract` turns those into a "corrupt" result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ENCODINGS = ("utf-8-sig", "utf-8", "cp1252")
"""Tried in order; cp1252 decodes any byte sequence, so it is the last resort."""


def read_plain_text(path: Path) -> str:
    """A text file decoded as UTF-8 (with or without BOM), else Windows-1252."""
    data = path.read_bytes()
    for encoding in ENCODINGS[:-1]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode(ENCODINGS[-1], errors="replace")


def docx_text(path: Path) -> tuple[str, dt.date | None]:
    """Paragraphs and table cells in document order, and the document's creation date."""
    import docx  # the engines load when a file of their kind is read, not at start-up
    import docx.opc.exceptions

    try:
        document = docx.Document(str(path))
    except docx.opc.exceptions.PackageNotFoundError as exc:
        raise ValueError(f"not a Word package: {exc}") from exc
    lines = list(_blocks(document.element.body))
    return "\n".join(line for line in lines if line.strip()), _date(
        document.core_properties.created
    )


def _blocks(body: Any) -> Iterator[str]:
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield "".join(node.text or "" for node in child.iter() if _is_text(node))
        elif tag == "tbl":
            for row in child.iter(_qn("tr")):
                cells = []
                for cell in row.iterchildren(_qn("tc")):
                    cells.append(
                        " ".join(
                            "".join(n.text or "" for n in p.iter() if _is_text(n))
                            for p in cell.iter(_qn("p"))
                        ).strip()
                    )
                yield "\t".join(cells)


def _qn(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def _is_text(node: Any) -> bool:
    return isinstance(node.tag, str) and node.tag == _qn("t")


def xlsx_text(path: Path) -> tuple[str, dt.date | None]:
    """Every non-empty cell, a tab between cells and a line per row, sheet by sheet."""
    import openpyxl
    import openpyxl.utils.exceptions

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except openpyxl.utils.exceptions.InvalidFileException as exc:
        raise ValueError(f"not an Excel workbook: {exc}") from exc
    try:
        lines: list[str] = []
        for sheet in workbook.worksheets:
            lines.append(str(sheet.title))
            for row in sheet.iter_rows(values_only=True):
                cells = [_cell(value) for value in row if value is not None]
                if cells:
                    lines.append("\t".join(cells))
        created = _date(workbook.properties.created)
    finally:
        workbook.close()
    return "\n".join(lines), created


def _cell(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None
