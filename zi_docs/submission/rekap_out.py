"""``rekap --xlsx`` and ``--docx``: the cross-unit table as a workbook or a Word table."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from zi_docs.angka import angka
from zi_docs.outputs import output_folder
from zi_docs.submission.rekap import Rekap, RekapRow


def headers(rekap: Rekap) -> list[str]:
    areas = [f"{code} nilai" for code in rekap.area_codes]
    done = [f"{code} lengkap %" for code in rekap.area_codes]
    return [
        "Unit kerja",
        "Tahun",
        *areas,
        "Pengungkit",
        "Total",
        "Menuju WBK",
        *done,
        "Kelengkapan %",
        "Temuan merah",
        "Keterangan",
    ]


def cells(rekap: Rekap, row: RekapRow) -> list[object]:
    if row.error is not None:
        blank: list[object] = [None] * (len(headers(rekap)) - 2)
        return [row.unit, None, *blank[:-1], row.error]
    values = {code: (value, done) for code, value, done in row.areas}
    verdict = "memenuhi" if row.wbk else "belum memenuhi"
    return [
        row.unit,
        row.year,
        *(round(values.get(c, (0.0, 0.0))[0], 2) for c in rekap.area_codes),
        round(row.pengungkit, 2),
        round(row.total, 2),
        verdict,
        *(round(values.get(c, (0.0, 0.0))[1], 1) for c in rekap.area_codes),
        round(row.completeness, 1),
        row.red,
        str(row.folder),
    ]


def write_xlsx(rekap: Rekap, path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Rekap"
    sheet.append(headers(rekap))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row in rekap.rows:
        sheet.append(cells(rekap, row))
    sheet.column_dimensions["A"].width = 48
    sheet.freeze_panes = "B2"
    output_folder(path.parent)
    book.save(path)
    return path


def write_docx(rekap: Rekap, path: Path) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(330), Mm(215)
    section.left_margin = section.right_margin = Mm(15)
    doc.add_heading("Rekapitulasi Penilaian Mandiri dan Kelengkapan Data Dukung", level=1)
    titles = headers(rekap)[:-1]
    table = doc.add_table(rows=1, cols=len(titles))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, titles, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rekap.rows:
        values = cells(rekap, row)[:-1] if row.error is None else [row.unit, row.error]
        target = table.add_row().cells
        for cell, value in zip(target, values, strict=False):
            cell.text = _text(value)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8)
    output_folder(path.parent)
    doc.save(str(path))
    return path


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return angka(value)
    return str(value)
