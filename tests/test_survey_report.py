"""Laporan SKM: golden text, charts as images, computed tables, input errors, the layout in
LibreOffice (signature block with the body, table headers not cut mid-word)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from doc_flow_helpers import check_golden, findings_of
from PIL import Image

from zi_docs.documents.generation import generate
from zi_docs.errors import InvalidInputError
from zi_docs.workspace import Workspace

INPUT = "laporan-skm.yaml"


def _make(workspace: Workspace, pdf: bool = False) -> Path:
    result = generate(workspace, "laporan-skm", workspace.inputs_dir / INPUT, pdf=pdf)
    return result.pdfs[0] if pdf else result.documents[0]


def test_golden_text(workspace: Workspace) -> None:
    text = "\n".join(check_golden("laporan-skm", _make(workspace)))
    for heading in (
        "BAB I⏎PENDAHULUAN",
        "BAB II⏎METODE DAN SAMPEL",
        "BAB III⏎HASIL SURVEI",
        "BAB IV⏎ANALISIS DAN RENCANA TINDAK LANJUT",
        "BAB V⏎KESIMPULAN",
    ):
        assert heading in text
    # the example's IKM and its data faults are printed, not hidden
    assert "adalah 84,49 dengan mutu pelayanan B (Baik)" in text
    assert "label jawaban tidak dikenal 1; jawaban kosong 1; kiriman ganda" in text
    assert "| 1 | 1,00 - 2,5996 | 25,00 - 64,99 | D | Tidak baik |" in text


def test_charts_are_images(workspace: Workspace) -> None:
    with zipfile.ZipFile(_make(workspace)) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        sizes = []
        for name in media:
            with archive.open(name) as handle:
                sizes.append(Image.open(handle).size)
    assert sum(1 for w, _h in sizes if w > 1000) == 3  # per unsur, spread, quadrant


def test_follow_up_defaults_to_the_lowest_unsur(workspace: Workspace) -> None:
    path = workspace.inputs_dir / INPUT
    text = path.read_text(encoding="utf-8")
    start, end = text.index("tindak_lanjut:"), text.index("ketua_tim:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    lines = "\n".join(check_golden_free(_make(workspace)))
    assert "| 1 | U3 Waktu Penyelesaian | Memantau waktu penyelesaian tiap permohonan" in lines
    assert "| 2 | U8 Penanganan Pengaduan, Saran dan Masukan |" in lines


def check_golden_free(path: Path) -> list[str]:
    from test_doc_generate import text_lines

    return text_lines(path)


def test_missing_export_and_bad_definition_reported_together(workspace: Workspace) -> None:
    path = workspace.inputs_dir / INPUT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("bobot: regulasi", "bobot: kira-kira"), encoding="utf-8")
    (workspace.inputs_dir / "skm-2026-tw1.csv").unlink()
    with pytest.raises(InvalidInputError) as caught:
        _make(workspace)
    codes = sorted(f.code for f in findings_of(caught))
    assert codes == ["berkas-tidak-ada", "pilihan"]
    assert any("skm-2026-tw1.csv tidak ditemukan" in f.message for f in findings_of(caught))


def test_export_columns_missing_are_findings(workspace: Workspace) -> None:
    definition = workspace.inputs_dir / "skm-definisi.yaml"
    text = definition.read_text(encoding="utf-8")
    definition.write_text(text.replace("Cap waktu", "Stempel waktu"), encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        _make(workspace)
    [finding] = findings_of(caught)
    assert finding.code == "survei-kolom" and "'Stempel waktu' tidak ada" in finding.message


@pytest.mark.libreoffice
def test_layout_in_libreoffice(workspace: Workspace) -> None:
    from pypdf import PdfReader

    pages = [p.extract_text() or "" for p in PdfReader(_make(workspace, pdf=True)).pages]
    assert len(pages) >= 6
    signature = [i for i, t in enumerate(pages) if "Ketua Tim Survei Kepuasan" in t]
    assert len(signature) == 1
    page = pages[signature[0]]
    # the signature block shares its page with the conclusion, and both names are there
    assert "KESIMPULAN" in page or "prioritas rencana tindak lanjut" in page
    assert "Rudi Hartono" in page and "Ratna Kusumawardani" in page
    words = " ".join(pages)
    for header in ("Tertimbang", "Konversi", "Kepentingan", "Kesesuaian"):
        assert re.search(rf"\b{header}\b", words), f"'{header}' dipotong di tengah kata"


def test_official_text_names_no_file_or_command(workspace: Workspace) -> None:
    text = "\n".join(check_golden_free(_make(workspace)))
    assert "Data yang diolah adalah data survei periode Triwulan I Tahun 2026" in text
    for word in (".csv", "inputs/", "zi-docs", "berkas inputs"):
        assert word not in text, f"teks resmi memuat '{word}'"
