"""The workbook reader (sheet XML in one pass) against openpyxl reading the same files.

Excel writes what openpyxl does not: shared strings with rich-text runs, shared formulas
written once down a column, cells and rows without their ``r`` attribute. The package below is
written by hand the way Excel writes it; every value, formula, cached value, percentage
format, hidden row, merged range and hidden sheet must equal what openpyxl reads.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from lke_workbooks import LkeSheet, example_answers
from openpyxl import load_workbook

from zi_docs.catalogue import Catalogue, load_catalogue
from zi_docs.errors import InvalidInputError
from zi_docs.evaluation.sheet_read import NO_CACHE, Book, read_book

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_SHEET1 = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><dimension ref="A1"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
<row r="2" hidden="1"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>4</v></c>
<c r="C2" s="1"><v>0.75</v></c><c r="D2" s="2"><v>45292</v></c></row>
<row><c t="b"><v>1</v></c><c><v>2.5</v></c><c t="e"><v>#DIV/0!</v></c></row>
<row r="5"><c r="B5"><f t="shared" ref="B5:B7" si="0">SUM(A1:A4)*B2</f><v>10</v></c>
<c r="C5" t="str"><f>A1&amp;"x"</f><v>Ya &amp; x</v></c><c r="D5"><f>1/0</f></c></row>
<row r="6"><c r="B6"><f t="shared" si="0"/><v>11</v></c></row>
<row r="7"><c r="B7"><f t="shared" si="0"/><v>12.25</v></c>
<c r="E7" t="inlineStr"><is><t>teks sebaris</t></is></c></row>
<row r="1048576" ht="20" customHeight="1"/></sheetData>
<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells></worksheet>"""

_SHEET2 = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{_MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>
</worksheet>"""

_STRINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{_MAIN}" count="3" uniqueCount="3"><si><t>Penilaian</t></si>
<si><r><rPr><b/></rPr><t>Pilihan </t></r><r><t xml:space="preserve">Jawaban</t></r>
<rPh sb="0" eb="1"><t>x</t></rPh></si><si><t>Ya</t></si></sst>"""

_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164"
formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="1">
<fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/>
<xf numFmtId="164" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""

_WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>
<sheet name="LKE" sheetId="1" r:id="rId1"/><sheet name="Rekap" sheetId="2" state="hidden"
r:id="rId2"/></sheets></workbook>"""

_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PKG}">
<Relationship Id="rId1" Type="{_OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{_OFFICE}/worksheet" Target="/xl/worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="{_OFFICE}/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="{_OFFICE}/styles" Target="styles.xml"/></Relationships>"""

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="{_CT}"><Default Extension="rels"
ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="{_SML}.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="{_SML}.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="{_SML}.styles+xml"/></Types>"""

_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PKG}"><Relationship Id="rId1"
Type="{_OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""


def _excel_style(path: Path) -> Path:
    parts = {
        "[Content_Types].xml": _TYPES,
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _RELS,
        "xl/worksheets/sheet1.xml": _SHEET1,
        "xl/worksheets/sheet2.xml": _SHEET2,
        "xl/sharedStrings.xml": _STRINGS,
        "xl/styles.xml": _STYLES,
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def _openpyxl_view(path: Path) -> dict[str, Any]:
    """What openpyxl reads: formulas from one load, cached values from a second."""
    formulas = load_workbook(path)
    cached = load_workbook(path, data_only=True)
    view: dict[str, Any] = {}
    for sheet in formulas.worksheets:
        values: dict[tuple[int, int], Any] = {}
        texts: dict[tuple[int, int], str] = {}
        percent: set[tuple[int, int]] = set()
        for (r, c), cell in sheet._cells.items():
            value = cached[sheet.title].cell(r, c).value
            if cell.data_type == "f":
                texts[(r, c)] = str(cell.value)
                value = NO_CACHE if value is None else value
            elif cell.data_type == "n" and value is not None and "%" in cell.number_format:
                percent.add((r, c))
            if value not in (None, NO_CACHE) and not isinstance(value, (str, int, float, bool)):
                value = str(value)
            if value is not None:
                values[(r, c)] = value
        view[sheet.title] = {
            "values": values,
            "formulas": texts,
            "percent": percent,
            "hidden_rows": {r for r, d in sheet.row_dimensions.items() if d.hidden},
            "merged": {
                (m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges
            },
            "hidden": sheet.sheet_state != "visible",
        }
    return view


def _our_view(book: Book) -> dict[str, Any]:
    return {
        grid.name: {
            "values": {
                (r, c): value
                for r, row in enumerate(grid.values, start=1)
                for c, value in enumerate(row, start=1)
                if value is not None
            },
            "formulas": dict(grid.formulas),
            "percent": set(grid.percent_cells),
            "hidden_rows": set(grid.hidden_rows),
            "merged": set(grid.merged),
            "hidden": grid.hidden,
        }
        for grid in book.grids
    }


def test_excel_style_package_reads_as_openpyxl_reads_it(tmp_path: Path) -> None:
    path = _excel_style(tmp_path / "excel.xlsx")
    book = read_book(path)
    assert book.grids[0].max_row == 7  # a formatted-only last row adds no empty rows
    ours = _our_view(book)
    assert ours == _openpyxl_view(path)
    lke = ours["LKE"]
    assert lke["values"][(1, 2)] == "Pilihan Jawaban"  # rich text, phonetic run left out
    assert lke["formulas"][(6, 2)] == "=SUM(A2:A5)*B3"  # shared formula, moved one row
    assert lke["values"][(5, 4)] is NO_CACHE
    assert lke["values"][(3, 1)] is True and lke["values"][(3, 3)] == "#DIV/0!"
    assert lke["percent"] == {(2, 3)} and lke["hidden_rows"] == {2}
    assert ours["Rekap"]["hidden"] is True


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue("permenpanrb-90-2021")


@pytest.mark.parametrize("values", ["typed", "formula", "nocache"])
def test_test_workbooks_read_as_openpyxl_reads_them(
    tmp_path: Path, catalogue: Catalogue, values: str
) -> None:
    answers = example_answers(catalogue)
    path = LkeSheet(
        catalogue,
        [("Unit", answers), ("TPI", answers)],
        values=values,
        evidence=True,
        hidden={"A.I.1.i.a"},
        summary_weights={},
        merge_text=values == "formula",
        group_titles_row=values == "typed",
    ).save(tmp_path / "lke.xlsx")
    assert _our_view(read_book(path)) == _openpyxl_view(path)


def test_a_zip_bomb_is_refused_before_any_sheet_is_read(tmp_path: Path) -> None:
    path = _excel_style(tmp_path / "bom.xlsx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/kosong.bin", b"\0" * 12_000_000)
    with pytest.raises(InvalidInputError) as caught:
        read_book(path)
    assert caught.value.findings[0].code == "xlsx-bom-zip"
    assert "bom zip" in str(caught.value)
