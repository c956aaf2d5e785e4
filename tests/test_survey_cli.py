"""``zi-docs survei``: exit codes 0/3/1, the weight named in every output, JSON keys, the
report from the command line, SPAK/SPKP with a named method, suggestions never written."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from survey_helpers import check_figure_rows, unsur_header, write_csv

from zi_docs.cli import cli
from zi_docs.workspace import Workspace


def _run(*args: str, ws: Workspace | None = None) -> tuple[int, str, str]:
    env = {"ZI_DOCS_WORKSPACE": str(ws.root)} if ws else {}
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_clean_export_exits_0_and_names_the_weight(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "skm.csv", unsur_header(), check_figure_rows())
    code, out, _err = _run("survei", "ikm", str(path))
    assert code == 0
    assert "Bobot: regulasi (0,11;" in out
    assert "IKM 90,56 — mutu A (Sangat baik); 29 responden" in out
    code, out, _err = _run("survei", "ikm", str(path), "--bobot", "eksak")
    assert code == 0 and "Bobot: eksak (1/9;" in out and "IKM 91,48" in out


def test_json_keys_and_full_precision(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "skm.csv", unsur_header(), check_figure_rows())
    code, out, _err = _run("survei", "ikm", str(path), "--json", "--populasi", "40")
    data = json.loads(out)
    assert code == 0
    assert data["ikm"] == 2626.25 / 29 and data["ikm_tepat"] == "10505/116"
    assert data["mutu"] == "A" and data["responden"] == 29
    assert data["bobot"]["nama"] == "regulasi"
    assert [u["nrr"] for u in data["unsur"]][:2] == [105 / 29, 101 / 29]
    assert data["sampel"]["minimal"] == 36 and data["sampel"]["cukup"] is False
    assert data["masalah_data"]["jumlah"]["kosong"] == 0


def test_left_out_cells_exit_3_and_are_listed(tmp_path: Path) -> None:
    rows = [*check_figure_rows(), ["x", *[4] * 8], [None] * 9]
    path = write_csv(tmp_path / "skm.csv", unsur_header(), rows)
    code, _out, err = _run("survei", "ikm", str(path))
    assert code == 3
    assert "Masalah data: 2 sel/baris tidak dihitung" in err
    assert "baris 31, kolom A (U1): jawaban 'x' tidak dikenal" in err
    assert "baris 32: baris kosong; dilewati" in err
    assert "  baris kosong: 1" in err and "  nilai di luar skala: 0" in err


def test_nothing_usable_exits_1(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "skm.csv", unsur_header(), [[9] * 9, [0] * 9])
    code, out, err = _run("survei", "ikm", str(path))
    assert code == 1
    assert "IKM tidak dapat dihitung" in out and "nilai di luar skala: 18" in err


def test_missing_column_is_a_clear_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "skm.csv", ["U1", "U2"], [[4, 4]])
    code, _out, err = _run("survei", "ikm", str(path))
    assert code == 1
    assert "Galat: kolom survei di" in err and "kolom U9 (Sarana dan Prasarana) tidak ada" in err
    assert "Traceback" not in err


def test_docx_from_the_command_line(workspace: Workspace, tmp_path: Path) -> None:
    source = workspace.inputs_dir / "skm-2026-tw1.csv"
    definition = workspace.inputs_dir / "skm-definisi.yaml"
    out = tmp_path / "laporan.docx"
    code, stdout, err = _run(
        "survei",
        "ikm",
        str(source),
        "--definisi",
        str(definition),
        "--docx",
        str(out),
        ws=workspace,
    )
    assert code == 3  # the example keeps three faults on purpose
    assert out.is_file() and "Laporan SKM ditulis ke" in stdout + err
    assert "IKM 84,49 — mutu B (Baik); 300 responden" in stdout


def _internal_csv(tmp_path: Path, codes: list[str], rows: list[list[object]]) -> Path:
    return write_csv(tmp_path / "internal.csv", codes, rows)


def test_spak_index_with_named_method(tmp_path: Path) -> None:
    codes = ["A1", "A2", "A3", "A4", "A5"]
    # means 6, 5, 4, 5, 5 -> raw mean 5; linier (5-1)/5*4 = 3.2; proporsional 5/6*4 = 3.333...
    rows = [[6, 5, 4, 5, 5], [6, 5, 4, 5, 5]]
    path = _internal_csv(tmp_path, codes, rows)
    code, out, err = _run("survei", "spak", str(path))
    assert code == 0
    assert "Metode konversi ke 0-4: linier" in out
    assert "IPAK 3,20 (rata-rata mentah 5,0000 pada skala 1-6, metode linier, n = 2)" in out
    assert "hanya 2 responden" in err
    assert 'B.I.a: {indeks: 3.20, sumber: "SPAK internal' in out
    code, out, _err = _run("survei", "spak", str(path), "--metode", "proporsional", "--json")
    data = json.loads(out)
    assert data["metode"]["nama"] == "proporsional" and abs(data["indeks"] - 10 / 3) < 1e-12
    assert data["rata_rata_mentah"] == 5.0 and data["responden"] == 2


def test_spkp_bad_cell_exit_3(tmp_path: Path) -> None:
    codes = [f"P{i}" for i in range(1, 9)]
    path = _internal_csv(tmp_path, codes, [[6] * 8, [7, *[6] * 7]])
    code, out, err = _run("survei", "spkp", str(path))
    assert code == 3
    assert "IPKP 4,00" in out and "baris 3, kolom A (P1): nilai '7' di luar skala" in err


def test_suggestions_are_shown_not_written(workspace: Workspace) -> None:
    before = workspace.answers_file.read_bytes()
    source = workspace.inputs_dir / "skm-2026-tw1.csv"
    definition = workspace.inputs_dir / "skm-definisi.yaml"
    code, out, _err = _run(
        "survei", "saran", str(source), "--definisi", str(definition), ws=workspace
    )
    assert code == 0
    assert "P.PP.iv.a (A.I.6.iv.a)" in out
    assert "saran: D;" in out  # one quarter of answers, no report archived yet
    assert "belum ada laporan di arsip" in out
    assert workspace.answers_file.read_bytes() == before


def test_index_with_its_source_is_scored(workspace: Workspace, tmp_path: Path) -> None:
    codes = ["A1", "A2", "A3", "A4", "A5"]
    path = _internal_csv(tmp_path, codes, [[6, 5, 4, 5, 5]] * 30)
    code, out, _err = _run("survei", "spak", str(path))
    assert code == 0
    line = next(x.strip() for x in out.splitlines() if x.strip().startswith("B.I.a:"))
    text = workspace.answers_file.read_text(encoding="utf-8")
    old = next(x for x in text.splitlines() if x.startswith("  B.I.a:"))
    workspace.answers_file.write_text(text.replace(old, f"  {line}"), encoding="utf-8")
    code, out, _err = _run("score", "--json", ws=workspace)
    data = json.loads(out)
    questions = [q for q in data["pertanyaan"] if q["id"] == "B.I.a"]
    assert questions and questions[0]["indeks"] == 3.2
    assert (
        questions[0]["sumber"].startswith("SPAK internal")
        and "metode linier" in questions[0]["sumber"]
    )


def test_ipkp_from_ikm_line_is_scored(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "skm.csv", unsur_header(), check_figure_rows())
    code, out, _err = _run("survei", "ikm", str(path))
    assert code == 0
    line = next(x.strip() for x in out.splitlines() if x.strip().startswith("B.II.a:"))
    # 90,56 / 25 = 3,6224 -> 3.62
    assert line.startswith('B.II.a: {indeks: 3.62, sumber: "IKM 90,56 / 25 = 3,6224 (SKM')
    text = workspace.answers_file.read_text(encoding="utf-8")
    old = next(x for x in text.splitlines() if x.startswith("  B.II.a:"))
    workspace.answers_file.write_text(text.replace(old, f"  {line}"), encoding="utf-8")
    code, out, _err = _run("score", "--json", ws=workspace)
    assert code in (0, 3)  # the example's self-assessment has gaps
    [question] = [q for q in json.loads(out)["pertanyaan"] if q["id"] == "B.II.a"]
    assert question["indeks"] == 3.62 and "bobot regulasi" in question["sumber"]
