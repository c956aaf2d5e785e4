"""SOP: golden text, symbols in the right pelaksana cell, all input errors at once, PDF."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from doc_flow_helpers import check_golden, findings_of, line_of, where
from docx import Document
from docx.oxml.ns import qn
from PIL import Image

from zi_docs.documents.generation import generate
from zi_docs.errors import InvalidInputError
from zi_docs.workspace import Workspace

INPUT = "sop-pelayanan-perizinan.yaml"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def _make(workspace: Workspace) -> Path:
    return generate(workspace, "sop", workspace.inputs_dir / INPUT).documents[0]


def test_golden_text(workspace: Workspace) -> None:
    lines = check_golden("sop", _make(workspace))
    assert any("PELAYANAN PENERBITAN IZIN PENYELENGGARAAN REKLAME" in line for line in lines)


def test_every_step_has_its_symbol_in_its_pelaksana_column(workspace: Workspace) -> None:
    doc = Document(str(_make(workspace)))
    flows = doc.tables[1:]
    assert len(flows) == 2, "the 10 steps take two flowchart pages, one table each"
    header = [tc.xpath("string(.)") for tc in flows[0]._tbl.tr_lst[1].tc_lst]
    lanes = [
        "Pemohon",
        "Petugas Front Office",
        "Tim Teknis",
        "Kepala Bidang Pelayanan Perizinan",
        "Kepala Dinas",
    ]
    expected = [
        ("mulai", 0),
        ("keputusan", 1),
        ("proses", 0),
        ("proses", 1),
        ("proses", 2),
        ("proses", 2),
        ("keputusan", 3),
        ("proses", 4),
        ("proses", 1),
        ("selesai", 0),
    ]
    every = [tr for flow in flows for tr in flow._tbl.tr_lst[2:]]
    rows = [tr for tr in every if tr.tc_lst[0].xpath("string(.)")]
    assert len(rows) == len(expected)
    for number, (tr, (symbol, lane)) in enumerate(zip(rows, expected, strict=True), start=1):
        cells = tr.tc_lst
        assert cells[0].xpath("string(.)") == str(number)
        tiles = cells[2 : 2 + len(lanes)]
        alts = [[d.get("descr") for d in tc.iter(f"{WP}docPr")] for tc in tiles]
        assert all(len(a) == 1 for a in alts), "one picture per pelaksana cell"
        symbols = [i for i, a in enumerate(alts) if "simbol" in a[0]]
        assert symbols == [lane]
        assert alts[lane][0] == f"Langkah {number}: simbol {symbol} ({lanes[lane]})"
        # the tile cells have no margins and span a share of the 60-column pelaksana grid
        for tc in tiles:
            assert tc.tcPr.find(qn("w:tcMar")) is not None
            assert tc.grid_span == 12
    assert header[2 : 2 + len(lanes)] == lanes
    # every page's table has the two header rows; a row never splits
    for flow in flows:
        assert all(tr.trPr.find(qn("w:tblHeader")) is not None for tr in flow._tbl.tr_lst[:2])
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in every)
    # connector rows: a lettered pentagon where the flow leaves a page and where it resumes
    connectors = [tr for tr in every if not tr.tc_lst[0].xpath("string(.)")]
    said = [tr.tc_lst[1].xpath("string(.)") for tr in connectors]
    assert said == [
        "Dari halaman 3 (B)",
        "Ke halaman 3 (A)",
        "Dari halaman 2 (A)",
        "Ke halaman 2 (B)",
    ]
    for tr in connectors:
        alts = [d.get("descr") for d in tr.iter(f"{WP}docPr")]
        assert sum("simbol penghubung" in a for a in alts) == 1


def test_tiles_fill_their_cells_exactly(workspace: Workspace) -> None:
    path = _make(workspace)
    doc = Document(str(path))
    flow = doc.tables[1]
    grid = [int(c.get(qn("w:w"))) for c in flow._tbl.tblGrid.iter(qn("w:gridCol"))]
    lane_twips = sum(grid[2:14])
    for tr in (tr for table in doc.tables[1:] for tr in table._tbl.tr_lst[2:]):
        extents = [e for e in tr.iter(f"{WP}extent")]
        heights = {int(e.get("cy")) for e in extents}
        assert len(heights) == 1, "every tile of a row is as tall as the row"
        for extent in extents:
            assert abs(int(extent.get("cx")) / 635 - lane_twips) < 15  # EMU -> twips
        assert all(i.get("distL") == "0" for i in tr.iter(f"{WP}inline"))
    with zipfile.ZipFile(path) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        with archive.open(media[0]) as handle:
            assert Image.open(handle).mode == "RGBA"  # borders show through


def _write(workspace: Workspace, text: str) -> Path:
    path = workspace.inputs_dir / "sop-rusak.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_all_step_problems_reported_at_once_with_lines(workspace: Workspace) -> None:
    original = (workspace.inputs_dir / INPUT).read_text(encoding="utf-8")
    broken = (
        original.replace("    ya: 4\n    tidak: 3\n", "    ya: 4\n    tidak: 12\n")
        .replace(
            "    pelaksana: Tim Teknis\n    kelengkapan: Berkas permohonan, surat",
            "    pelaksana: Tim Teknik\n    kelengkapan: Berkas permohonan, surat",
        )
        .replace("    simbol: selesai\n", "")
        .replace("tanggal_efektif: 2026-02-02", "tanggal_efektif: 2 Februari 2026")
    )
    path = _write(workspace, broken)
    with pytest.raises(InvalidInputError) as excinfo:
        generate(workspace, "sop", path)
    found = findings_of(excinfo)
    places = where(found)
    assert (line_of(broken, "tidak: 12"), "langkah[2].tidak") in places
    assert (line_of(broken, "pelaksana: Tim Teknik"), "langkah[5].pelaksana") in places
    assert (line_of(broken, "tanggal_efektif"), "tanggal_efektif") in places
    assert any(f.code == "sop-tanpa-selesai" for f in found)
    assert all(f.file == "inputs/sop-rusak.yaml" for f in found)
    teknik = next(f for f in found if f.field == "langkah[5].pelaksana")
    assert "maksudnya 'Tim Teknis'" in teknik.message
    assert len(found) == 5  # the missing end is reported twice: last step and whole list


def test_missing_start_and_bad_branch_kinds(workspace: Workspace) -> None:
    text = """\
nomor: 1
nama: Uji
tanggal_pembuatan: 2026-01-01
tanggal_efektif: 2026-01-02
dasar_hukum: [a]
kualifikasi_pelaksana: [b]
peralatan: [c]
peringatan: [d]
pencatatan: [e]
pelaksana: [A, B]
langkah:
  - kegiatan: satu
    pelaksana: A
    ya: 2
  - kegiatan: dua
    pelaksana: B
    simbol: keputusan
    ya: 2
  - kegiatan: tiga
    pelaksana: A
    simbol: selesai
"""
    with pytest.raises(InvalidInputError) as excinfo:
        generate(workspace, "sop", _write(workspace, text))
    codes = sorted(f.code for f in findings_of(excinfo))
    assert codes == ["sop-cabang", "sop-cabang", "sop-ke-diri-sendiri", "sop-tanpa-mulai"]


def test_no_branch_returns_into_the_start_terminator(workspace: Workspace) -> None:
    original = (workspace.inputs_dir / INPUT).read_text(encoding="utf-8")
    broken = original.replace("    ya: 4\n    tidak: 3\n", "    ya: 4\n    tidak: 1\n")
    with pytest.raises(InvalidInputError) as excinfo:
        generate(workspace, "sop", _write(workspace, broken))
    (found,) = findings_of(excinfo)
    assert found.code == "sop-kembali-ke-mulai"
    assert (found.line, found.field) == (line_of(broken, "tidak: 1"), "langkah[2].tidak")
    assert "Mulai" in found.message


@pytest.mark.libreoffice
def test_pdf(workspace: Workspace) -> None:
    result = generate(workspace, "sop", workspace.inputs_dir / INPUT, pdf=True)
    data = result.pdfs[0].read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", data)
    assert len(boxes) >= 2  # identity page and flowchart page(s)
    assert all(float(w) > float(h) for w, h in boxes)  # landscape F4
