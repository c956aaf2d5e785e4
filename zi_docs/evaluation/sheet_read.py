"""Read an .xlsx workbook into plain grids (the evaluation package's only openpyxl import).

openpyxl gives either formulas or the values Excel cached for them, never both in one load.
One normal load keeps formulas, merged ranges and hidden rows; the cached values of formula
cells are then read straight from the sheet XML (one regular-expression pass over each sheet
that has formulas), so a
workbook is parsed by openpyxl once.

Files that are not workbooks are recognised by their first bytes and named plainly: an old
``.xls``, a password-protected workbook (both OLE compound files), anything else.
"""

from __future__ import annotations

import html
import math
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

NO_CACHE = object()
"""The cached value of a formula cell that has none (never calculated)."""


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


@dataclass(frozen=True)
class Book:
    """A read workbook."""

    file: str
    """The file as shown to the user."""
    grids: tuple[Grid, ...]


def cell_name(row: int, column: int) -> str:
    """``(12, 5)`` -> ``E12``."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def _problem(file: str, message: str, hint: str, code: str) -> InvalidInputError:
    return InvalidInputError(
        f"{file} tidak dapat diimpor: {message}",
        [Finding(message=message, file=file, code=code)],
        hint=hint,
    )


def _sniff(path: Path, file: str) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head == _OLE_MAGIC:
                body = head + handle.read(4 * 1024 * 1024)
    except FileNotFoundError:
        raise _problem(
            file, "berkas tidak ditemukan", "periksa nama dan foldernya", "xlsx-tidak-ada"
        ) from None
    except IsADirectoryError:
        raise _problem(
            file, "itu sebuah folder, bukan berkas", "sebutkan berkas .xlsx-nya", "xlsx-tidak-ada"
        ) from None
    if head == _OLE_MAGIC:
        if _ENCRYPTED_MARK in body:
            raise _problem(
                file,
                "buku kerja dilindungi kata sandi sehingga isinya tidak dapat dibaca",
                "buka di Excel, hapus kata sandinya (File > Info > Lindungi Buku Kerja > "
                "Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu impor lagi",
                "xlsx-sandi",
            )
        raise _problem(
            file,
            "berkas berformat Excel lama (.xls), bukan .xlsx",
            "buka di Excel atau LibreOffice lalu simpan sebagai 'Buku Kerja Excel (.xlsx)'",
            "xlsx-lama",
        )
    if head[:4] != _ZIP_MAGIC:
        raise _problem(
            file,
            "isinya bukan buku kerja Excel .xlsx",
            "pilih berkas .xlsx hasil Excel atau LibreOffice (bukan PDF, CSV, atau gambar)",
            "xlsx-bukan-buku-kerja",
        )


def read_book(path: Path, *, display: str | None = None) -> Book:
    """Every worksheet of ``path``; raise :class:`InvalidInputError` for a file that is not
    a readable .xlsx, saying what it is and what to do."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    file = display or str(path)
    _sniff(path, file)
    try:
        book = load_workbook(path, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _problem(
            file,
            f"buku kerja rusak atau tidak lengkap ({type(exc).__name__})",
            "buka di Excel atau LibreOffice, simpan ulang sebagai .xlsx, lalu impor lagi",
            "xlsx-rusak",
        ) from None
    grids = [_grid(sheet) for sheet in book.worksheets]
    wanted = {g.name for g in grids if g.formulas}
    if wanted:
        cached = _cached_values(path, wanted)
        grids = [_with_cached(g, cached.get(g.name, {})) for g in grids]
    return Book(file=file, grids=tuple(grids))


def _grid(sheet: Any) -> Grid:
    """The sheet's values; formula cells hold :data:`NO_CACHE` until :func:`_with_cached`."""
    formulas: dict[tuple[int, int], str] = {}
    percent: set[tuple[int, int]] = set()
    width = sheet.max_column
    grid: list[list[Any]] = [[None] * width for _ in range(sheet.max_row)]
    # the loaded cells themselves: iter_rows() would create (and style) every empty cell too
    for (r, c), cell in sheet._cells.items():
        value = cell._value
        kind = cell.data_type
        if kind == "f":
            formulas[(r, c)] = str(value)
            value = NO_CACHE
        elif kind == "n" and value is not None:
            if "%" in cell.number_format:  # styles are costly: numbers only
                percent.add((r, c))
        elif value is not None and not isinstance(value, (str, int, float, bool)):
            value = getattr(value, "text", None) or str(value)  # ArrayFormula, dates
        grid[r - 1][c - 1] = value
    rows = [tuple(row) for row in grid]
    hidden = frozenset(r for r, dim in sheet.row_dimensions.items() if dim.hidden)
    merged = tuple((m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges)
    return Grid(
        name=sheet.title,
        values=tuple(rows),
        formulas=formulas,
        percent_cells=frozenset(percent),
        hidden_rows=hidden,
        merged=merged,
        hidden=sheet.sheet_state != "visible",
    )


def _with_cached(grid: Grid, cached: dict[str, Any]) -> Grid:
    if not grid.formulas or not cached:
        return grid
    rows = [list(r) for r in grid.values]
    for r, c in grid.formulas:
        value = cached.get(cell_name(r, c), NO_CACHE)
        if value is not NO_CACHE:
            rows[r - 1][c - 1] = value
    return replace(grid, values=tuple(tuple(r) for r in rows))


def _cached_values(path: Path, sheets: set[str]) -> dict[str, dict[str, Any]]:
    """Sheet title -> cell reference -> the value cached for each formula cell."""
    result: dict[str, dict[str, Any]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for title, part in _sheet_parts(archive):
                if title in sheets:
                    xml = archive.read(part).decode("utf-8", errors="replace")
                    result[title] = dict(_formula_values(xml))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return result
    return result


def _sheet_parts(archive: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL}Relationship")}
    for sheet in workbook.iter(f"{_NS}sheet"):
        target = targets.get(sheet.get(f"{_REL_NS}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        yield sheet.get("name", ""), posixpath.normpath(part)


_FORMULA_CELL = re.compile(
    r'<c r="([A-Z]+[0-9]+)"([^>]*)>\s*<f[^>]*?(?:/>|>.*?</f>)\s*(<v>([^<]*)</v>|<v\s*/>)?',
    re.DOTALL,
)
_TYPE = re.compile(r'\bt="([a-zA-Z]+)"')


def _formula_values(xml: str) -> Iterator[tuple[str, Any]]:
    """(reference, cached value) of every formula cell that has one: ``""`` is the value of
    a text result; a numeric cell with an empty or missing ``<v>`` has none."""
    for ref, attributes, tag, raw in _FORMULA_CELL.findall(xml):
        found = _TYPE.search(attributes)
        kind = found.group(1) if found else None
        if raw or (tag and kind in ("str", "inlineStr")):
            yield ref, _typed(html.unescape(raw), kind)


def _typed(raw: str, kind: str | None) -> Any:
    if kind in ("str", "inlineStr", "e"):
        return raw
    if kind == "b":
        return raw == "1"
    try:
        number = float(raw)
    except ValueError:
        return raw
    return int(number) if number.is_integer() and "." not in raw and "E" not in raw else number


def finite(value: Any) -> float | None:
    """A cell value as a finite number, or ``None``."""
    if isinstance(value, bool) or value is None or value is NO_CACHE:
        return None
    if isinstance(value, str):
        try:
            value = float(value.replace(",", ".").replace("%", "").strip())
        except ValueError:
            return None
    if isinstance(value, (int, float)) and math.isfinite(value):
        return float(value)
    return None
