"""Rencana Kerja: golden text, landscape, grouping by area, shaded schedule, input errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from doc_flow_helpers import check_golden, findings_of, line_of, where
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from zi_docs.documents.generation import generate
from zi_docs.documents.kinds.rencana_kerja import SHADE
from zi_docs.errors import InvalidInputError
from zi_docs.workspace import Workspace

INPUT = "rencana-kerja.yaml"


def _make(workspace: Workspace) -> Path:
    return generate(workspace, "rencana-kerja", workspace.inputs_dir / INPUT).documents[0]


def test_golden_text(workspace: Workspace) -> None:
    lines = check_golden("rencana-kerja", _make(workspace))
    assert any("P.MP.ii.a Terdapat dokumen rencana kerja" in line for line in lines)


def test_landscape_grouped_and_shaded(workspace: Workspace) -> None:
    doc = Document(str(_make(workspace)))
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    table = doc.tables[0]
    rows = table._tbl.tr_lst[2:-2]  # without the header, the total and the signature rows
    assert len(rows) == 13
    # every row names its area (no vertical merge: a continuation page shows the area too)
    areas = []
    for tr in rows:
        assert tr.tc_lst[1].tcPr.find(qn("w:vMerge")) is None
        name = tr.tc_lst[1].xpath("string(.)")
        if not areas or areas[-1] != name:
            areas.append(name)
    assert areas == [
        "Manajemen Perubahan",
        "Penataan Tatalaksana",
        "Penataan Sistem Manajemen SDM Aparatur",
        "Penguatan Akuntabilitas",
        "Penguatan Pengawasan",
        "Peningkatan Kualitas Pelayanan Publik",
    ]

    def shaded(tr: object) -> list[int]:
        cells = tr.tc_lst[6:18]  # type: ignore[attr-defined]
        assert len(cells) == 12
        return [
            m
            for m, tc in enumerate(cells, start=1)
            if tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == SHADE
        ]

    assert shaded(rows[0]) == [1]  # MP-01: January
    assert shaded(rows[2]) == list(range(2, 13))  # MP-03: "2-12"
    assert shaded(rows[3]) == [3, 6, 9, 12]
    total = rows[-1].getnext()
    assert "75.500.000" in total.xpath("string(.)")


def test_quarterly_schedule(workspace: Workspace) -> None:
    path = workspace.inputs_dir / INPUT
    text = path.read_text(encoding="utf-8").replace("jadwal: bulan", "jadwal: triwulan")
    text = (
        text.replace('jadwal: ["2-12"]', "jadwal: [1, 2, 3, 4]")
        .replace('jadwal: ["3-10"]', "jadwal: [1, 3]")
        .replace("jadwal: [3, 6, 9, 12]", "jadwal: [1, 2, 3, 4]")
        .replace('jadwal: ["2-5"]', "jadwal: [1, 2]")
        .replace("jadwal: [4, 5]", "jadwal: [2]")
        .replace('jadwal: ["1-12"]', 'jadwal: "1-4"')
        .replace("jadwal: [3, 8]", "jadwal: [1, 3]")
        .replace('jadwal: ["4-6"]', "jadwal: [2]")
        .replace("jadwal: [6, 12]", "jadwal: [2, 4]")
    )
    path.write_text(text, encoding="utf-8")
    doc = Document(str(_make(workspace)))
    header = doc.tables[0]._tbl.tr_lst[1]
    labels = [tc.xpath("string(.)") for tc in header.tc_lst[6:10]]
    assert labels == ["TW I", "TW II", "TW III", "TW IV"]
    assert all(tc.grid_span == 3 for tc in header.tc_lst[6:10])


def test_unknown_indicator_bad_date_and_schedule_all_reported(workspace: Workspace) -> None:
    path = workspace.inputs_dir / INPUT
    text = (
        path.read_text(encoding="utf-8")
        .replace("indikator: [P.MP.ii.c]", "indikator: [P.MP.ii.z]")
        .replace("indikator: [P.SDM.v.a]", "indikator: [A.I]")
        .replace("tanggal: 2026-01-26", "tanggal: besok")
        .replace("jadwal: [4, 5]", "jadwal: [4, 15]")
        .replace("kode: PP-02", "kode: PP-01")
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError) as excinfo:
        _make(workspace)
    found = findings_of(excinfo)
    assert where(found) == {
        (line_of(text, "P.MP.ii.z"), "kegiatan[3].indikator[1]"),
        (line_of(text, "indikator: [A.I]"), "kegiatan[8].indikator[1]"),
        (line_of(text, "tanggal: besok"), "tanggal"),
        (line_of(text, "jadwal: [4, 15]"), "kegiatan[6].jadwal"),
        (line_of(text, "kode: PP-01", 2), "kegiatan[13].kode"),
    }
    unknown = next(f for f in found if "P.MP.ii.z" in f.message)
    assert "A.I.1.ii" in unknown.message  # suggestions name close indicators
