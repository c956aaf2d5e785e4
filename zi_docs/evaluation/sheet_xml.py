"""The cells of an .xlsx workbook straight from its XML parts, in one pass per sheet.

A filled LKE is read for its values, the formulas and the values Excel cached for them,
percentage formats, hidden rows, merged ranges and hidden sheets. openpyxl gives formulas or
cached values, never both in one load, and builds a styled cell object for every cell; reading
the sheet XML once with the standard library's parser gives all of it at a fraction of the cost.
Shared formulas (written once, reused down a column) are handed to ``translate`` (openpyxl's
translator, in :mod:`sheet_read`) to get each cell's own text.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from xml.etree import ElementTree

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_C, _V, _F, _IS, _T, _R, _ROW = (_NS + n for n in ("c", "v", "f", "is", "t", "r", "row"))
_REF = re.compile(r"([A-Z]+)([0-9]+)")
_DATE_IDS = frozenset((*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)))
_DATE_CODE = re.compile(r"[dmyhs]", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
_EPOCH = datetime(1899, 12, 30)

NO_CACHE = object()
"""The cached value of a formula cell that has none (never calculated)."""

Translate = Callable[[str, str, str], str]
"""(formula of the shared formula's first cell, that cell, this cell) -> this cell's formula."""


@dataclass(frozen=True)
class Grid:
    """One worksheet as plain data; rows and columns are 1-based as Excel shows them."""

    name: str
    values: tuple[tuple[Any, ...], ...]
    """``values[r - 1][c - 1]``: the cell's value; for a formula cell its cached value, or
    :data:`NO_CACHE` when the file holds none."""
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    """(row, column) -> formula text (``=SUM(F5:F9)``)."""
    percent_cells: frozenset[tuple[int, int]] = frozenset()
    """Cells whose number format shows a percentage (0.8 shown as 80%)."""
    hidden_rows: frozenset[int] = frozenset()
    merged: tuple[tuple[int, int, int, int], ...] = ()
    """(first row, first column, last row, last column) of every merged range."""
    hidden: bool = False
    """The sheet itself is hidden."""

    @property
    def max_row(self) -> int:
        return len(self.values)

    def value(self, row: int, column: int) -> Any:
        if row < 1 or column < 1 or row > len(self.values):
            return None
        cells = self.values[row - 1]
        return cells[column - 1] if column <= len(cells) else None

    def formula(self, row: int, column: int) -> str | None:
        return self.formulas.get((row, column))


def cell_name(row: int, column: int) -> str:
    """``(12, 5)`` -> ``E12``."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def position(ref: str) -> tuple[int, int]:
    """``E12`` -> ``(12, 5)``; ``(0, 0)`` for anything else."""
    found = _REF.fullmatch(ref)
    if not found:
        return (0, 0)
    column = 0
    for letter in found.group(1):
        column = column * 26 + ord(letter) - 64
    return int(found.group(2)), column


def read_sheets(archive: zipfile.ZipFile, translate: Translate) -> Iterator[Grid]:
    """Every worksheet of the workbook, in the workbook's order (chart sheets skipped)."""
    names = set(archive.namelist())
    strings = _shared_strings(archive) if "xl/sharedStrings.xml" in names else []
    styles = _styles(archive) if "xl/styles.xml" in names else ((), ())
    for title, part, state in _sheet_parts(archive):
        root = ElementTree.fromstring(archive.read(part))
        if root.tag != _NS + "worksheet":
            continue
        yield _sheet(title, root, state != "visible", strings, styles, translate)


def _sheet_parts(archive: zipfile.ZipFile) -> Iterator[tuple[str, str, str]]:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL}Relationship")}
    for sheet in workbook.iter(f"{_NS}sheet"):
        target = targets.get(sheet.get(f"{_REL_NS}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        yield sheet.get("name", ""), posixpath.normpath(part), sheet.get("state", "visible")


def _text(element: ElementTree.Element) -> str:
    """The text of a string item: its ``<t>`` or the ``<t>`` of each rich-text run (phonetic
    ``<rPh>`` runs left out)."""
    plain = element.find(_T)
    if plain is not None:
        return plain.text or ""
    return "".join(t.text or "" for run in element.iter(_R) for t in run.iter(_T))


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    return [_text(item) for item in root.iter(_NS + "si")]


def _styles(archive: zipfile.ZipFile) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
    """Per cell style index: (shows a percentage, shows a date)."""
    root = ElementTree.fromstring(archive.read("xl/styles.xml"))
    codes = {9: "0%", 10: "0.00%"}
    for fmt in root.iter(_NS + "numFmt"):
        codes[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
    percent: list[bool] = []
    dates: list[bool] = []
    xfs = root.find(_NS + "cellXfs")
    for xf in xfs.iter(_NS + "xf") if xfs is not None else ():
        number = int(xf.get("numFmtId", "0"))
        code = codes.get(number, "")
        percent.append("%" in code)
        dates.append(number in _DATE_IDS or bool(_DATE_CODE.search(_QUOTED.sub("", code))))
    return tuple(percent), tuple(dates)


def _sheet(
    title: str,
    root: ElementTree.Element,
    hidden: bool,
    strings: list[str],
    styles: tuple[tuple[bool, ...], tuple[bool, ...]],
    translate: Translate,
) -> Grid:
    percent_styles, date_styles = styles
    grid: dict[int, dict[int, Any]] = {}
    formulas: dict[tuple[int, int], str] = {}
    shared: dict[str, tuple[str, str]] = {}
    percent: set[tuple[int, int]] = set()
    hidden_rows: set[int] = set()
    r = 0
    data = root.find(_NS + "sheetData")
    for row in data.iter(_ROW) if data is not None else ():
        r = int(row.get("r") or r + 1)
        if row.get("hidden") in ("1", "true"):
            hidden_rows.add(r)
        cells = grid.setdefault(r, {})
        c = 0
        for cell in row.iter(_C):
            ref = cell.get("r")
            c = position(ref)[1] if ref else c + 1
            kind = cell.get("t", "n")
            style = int(cell.get("s") or 0)
            formula = cell.find(_F)
            raw = cell.find(_V)
            text = raw.text if raw is not None else None
            if formula is not None:
                where = ref or cell_name(r, c)
                formulas[(r, c)] = _formula(formula, where, shared, translate)
                if text or (raw is not None and kind == "str"):
                    cells[c] = _value(text or "", kind, strings)
                else:
                    cells[c] = NO_CACHE
                continue
            if kind == "inlineStr":
                inline = cell.find(_IS)
                value: Any = _text(inline) if inline is not None else None
            elif text is None:
                continue
            else:
                value = _value(text, kind, strings)
            if kind == "n" and isinstance(value, (int, float)) and style < len(percent_styles):
                if percent_styles[style]:
                    percent.add((r, c))
                elif date_styles[style]:
                    value = str(_EPOCH + timedelta(days=float(value)))
            cells[c] = value
    merged = tuple(_merged(root))
    for r1, c1, r2, c2 in merged:  # Excel shows only the first cell of a merged range
        for r in range(r1, r2 + 1):
            for c in range(c1 + (r == r1), c2 + 1):
                grid.get(r, {}).pop(c, None)
    last = max((n for n, cells in grid.items() if cells), default=0)  # not formatted-only rows
    rows = tuple(
        tuple(grid.get(n, {}).get(k) for k in range(1, max(grid.get(n, {0: 0}), default=0) + 1))
        for n in range(1, last + 1)
    )
    return Grid(
        name=title,
        values=rows,
        formulas=formulas,
        percent_cells=frozenset(percent),
        hidden_rows=frozenset(hidden_rows),
        merged=merged,
        hidden=hidden,
    )


def _formula(
    element: ElementTree.Element,
    ref: str,
    shared: dict[str, tuple[str, str]],
    translate: Translate,
) -> str:
    text = element.text or ""
    if element.get("t") == "shared":
        group = element.get("si", "")
        if text:
            shared[group] = (f"={text}", ref)
        elif group in shared:
            first, origin = shared[group]
            return translate(first, origin, ref)
    return f"={text}"


def _value(raw: str, kind: str, strings: list[str]) -> Any:
    if kind == "s":
        index = int(raw)
        return strings[index] if 0 <= index < len(strings) else None
    if kind in ("str", "inlineStr", "e", "d"):
        return raw
    if kind == "b":
        return raw == "1"
    try:
        number = float(raw)
    except ValueError:
        return raw
    return int(number) if number.is_integer() and "." not in raw and "E" not in raw else number


def _merged(root: ElementTree.Element) -> Iterator[tuple[int, int, int, int]]:
    for merge in root.iter(_NS + "mergeCell"):
        first, _, last = merge.get("ref", "").partition(":")
        (r1, c1), (r2, c2) = position(first), position(last or first)
        if r1 and r2:
            yield r1, c1, r2, c2
