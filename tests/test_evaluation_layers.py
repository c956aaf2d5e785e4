"""Layers end to end: the layered workbook out, an evaluator fills a column group, it comes
back as a layer round, is scored, compared, answered (tanggapan) and followed by a round 2."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from zi_docs.assessment import score_workspace
from zi_docs.errors import InvalidInputError
from zi_docs.evaluation.layers import load_layer
from zi_docs.evaluation.sheet_import import import_workbook
from zi_docs.workspace import Workspace


def _group_start(sheet: Any, title_part: str) -> int:
    for cell in sheet[2]:
        if cell.value and title_part in str(cell.value):
            return int(cell.column)
    raise AssertionError(title_part)


def _fill_evaluator(path: Path, workspace: Workspace, changes: dict[str, tuple[Any, str]]) -> None:
    """Copy the unit's answers into the tpi-unit group, with ``changes`` (answer, note)."""
    book = openpyxl.load_workbook(path)
    sheet = book["LKE"]
    unit, tpi = _group_start(sheet, "Penilaian Mandiri"), _group_start(sheet, "(tpi-unit)")
    rows = {str(sheet.cell(r, 1).value): r for r in range(4, sheet.max_row + 1)}
    for row in range(4, sheet.max_row + 1):
        value = sheet.cell(row, unit).value
        if value is not None:
            sheet.cell(row, tpi, value)
    catalogue = workspace.catalogue
    for qid, (answer, note) in changes.items():
        node = catalogue.node(qid)
        row = next(r for label, r in rows.items() if label.endswith(node.name))
        sheet.cell(row, tpi, answer)
        sheet.cell(row, tpi + 3, note)
    book.save(path)


@pytest.fixture
def no_example_layer(workspace: Workspace) -> Workspace:
    """The workspace without the example layer ``init`` writes."""
    (workspace.layers_dir / "tpi-unit.yaml").unlink()
    return workspace


@pytest.mark.usefixtures("no_example_layer")
def test_round_trip_layer_scored_compared_answered(
    run_cli: Any, workspace: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "lke-untuk-tpi.xlsx"
    assert run_cli("score", "--xlsx", str(target)).exit_code == 0
    _fill_evaluator(
        target,
        workspace,
        {
            "A.I.1.i.b": ("C", "Mekanisme seleksi anggota tim tidak ada"),
            "A.I.2.i.c": ("E", "Belum ada evaluasi SOP"),
        },
    )
    done = run_cli(
        "lke",
        "impor",
        str(target),
        "--lapis",
        "tpi-unit",
        "--penilai",
        "Tim TPI",
        "--tanggal",
        "2026-03-10",
    )
    assert done.exit_code == 0, done.output
    assert "Putaran 1 lapis 'tpi-unit' ditulis ke lapis/tpi-unit.yaml" in done.output
    assert "Sidik kertas kerja: sha256:" in done.output
    assert "berbeda dengan lke.yaml" not in done.output
    layer = load_layer(workspace, "tpi-unit")
    [first] = layer.rounds
    assert (first.number, first.evaluator, str(first.date)) == (1, "Tim TPI", "2026-03-10")
    assert first.fingerprint and first.fingerprint.startswith("sha256:")
    # formulas of a workbook openpyxl wrote carry no cached value: said, not compared
    assert "rumus tanpa nilai tersimpan" in done.output

    unit = score_workspace(workspace)
    scored = json.loads(run_cli("score", "--lapis", "tpi-unit", "--json").stdout)
    catalogue = workspace.catalogue
    lost = (0.5 - 0.0) * 0.25 + (0.5 - 0.0) * (1.0 / 3)
    assert catalogue.node("A.I.1.i").weight == 0.5 and catalogue.node("A.I.2.i").weight == 1.0
    assert scored["lapis"] == "tpi-unit"
    assert scored["total"] == pytest.approx(unit.total - lost)
    table = run_cli("score", "--lapis", "tpi-unit")
    assert "Penilaian LKE lapis 'tpi-unit'" in table.output
    assert "Menuju WBK:" in table.output and "Celah terbesar" in table.output
    layered = tmp_path / "lapis.xlsx"
    assert run_cli("score", "--lapis", "tpi-unit", "--xlsx", str(layered)).exit_code == 0
    groups = [c.value for c in openpyxl.load_workbook(layered)["LKE"][2] if c.value]
    assert groups == ["Lapis tpi-unit", "TPI Inspektorat / Itjen (inspektorat)"]

    compared = json.loads(run_cli("lapis", "bandingkan", "--json").stdout)
    row = next(r for r in compared["indikator"] if r["id"] == "A.I.1.i.b")
    assert row["unit"] == {"jawaban": "B", "nilai": 0.5}
    assert row["lapis"]["tpi-unit"] == {"jawaban": "C", "nilai": 0.0, "selisih": -0.5}
    assert row["catatan"][0]["catatan"] == "Mekanisme seleksi anggota tim tidak ada"
    area = next(r for r in compared["rangkuman"] if r["id"] == "A.I.1")
    assert area["lapis"]["tpi-unit"] == pytest.approx(area["unit"] - 0.125)
    same = next(r for r in compared["indikator"] if r["id"] == "A.I.1.i.a")
    assert same["lapis"]["tpi-unit"]["selisih"] == 0

    answered = run_cli("lapis", "tanggapi", "tpi-unit", "P.MP.i.b", "SK mekanisme seleksi terbit")
    assert answered.exit_code == 0, answered.output
    second = run_cli(
        "lapis",
        "catat",
        "tpi-unit",
        "P.MP.i.b",
        "--jawaban",
        "B",
        "--catatan",
        "Mekanisme ada, belum dievaluasi",
        "--putaran-baru",
        "--penilai",
        "Tim TPI",
        "--tanggal",
        "2026-04-02",
    )
    assert second.exit_code == 0, second.output
    text = workspace.answers_file.read_text(encoding="utf-8")
    workspace.answers_file.write_text(text.replace("A.I.1.i.a: Ya", "A.I.1.i.a: Tidak"), "utf-8")
    again = run_cli("lke", "impor", str(target), "-o", str(tmp_path / "lain.yaml"))
    assert again.exit_code == 0 and "berbeda dengan lke.yaml sekarang" in again.output
    workspace.answers_file.write_text(text, encoding="utf-8")
    changes = json.loads(run_cli("lapis", "perubahan", "tpi-unit", "--json").stdout)
    assert (changes["putaran_sebelumnya"], changes["putaran"]) == (1, 2)
    [item] = changes["perubahan"]
    assert (item["id"], item["jawaban_sebelumnya"], item["jawaban"]) == ("A.I.1.i.b", "C", "B")
    assert item["tanggapan"] == "SK mekanisme seleksi terbit"
    assert item["catatan"] == "Mekanisme ada, belum dievaluasi"
    assert changes["total"] == pytest.approx(changes["total_sebelumnya"] + 0.125)
    text = run_cli("lapis", "bandingkan").output
    assert "tanggapan unit: SK mekanisme seleksi terbit" in text
    assert "[tpi-unit putaran 2, 2026-04-02] Mekanisme ada, belum dievaluasi" in text


def test_comparison_rolls_up_each_whole_area_like_the_score(
    run_cli: Any, workspace: Workspace
) -> None:
    compared = json.loads(run_cli("lapis", "bandingkan", "--json").stdout)
    rows = {r["id"]: r for r in compared["rangkuman"]}
    catalogue = workspace.catalogue
    unit = score_workspace(workspace).score
    assert [a.code for a in unit.areas] == ["MP", "TTL", "SDM", "AK", "PW", "PP"]
    for area in unit.areas:
        whole = rows[f"area:{area.code}"]
        assert whole["nama"] == f"{area.name} (Gabungan)"
        assert whole["unit"] == pytest.approx(area.value)
        parts = [n.id for n in catalogue.walk() if n.level == "area" and n.area == area.code]
        assert len(parts) == 2  # Pemenuhan and Reform
        layer = whole["lapis"]["tpi-unit"]
        assert layer == pytest.approx(sum(rows[p]["lapis"]["tpi-unit"] for p in parts))
        assert whole["unit"] == pytest.approx(sum(rows[p]["unit"] for p in parts))
    # the example TPI lowers P.MP.i.b (0.5 -> 0) and P.TTL.i.c (0.5 -> 0.25)
    mp = rows["area:MP"]
    assert mp["lapis"]["tpi-unit"] < mp["unit"]
    order = [r["id"] for r in compared["rangkuman"]]
    hasil = next(i for i, r in enumerate(compared["rangkuman"]) if r["nama"] == "HASIL")
    assert order.index("area:PP") == hasil - 1 and order[-1] == "TOTAL"
    text = run_cli("lapis", "bandingkan", "--area", "MP").output
    assert (
        "Manajemen Perubahan (Gabungan)" in text and "Penguatan Pengawasan (Gabungan)" not in text
    )
    wide = run_cli("lapis", "bandingkan").output
    assert "Penataan Sistem Manajemen SDM… (Gabungan)" in wide


@pytest.mark.usefixtures("no_example_layer")
def test_layer_errors_name_the_place(run_cli: Any, workspace: Workspace) -> None:
    nothing = run_cli("lapis", "tanggapi", "tpi-unit", "P.MP.i.b", "x")
    assert nothing.exit_code == 1 and "lapis 'tpi-unit' belum ada" in nothing.output
    bad_name = run_cli("lapis", "catat", "TPI Unit", "P.MP.i.b", "--catatan", "x")
    assert bad_name.exit_code == 1 and "nama lapis 'TPI Unit' tidak sah" in bad_name.output
    first = run_cli(
        "lapis", "catat", "tpi-unit", "P.MP.i.a", "--jawaban", "Tidak", "--penilai", "TPI"
    )
    assert first.exit_code == 0, first.output
    no_note = run_cli("lapis", "tanggapi", "tpi-unit", "P.MP.i.a", "x")
    assert no_note.exit_code == 1 and "tidak memuat catatan untuk A.I.1.i.a" in no_note.output
    wrong = run_cli("lapis", "catat", "tpi-unit", "P.MP.i.b", "--jawaban", "Z")
    assert wrong.exit_code == 1 and "jawaban 'Z' tidak dikenal" in wrong.output
    path = workspace.layers_dir / "tpi-unit.yaml"
    text = path.read_text(encoding="utf-8").replace("jawaban: Tidak", "jawaban: Mungkin")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        load_layer(workspace, "tpi-unit")
    [finding] = caught.value.findings
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "Mungkin" in t)
    assert (finding.file, finding.line) == ("lapis/tpi-unit.yaml", line)


@pytest.mark.libreoffice
def test_formulas_recompute_in_libreoffice_and_match_zi_docs(
    run_cli: Any, workspace: Workspace, tmp_path: Path
) -> None:
    """LibreOffice recalculates the written workbook; its values then equal zi-docs's."""
    target = tmp_path / "lke.xlsx"
    assert run_cli("score", "--xlsx", str(target)).exit_code == 0
    _fill_evaluator(target, workspace, {"A.I.1.i.b": ("C", "catatan")})
    out = tmp_path / "dihitung"
    profile = tmp_path / "profil-lo"
    subprocess.run(
        [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(target),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for layer in (None, "tpi-unit", "inspektorat"):
        result = import_workbook(out / "lke.xlsx", workspace.catalogue, layer=layer)
        assert result.differences == ()
        assert not [n for n in result.notes if n.code == "xlsx-tanpa-nilai-tersimpan"]
    evaluator = import_workbook(out / "lke.xlsx", workspace.catalogue, layer="tpi-unit")
    assert evaluator.score.total == pytest.approx(score_workspace(workspace).total - 0.125)
