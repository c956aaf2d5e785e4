"""``zi-docs score`` in-process: table, verdict, gaps, JSON, xlsx, exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from zi_docs.assessment.workbook import HEADER
from zi_docs.demo import score_step as demo_step
from zi_docs.workspace import Workspace


def test_score_prints_table_verdict_gaps_and_unanswered(run_cli: Any) -> None:
    result = run_cli("score")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "111 dari 113 butir dijawab" in out
    assert (
        "SDM  Penataan Sistem Manajemen SDM…     4,76 /  5,00  95,29%   2,75 /  5,00  55,00%"
        "   7,51 / 10,00  75,15%\n" in out
    )
    assert "PENGUNGKIT                             44,92 / 60,00  74,87%\n" in out
    assert "  Reform                               21,74 / 30,00  72,48%\n" in out
    assert "HASIL                                  34,64 / 40,00  86,59%\n" in out
    assert "TOTAL                                  79,56 /100,00  79,56%\n" in out
    assert (
        "Menuju WBK: memenuhi menurut tafsir gabungan; TIDAK memenuhi menurut tafsir "
        "terpisah" in out
    )
    assert "[GAGAL] Setiap area ≥ 60% bobot (tafsir terpisah)        SDM Reform 2,75 < 3,00" in out
    assert "  1. R.SDM.iii.a  Penurunan pelanggaran disiplin pegawai   25,00% → 100%   +1,50" in out
    assert "Belum dijawab (2 butir, dihitung nol):" in out
    assert "  A.I.5.iv.c    P.PW.iv.c    " in out


def test_score_json_has_full_precision_totals(run_cli: Any) -> None:
    result = run_cli("score", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["pengungkit"] == pytest.approx(44.920308908045975, rel=1e-12)
    assert data["hasil"] == pytest.approx(34.6375, rel=1e-12)
    assert data["total"] == pytest.approx(79.55780890804598, rel=1e-12)
    assert {"area", "predikat", "celah", "belum_dijawab", "simpul", "pertanyaan"} <= set(data)
    assert data["belum_dijawab"] == ["A.I.5.iv.c", "A.I.6.ii.d"]
    assert len(data["pertanyaan"]) == 113
    wbk = next(p for p in data["predikat"] if p["kode"] == "WBK")
    assert wbk["lulus_per_tafsir"] == {"gabungan": True, "terpisah": False}
    question = next(q for q in data["pertanyaan"] if q["id"] == "A.II.3.iii.a")
    assert question["isian"]["pelanggaran_tahun_sebelumnya"] == 8
    assert question["persen"] == pytest.approx(25.0)


def test_score_xlsx_has_the_official_columns(run_cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "hasil" / "lke.xlsx"
    result = run_cli("score", "--xlsx", str(target))
    assert result.exit_code == 0
    assert "Kertas kerja LKE ditulis ke" in result.output
    book = openpyxl.load_workbook(target)
    sheet = book["LKE"]
    header = [c.value for c in sheet[3]]
    assert (
        header[:8]
        == list(HEADER)
        == [
            "Penilaian",
            "Bobot",
            "Penjelasan",
            "Pilihan Jawaban",
            "Jawaban",
            "Nilai",
            "%",
            "Catatan",
        ]
    )
    assert header[8:] == ["Daftar Bukti Dukung", *["Jawaban", "Nilai", "%", "Catatan"] * 2]
    assert str(sheet["E1"].value).startswith("Sidik jawaban: sha256:")
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert rows[0][:2] == ["A. PENGUNGKIT", 60]
    question = next(r for r in rows if str(r[0]).startswith("b. Penentuan anggota Tim"))
    row = 4 + rows.index(question)
    assert question[4] == "B"
    assert (
        question[5]
        == f'=IF(E{row}="","",IF(E{row}="A",1.0,IF(E{row}="B",0.5,IF(E{row}="C",0.0,""))))'
    )
    assert question[9] is None and question[10].startswith(f'=IF(J{row}="","",')
    assert question[7] == "Anggota tim ditunjuk pimpinan; mekanisme seleksi belum tertulis"
    count = next(r for r in rows if r[3] == "pelanggaran_tahun_sebelumnya")
    assert count[4] == 8
    assert "Ringkasan" in book.sheetnames


def test_score_with_json_and_xlsx_keeps_stdout_json(run_cli: Any, tmp_path: Path) -> None:
    result = run_cli("score", "--json", "--xlsx", str(tmp_path / "x.xlsx"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total"] > 0
    assert (tmp_path / "x.xlsx").is_file()


def test_invalid_answers_exit_1_without_score(run_cli: Any, workspace: Workspace) -> None:
    bad = workspace.root / "salah.yaml"
    bad.write_text(
        "lke: permenpanrb-90-2021\njawaban:\n  A.I.1.i.b: F\n  A.I.9.i.a: Ya\n"
        "hasil:\n  B.I.a: 4.5\n",
        encoding="utf-8",
    )
    result = run_cli("score", str(bad))
    assert result.exit_code == 1
    assert "TOTAL" not in result.output
    assert "salah.yaml memuat 3 jawaban yang tidak sah" in result.output
    assert (
        "salah.yaml:3 (jawaban.A.I.1.i.b): jawaban 'F' tidak dikenal untuk A.I.1.i.b "
        "(jenis ABC); pilihan: A, B, C" in result.output
    )
    assert "salah.yaml:4" in result.output and "salah.yaml:6" in result.output
    assert "Saran:" in result.output
    assert "Traceback" not in result.output


def test_missing_answers_file_is_an_error(run_cli: Any, workspace: Workspace) -> None:
    result = run_cli("score", str(workspace.root / "tidak-ada.yaml"))
    assert result.exit_code == 1
    assert "tidak ditemukan" in result.output


def test_predikat_option(run_cli: Any) -> None:
    result = run_cli("score", "--predikat", "wbbm", "--celah", "3")
    assert result.exit_code == 0
    assert "Celah terbesar (acuan WBBM" in result.output
    assert "membantu WBBM" in result.output
    unknown = run_cli("score", "--predikat", "WBX")
    assert unknown.exit_code == 1
    assert "predikat 'WBX'" in unknown.output
    assert "WBK" in unknown.output


def test_warning_for_missing_catalogue_line(run_cli: Any, workspace: Workspace) -> None:
    path = workspace.root / "tanpa-lke.yaml"
    path.write_text("jawaban:\n  A.I.1.i.a: Ya\n", encoding="utf-8")
    result = run_cli("score", str(path))
    assert result.exit_code == 0
    assert "Peringatan: tanpa-lke.yaml" in result.output
    assert "112 butir" in result.output or "Belum dijawab (112 butir" in result.output


def test_demo_step_writes_json_and_workbook(workspace: Workspace) -> None:
    messages: list[str] = []
    outputs = demo_step(workspace, messages.append)
    paths = [p for _, p in outputs]
    assert paths == [
        workspace.out_dir / "skor.json",
        workspace.out_dir / "lke-penilaian-mandiri.xlsx",
    ]
    assert json.loads(paths[0].read_text(encoding="utf-8"))["total"] == pytest.approx(
        79.55780890804598, rel=1e-12
    )
    assert openpyxl.load_workbook(paths[1])["LKE"]["A3"].value == "Penilaian"
    assert messages == [
        "Penilaian mandiri: total 79,56; Menuju WBK: memenuhi (gabungan), belum memenuhi (terpisah)"
    ]


def test_workbook_notes_are_appended_to_catatan(workspace: Workspace, tmp_path: Path) -> None:
    from zi_docs.assessment import score_workspace
    from zi_docs.assessment.workbook import write_workbook

    report = score_workspace(workspace)
    target = write_workbook(
        report,
        tmp_path / "lke.xlsx",
        notes={"A.I.1.i.b": "Data dukung: SK Tim.pdf", "A.I.1.i.a": "Data dukung: a.pdf"},
    )
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(target)["LKE"].iter_rows()]
    member = next(r for r in rows if str(r[0]).startswith("b. Penentuan anggota Tim"))
    assert member[7] == (
        "Anggota tim ditunjuk pimpinan; mekanisme seleksi belum tertulis\nData dukung: SK Tim.pdf"
    )
    notes = [r[7] for r in rows if r[7] and "Data dukung:" in str(r[7])]
    assert len(notes) == 2 and "Data dukung: a.pdf" in notes[0]
