"""The layered workbook reads and prints as one table: each column group its own header
colour, the Penjelasan column filled from the catalogue, rows as tall as their wrapped text,
all columns on one A3 landscape page width with the head repeated on every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from zi_docs.cli import cli
from zi_docs.spreadsheet import BANDS
from zi_docs.workspace import Workspace, init_workspace


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``score --xlsx`` of the example workspace, once for this module: its tests only read
    the workbook."""
    folder = tmp_path_factory.mktemp("lke")
    root = init_workspace(folder / "ws").workspace.root
    target = folder / "lke.xlsx"
    result = CliRunner().invoke(
        cli,
        ["score", "--xlsx", str(target)],
        env={"ZI_DOCS_WORKSPACE": str(root)},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return target


def _fill(cell: Any) -> str:
    return str(cell.fill.fgColor.rgb)[-6:]


def test_each_column_group_has_its_own_header_colour(written: Path) -> None:
    sheet = openpyxl.load_workbook(written)["LKE"]
    titles = {c.column: str(c.value) for c in sheet[2] if c.value}
    assert list(titles.values()) == [
        "Penilaian Mandiri (Unit)",
        "TPI Unit Kerja / Kanwil (tpi-unit)",
        "TPI Inspektorat / Itjen (inspektorat)",
    ]
    starts = sorted(titles)
    colours = [_fill(sheet.cell(2, c)) for c in starts]
    assert len(set(colours)) == 3 and BANDS["kepala"] not in colours
    ends = [*starts[1:], sheet.max_column + 1]
    for start, end, colour in zip(starts, ends, colours, strict=True):
        assert {_fill(sheet.cell(3, c)) for c in range(start, end)} == {colour}
    assert _fill(sheet.cell(3, 1)) == BANDS["kepala"]  # the shared columns keep the head fill


def test_penjelasan_lists_the_data_dukung_and_rows_fit_their_text(
    written: Path, workspace: Workspace
) -> None:
    sheet = openpyxl.load_workbook(written)["LKE"]
    node = workspace.catalogue.node("A.I.1.i.a")
    row = next(r for r in range(4, sheet.max_row + 1) if node.name in str(sheet.cell(r, 1).value))
    explanation = str(sheet.cell(row, 3).value)
    assert explanation.startswith("Data dukung:\n- ")
    assert f"- {node.checklist[0].description} (wajib)" in explanation
    lines = explanation.count("\n") + 1
    height = sheet.row_dimensions[row].height
    assert height is not None and height >= lines * 15
    assert sheet.cell(row, 3).alignment.wrap_text
    assert sheet.row_dimensions[4].height == 15  # a komponen row: one line


def test_prints_landscape_on_one_page_width_with_the_head_repeated(written: Path) -> None:
    sheet = openpyxl.load_workbook(written)["LKE"]
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape",
        8,
        1,
        0,
    )
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$2:$3"
    assert "&P" in str(sheet.oddFooter.center.text)


@pytest.mark.libreoffice
def test_libreoffice_prints_every_page_with_the_group_titles(written: Path) -> None:
    import pypdfium2

    from zi_docs.documents import convert_to_pdf

    [pdf] = convert_to_pdf([written])
    document = pypdfium2.PdfDocument(pdf)
    try:
        width, height = document[0].get_size()
        assert width > height  # landscape
        assert 1150 < width < 1220  # A3 (1190.55 pt)
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    lke = [p for p in pages if "Pilihan Jawaban" in p]
    assert len(lke) >= 10  # the LKE sheet spans many pages; each repeats the head
    for text in lke:
        assert "TPI Inspektorat / Itjen (inspektorat)" in text  # every column on each page
