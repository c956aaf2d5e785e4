"""The one module that writes workbooks (openpyxl), with the one house style.

Callers describe sheets as plain values (:class:`Sheet`, :class:`Row`); this module alone
turns them into cells, fonts, fills, alignment and number formats. Reading workbooks (staff
lists, evidence text) stays with the readers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from zi_docs.outputs import output_folder

BANDS = {
    "komponen": "BDD7EE",
    "bagian": "DDEBF7",
    "area": "E2EFDA",
    "sub": "F2F2F2",
    "kepala": "DDEBF7",
}
"""Fill colours by the kind of row they mark (a catalogue level, or a table head)."""
NUMBER_FORMAT = "0.00"


@dataclass(frozen=True)
class Row:
    """One row of a sheet."""

    values: Sequence[object]
    indent: int = 0
    """Indent of the first cell (a catalogue node's depth)."""
    bold: bool = False
    band: str | None = None
    """A key of :data:`BANDS`: the row's fill."""


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


def write_workbook(path: Path, sheets: Sequence[Sheet], *, recalculate: bool = False) -> Path:
    """Write ``sheets`` in order to ``path`` (parent folders created) and return it.

    Values that are strings starting with ``=`` are formulas; with ``recalculate`` the file
    asks Excel and LibreOffice to compute every formula when it is opened (openpyxl stores
    none of their results)."""
    book = Workbook()
    book.remove(book.active)
    for spec in sheets:
        _fill(book.create_sheet(spec.title), spec)
    if recalculate:
        book.calculation.fullCalcOnLoad = True
    output_folder(path.parent)
    book.save(path)
    return path


def _fill(sheet: Worksheet, spec: Sheet) -> None:
    if spec.header:
        sheet.append(list(spec.header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if spec.header_band:
                cell.fill = PatternFill("solid", fgColor=BANDS[spec.header_band])
    for row in spec.rows:
        sheet.append(list(row.values))
        if row.values:
            _style(sheet, sheet.max_row, spec, row)
    for first_row, first_col, last_row, last_col in spec.merges:
        sheet.merge_cells(
            start_row=first_row, start_column=first_col, end_row=last_row, end_column=last_col
        )
    for column, width in spec.widths.items():
        sheet.column_dimensions[column].width = width
    if spec.freeze:
        sheet.freeze_panes = spec.freeze


def _style(sheet: Worksheet, number: int, spec: Sheet, row: Row) -> None:
    for column, cell in enumerate(sheet[number], start=1):
        if spec.aligned:
            cell.alignment = Alignment(
                vertical="top",
                wrap_text=column in spec.wrap,
                indent=row.indent if column == 1 else 0,
            )
        numeric = (
            isinstance(cell.value, float)
            if spec.number_columns is None
            else column in spec.number_columns
        )
        if numeric:
            cell.number_format = NUMBER_FORMAT
        if row.bold:
            cell.font = Font(bold=True)
        if row.band:
            cell.fill = PatternFill("solid", fgColor=BANDS[row.band])
