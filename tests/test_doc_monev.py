"""Laporan Monev: golden text, progress arithmetic, charts as images, capaian, input errors."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from doc_flow_helpers import check_golden, findings_of, line_of
from PIL import Image

from zi_docs.documents.generation import generate
from zi_docs.documents.monev import KegiatanProgress, area_progress, period_target
from zi_docs.errors import InvalidInputError
from zi_docs.workspace import Workspace

INPUT = "laporan-monev-tw3.yaml"


def _make(workspace: Workspace, pdf: bool = False) -> Path:
    result = generate(workspace, "laporan-monev", workspace.inputs_dir / INPUT, pdf=pdf)
    return result.pdfs[0] if pdf else result.documents[0]


def test_golden_text(workspace: Workspace) -> None:
    lines = check_golden("laporan-monev", _make(workspace))
    text = "\n".join(lines)
    for heading in (
        "BAB I⏎PENDAHULUAN",
        "BAB II⏎PELAKSANAAN RENCANA KERJA",
        "BAB III⏎CAPAIAN PENILAIAN MANDIRI",
        "BAB IV⏎KENDALA",
        "BAB V⏎REKOMENDASI DAN TINDAK LANJUT",
        "BAB VI⏎PENUTUP",
    ):
        assert heading in text
    # 86.25 rounds half up to 86,3, as everywhere else in zi-docs (zi_docs/angka.py)
    assert "| Manajemen Perubahan | 4 | 86,9 | 86,3 |" in text


def test_charts_are_images(workspace: Workspace) -> None:
    path = _make(workspace)
    with zipfile.ZipFile(path) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        sizes = []
        for name in media:
            with archive.open(name) as handle:
                sizes.append(Image.open(handle).size)
        body = archive.read("word/document.xml").decode("utf-8")
    assert len(media) >= 2
    assert sum(1 for w, h in sizes if w > 1000) == 2  # progress chart and capaian chart
    assert body.count("<wp:inline") >= 2


def test_without_answers_capaian_is_explained(workspace: Workspace) -> None:
    workspace.answers_file.unlink()
    text = "\n".join(check_golden_free(_make(workspace)))
    assert "Penilaian mandiri LKE belum diisi" in text


def check_golden_free(path: Path) -> list[str]:
    from test_doc_generate import text_lines

    return text_lines(path)


def test_period_target_and_area_mean() -> None:
    assert period_target([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 3, False) == 75.0
    assert period_target([10, 11], 3, False) == 0.0
    assert period_target([2, 4], 1, True) == 0.0
    assert period_target([2, 4], 2, True) == 50.0
    items = [
        KegiatanProgress("A", "MP", 100.0, 50.0, True),
        KegiatanProgress("B", "MP", 50.0, 100.0, True),
        KegiatanProgress("C", "PP", 0.0, 0.0, False),
    ]
    areas = area_progress(items, ["MP", "TTL", "PP"])
    assert [(a.area, a.target, a.realisasi, a.count) for a in areas] == [
        ("MP", 75.0, 75.0, 2),
        ("PP", 0.0, 0.0, 1),
    ]
    assert not items[0].on_track and items[1].on_track


def test_unknown_kegiatan_and_plan_errors_reported_together(workspace: Workspace) -> None:
    path = workspace.inputs_dir / INPUT
    text = (
        path.read_text(encoding="utf-8")
        .replace("kode: TTL-02", "kode: TTL-20")
        .replace("progres: 60", "progres: 160")
    )
    path.write_text(text, encoding="utf-8")
    plan = workspace.inputs_dir / "rencana-kerja.yaml"
    plan_text = plan.read_text(encoding="utf-8").replace("[P.PW.i.a, P.PW.i.b]", "[P.PW.x]")
    plan.write_text(plan_text, encoding="utf-8")
    with pytest.raises(InvalidInputError) as excinfo:
        _make(workspace)
    found = {(f.file, f.line, f.field) for f in findings_of(excinfo)}
    assert found == {
        ("inputs/laporan-monev-tw3.yaml", line_of(text, "kode: TTL-20"), "realisasi[6].kode"),
        ("inputs/laporan-monev-tw3.yaml", line_of(text, "progres: 160"), "realisasi[7].progres"),
        ("inputs/rencana-kerja.yaml", line_of(plan_text, "P.PW.x"), "kegiatan[10].indikator[1]"),
    }
    assert any("maksudnya 'TTL-02'" in f.message for f in findings_of(excinfo))


def test_missing_plan_file(workspace: Workspace) -> None:
    (workspace.inputs_dir / "rencana-kerja.yaml").unlink()
    with pytest.raises(InvalidInputError) as excinfo:
        _make(workspace)
    assert [f.code for f in findings_of(excinfo)] == ["berkas-tidak-ada"]
    message = findings_of(excinfo)[0].message
    assert message.startswith("berkas rencana kerja inputs/rencana-kerja.yaml tidak ditemukan")


def test_plan_of_another_kind_is_named(workspace: Workspace) -> None:
    plan = workspace.inputs_dir / "rencana-kerja.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "jenis: rencana-kerja" in text
    plan.write_text(text.replace("jenis: rencana-kerja", "jenis: sop"), encoding="utf-8")
    with pytest.raises(InvalidInputError) as excinfo:
        _make(workspace)
    [finding] = [f for f in findings_of(excinfo) if f.code == "jenis-tidak-cocok"]
    assert (finding.file, finding.field) == ("inputs/rencana-kerja.yaml", "jenis")
    assert "padahal yang diminta 'rencana-kerja'" in finding.message


@pytest.mark.libreoffice
@pytest.mark.parametrize("kind", ["laporan-monev", "rencana-kerja"])
def test_pdf(workspace: Workspace, kind: str) -> None:
    name = INPUT if kind == "laporan-monev" else "rencana-kerja.yaml"
    pdf = generate(workspace, kind, workspace.inputs_dir / name, pdf=True).pdfs[0]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    counts = [int(n) for n in re.findall(rb"/Count (\d+)", data)]
    assert counts and max(counts) >= 3


def test_head_of_team_may_have_no_nip(workspace: Workspace) -> None:
    path = workspace.inputs_dir / INPUT
    text = path.read_text(encoding="utf-8").replace('  nip: "197208151998031005"\n', "", 1)
    assert text != path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert any("NIP. -" in line for line in check_golden_free(_make(workspace)))
