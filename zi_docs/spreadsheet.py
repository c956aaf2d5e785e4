"""The one module that writes workbooks (openpyxl), with the one house style.

Callers describe sheets as plain values (:class:`Sheet`, :class:`Row`); this module alone
turns them into cells, fonts, fills, alignment and number formats. Reading workbooks (staff
lists, evidence text) stays with the readers.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from zi_docs.outputs import output_folder

BANDS = {
    "komponen": "BDD7EE",
    "bagian": "DDEBF7",
    "area": "E2EFDA",
    "sub": "F2F2F2",
    "kepala": "DDEBF7",
    "kelompok-1": "FCE4D6",
    "kelompok-2": "FFF2CC",
    "kelompok-3": "E4DFEC",
    "kelompok-4": "D5F0F0",
    "kelompok-5": "F8E0EC",
}
"""Fill colours by the kind of row they mark (a catalogue level, or a table head), and of the
column groups of a layered sheet (``kelompok-N``; N counts from 1 and wraps after 5)."""
NUMBER_FORMAT = "0.00"
LINE_HEIGHT = 15.0
"""Points per line of 11-point text."""
_THIN = Side(style="thin", color="A6A6A6")


def group_band(index: int) -> str:
    """The band of the ``index``-th column group (0: the first)."""
    return f"kelompok-{index % 5 + 1}"


@dataclass(frozen=True)
class PrintSetup:
    """How a sheet prints: all columns on one page width, the head repeated on every page."""

    landscape: bool = True
    paper: str = "A4"
    """``A4``, ``A3`` or ``F4`` (folio)."""
    title_rows: str | None = None
    """Rows repeated at the top of every page (``2:3``)."""
    footer: str = "Halaman &P dari &N"


@dataclass(frozen=True)
class Row:
    """One row of a sheet."""

    values: Sequence[object]
    indent: int = 0
    """Indent of the first cell (a catalogue node's depth)."""
    bold: bool = False
    band: str | None = None
    """A key of :data:`BANDS`: the row's fill."""
    cell_bands: Mapping[int, str] = field(default_factory=dict)
    """1-based column -> a key of :data:`BANDS` for that cell (instead of ``band``)."""


@dataclass(frozen=True)
class Sheet:
    """One worksheet: an optional header row, then the rows."""

    title: str
    rows: Sequence[Row]
    header: Sequence[str] = ()
    header_band: str | None = None
    widths: Mapping[str, float] = field(default_factory=dict)
    """Column letter -> width."""
    freeze: str | None = None
    aligned: bool = False
    """Align body cells to the top, indent the first, wrap the ``wrap`` columns."""
    wrap: frozenset[int] = frozenset()
    """1-based columns whose text wraps (with ``aligned``)."""
    number_columns: frozenset[int] | None = None
    """1-based columns shown with two decimals; ``None``: every float cell."""
    merges: Sequence[tuple[int, int, int, int]] = ()
    """(first row, first column, last row, last column) of cells shown as one."""
    printing: PrintSetup | None = None
    borders: bool = False
    """Thin borders around every cell of the rows (a table that prints as one)."""


def write_workbook(path: Path, sheets: Sequence[Sheet], *, recalculate: bool = False) -> Path:
    """Write ``sheets`` in order to ``path`` (parent folders created) and return it.

    Values that are strings starting with ``=`` are formulas; with ``recalculate`` the file
    asks Excel and LibreOffice to compute every formula when it is opened (openpyxl stores
    none of their results)."""
    book = Workbook()
    book.remove(book.active)
    styled: dict[Hashable, Cell] = {}
    for spec in sheets:
        _fill(book.create_sheet(spec.title), spec, styled)
    if recalculate:
        book.calculation.fullCalcOnLoad = True
    output_folder(path.parent)
    book.save(path)
    return path


def _fill(sheet: Worksheet, spec: Sheet, styled: dict[Hashable, Cell]) -> None:
    if spec.header:
        sheet.append(list(spec.header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if spec.header_band:
                cell.fill = PatternFill("solid", fgColor=BANDS[spec.header_band])
    # The row just appended and the widest row so far are counted here: openpyxl's
    # ``max_row`` and ``max_column`` scan every cell, which made a sheet quadratic in its rows.
    number = 1 if spec.header else 0
    columns = max(1, len(spec.header))
    for row in spec.rows:
        values = list(row.values)
        sheet.append(values)
        number += 1
        columns = max(columns, len(values))
        if values:
            _style(sheet, number, columns, spec, row, styled)
    for first_row, first_col, last_row, last_col in spec.merges:
        sheet.merge_cells(
            start_row=first_row, start_column=first_col, end_row=last_row, end_column=last_col
        )
    for column, width in spec.widths.items():
        sheet.column_dimensions[column].width = width
    if spec.freeze:
        sheet.freeze_panes = spec.freeze
    if spec.printing:
        _print_setup(sheet, spec.printing)


_PAPER = {"A4": 9, "A3": 8, "F4": 14}


def _print_setup(sheet: Worksheet, setup: PrintSetup) -> None:
    sheet.page_setup.orientation = "landscape" if setup.landscape else "portrait"
    sheet.page_setup.paperSize = _PAPER[setup.paper]
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.print_options.horizontalCentered = True
    if setup.title_rows:
        sheet.print_title_rows = setup.title_rows
    sheet.oddFooter.center.text = setup.footer


def _lines(value: object, width: float, indent: int) -> int:
    """Lines a wrapped text needs in a column ``width`` characters wide (a little generous,
    so nothing is cut off when printed)."""
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(1.0, width * 1.1 - 2 * indent - 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in value.split("\n"))


def _style(
    sheet: Worksheet,
    number: int,
    columns: int,
    spec: Sheet,
    row: Row,
    styled: dict[Hashable, Cell],
) -> None:
    """Style row ``number`` across the sheet's first ``columns`` columns (its own and those of any
    longer row above it, as ``sheet[number]`` would).

    ``styled`` maps each look (alignment, number format, font, fill, border) to the first cell
    of the workbook given it: a later cell of the same look takes a copy of that cell's style
    ids, as openpyxl's own sheet copier does, instead of hashing five new style objects into
    the workbook's collections (most of the time of a large sheet). The first cell of each
    look is styled the ordinary way, in the same order, so the file is the same."""
    lines = 1
    cells = next(sheet.iter_rows(min_row=number, max_row=number, max_col=columns))
    for column, cell in enumerate(cells, start=1):
        if spec.aligned and column in spec.wrap:
            width = spec.widths.get(cell.column_letter, 13.0)
            lines = max(lines, _lines(cell.value, width, row.indent if column == 1 else 0))
        numeric = (
            isinstance(cell.value, float)
            if spec.number_columns is None
            else column in spec.number_columns
        )
        look = (
            spec.aligned,
            spec.aligned and column in spec.wrap,
            row.indent if spec.aligned and column == 1 else 0,
            numeric,
            row.bold,
            row.cell_bands.get(column, row.band),
            spec.borders,
        )
        first = styled.get(look)
        if first is not None:
            cell._style = copy(first._style)
            continue
        _look(cell, *look)
        styled[look] = cell
    if spec.aligned and spec.wrap:
        sheet.row_dimensions[number].height = min(409.0, lines * LINE_HEIGHT)


def _look(
    cell: Cell,
    aligned: bool,
    wrap: bool,
    indent: int,
    numeric: bool,
    bold: bool,
    band: str | None,
    borders: bool,
) -> None:
    """Give ``cell`` one look of :func:`_style`."""
    if aligned:
        cell.alignment = Alignment(vertical="top", wrap_text=wrap, indent=indent)
    if numeric:
        cell.number_format = NUMBER_FORMAT
    if bold:
        cell.font = Font(bold=True)
    if band:
        cell.fill = PatternFill("solid", fgColor=BANDS[band])
    if borders:
        cell.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
