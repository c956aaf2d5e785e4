"""Submission gates from the data file, and rekap over several workspaces (read-only)."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from submission_helpers import Fake, make_archive, write_answers

from zi_docs.submission.gates import GateState, evaluate_gates, load_rules
from zi_docs.submission.rekap import build_rekap
from zi_docs.workspace import UnitProfile, Workspace, init_workspace

TODAY = dt.date(2026, 11, 1)


def profile(target: str = "WBK", jenis: str = "pemda", **pengajuan: Any) -> UnitProfile:
    base: dict[str, Any] = {
        "opini_bpk": "WTP",
        "nilai_sakip": "B",
        "nilai_sakip_internal": "B",
        "indeks_rb": "CC",
        "level_spip": 3,
        "tlhp_persen": 100,
        "lhkpn_persen": 100,
        "lhkasn_persen": 100,
        "mulai_pembangunan": dt.date(2025, 5, 31),
        "sptjm": True,
        "batas_pengajuan": dt.date(2026, 5, 31),
    }
    base.update(pengajuan)
    return UnitProfile(
        data={
            "tahun": 2025,
            "target_predikat": target,
            "jenis_instansi": jenis,
            "pengajuan": base,
            "unit": {"nama": "X"},
        }
    )


def states(p: UnitProfile) -> dict[str, GateState]:
    return {g.code: g.state for g in evaluate_gates(p, TODAY).results}


def test_all_gates_met_at_their_minimum() -> None:
    gates = evaluate_gates(profile(), dt.date(2026, 5, 1))
    assert gates.all_met and gates.days_left == 30 and gates.deadline == dt.date(2026, 5, 31)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"opini_bpk": "WDP"}, "opini-bpk"),
        ({"nilai_sakip": "CC"}, "sakip"),
        ({"indeks_rb": "C"}, "indeks-rb"),
        ({"level_spip": 2.9}, "spip"),
        ({"tlhp_persen": 99.99}, "tlhp"),
        ({"lhkasn_persen": 96.5}, "lhkasn"),
        ({"mulai_pembangunan": dt.date(2025, 6, 1)}, "lama-pembangunan"),  # one day short
        ({"sptjm": False}, "sptjm"),
    ],
)
def test_each_gate_fails_just_below(change: dict[str, Any], code: str) -> None:
    result = states(profile(**change))
    assert result[code] is GateState.UNMET
    assert [c for c, s in result.items() if s is not GateState.MET] == [code]


def test_thresholds_depend_on_predicate_and_jenis_instansi() -> None:
    assert states(profile(jenis="kl", indeks_rb="CC"))["indeks-rb"] is GateState.UNMET
    assert states(profile(jenis="kl", indeks_rb="B"))["indeks-rb"] is GateState.MET
    wbbm = states(profile(target="WBBM", indeks_rb="B", nilai_sakip="B"))
    assert wbbm["indeks-rb"] is GateState.MET and wbbm["sakip"] is GateState.UNMET
    assert states(profile(target="WBBM", jenis="kl", indeks_rb="B"))["indeks-rb"] is (
        GateState.UNMET
    )


def test_missing_values_and_default_deadline() -> None:
    bare = UnitProfile(data={"tahun": 2026, "target_predikat": "WBK", "unit": {"nama": "X"}})
    gates = evaluate_gates(bare, TODAY)
    assert {g.state for g in gates.results} == {GateState.UNKNOWN}
    assert gates.deadline == dt.date(2027, 5, 31)
    assert gates.days_left == (dt.date(2027, 5, 31) - TODAY).days


def test_rules_are_data() -> None:
    rules = load_rules()
    assert rules["skema"] == "zi-docs-prasyarat/1"
    assert {r["kode"] for r in rules["prasyarat"]} >= {"opini-bpk", "spip", "sptjm"}


# ---- rekap ------------------------------------------------------------------------------------
def _digest_tree(root: Path) -> dict[str, tuple[str, float]]:
    return {
        p.relative_to(root).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime,
        )
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _units(tmp_path: Path) -> list[Workspace]:
    units = []
    for number, answer in enumerate((None, "Ya", "Tidak")):
        ws = init_workspace(tmp_path / f"unit{number}", unit_name=f"Unit {number}").workspace
        data: dict[str, object] = {"A.I.1.i.a": answer} if answer else {}
        if number == 0:
            catalogue = ws.catalogue
            data = {
                q.id: catalogue.options(q.answer_type or "")[0] or {"persen": 100}
                for q in catalogue.questions()
                if q.part != "hasil" and q.answer_type != "PERSEN"
            }
        write_answers(ws, data)
        make_archive(ws, [Fake("sk.pdf", f"sk{number}".encode(), [("A.I.1.i.a", "sk-tim")])])
        units.append(ws)
    return units


def test_rekap_over_three_workspaces_reads_only(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    units = _units(tmp_path)
    before = {ws.root: _digest_tree(ws.root) for ws in units}
    rekap = build_rekap([ws.root for ws in units] + [tmp_path / "bukan"], TODAY, "total")
    assert [r.unit for r in rekap.rows] == ["Unit 0", "Unit 1", "Unit 2", "bukan"]
    assert rekap.rows[0].total > rekap.rows[1].total > rekap.rows[2].total
    assert rekap.rows[-1].error is not None
    assert rekap.area_codes == ("MP", "TTL", "SDM", "AK", "PW", "PP")
    assert all(r.red > 0 for r in rekap.rows[:3])
    by_name = build_rekap([ws.root for ws in units], TODAY, "nama")
    assert [r.unit for r in by_name.rows] == ["Unit 0", "Unit 1", "Unit 2"]
    by_red = build_rekap([ws.root for ws in units], TODAY, "temuan")
    assert [r.red for r in by_red.rows] == sorted(r.red for r in by_red.rows)
    xlsx, docx_path = tmp_path / "rekap.xlsx", tmp_path / "rekap.docx"
    result = run_cli(
        "rekap",
        *(str(ws.root) for ws in units),
        "--urut",
        "pengungkit",
        "--xlsx",
        str(xlsx),
        "--docx",
        str(docx_path),
    )
    assert result.exit_code == 0, result.output
    assert result.output.index("Unit 0") < result.output.index("Unit 1")
    sheet = load_workbook(xlsx)["Rekap"]
    assert sheet["A1"].value == "Unit kerja" and sheet.max_row == 4
    import docx

    rows = docx.Document(str(docx_path)).tables[0].rows
    assert len(rows) == 5  # header, three units, the signature block below them
    assert "NIP." in rows[-1].cells[0].text
    for ws in units:
        assert _digest_tree(ws.root) == before[ws.root]


def test_rekap_names_a_missing_folder_and_exits_1(
    run_cli, workspace: Workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "hilang"
    result = run_cli("rekap", str(workspace.root), str(missing))
    assert result.exit_code == 1
    assert f"tidak terbaca: folder {missing} tidak ada" in result.output
    assert "Dinas Penanaman Modal" in result.output


def test_rekap_table_tells_units_with_the_same_long_name_apart(
    run_cli, workspace: Workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    twin = tmp_path / "upt-kecamatan-timur"
    shutil.copytree(workspace.root, twin)
    result = run_cli("rekap", str(workspace.root), str(twin), "--urut", "nama")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Ruang kerja")
    assert any(line.startswith("upt-kecamatan-t…") for line in lines)
    assert any(
        line.startswith(f"{workspace.root.name:<16} Dinas Penanaman Modal dan Pel…")
        for line in lines
    )


def test_rekap_docx_columns_fit_their_longest_word() -> None:
    from zi_docs.submission.rekap_out import CHAR_MM, GRID, GRID_MM, column_spans

    titles = ["Unit kerja", "Tahun", "MP nilai", "Kelengkapan %", "Menuju WBK"]
    rows = [["Unit Pelaksana Teknis Daerah Kesehatan", "2026", "6,01", "0,00", "belum memenuhi"]]
    spans = column_spans(titles, rows)
    assert sum(spans) == GRID  # the unit column takes the rest of the grid
    for span, title, value in zip(spans, titles, rows[0], strict=True):
        longest = max(len(w) for w in f"{title} {value}".split())
        assert span * GRID_MM >= longest * CHAR_MM
    assert spans[3] > spans[2]  # "Kelengkapan" needs more room than "nilai"


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells).replace("\xa0", " ")


def test_rekap_docx_is_headed_placed_and_signed(
    run_cli, workspace: Workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    plain, headed = tmp_path / "rekap.docx", tmp_path / "rekap-kop.docx"
    result = run_cli("rekap", str(workspace.root), "--docx", str(plain))
    assert result.exit_code == 0, result.output
    text = _docx_text(plain)
    profile = workspace.profile.data
    # without a profile: the units' instansi heads it, their city places the date, the
    # signer's name is left blank to be written in
    assert profile["instansi"] in text
    assert f"{profile['unit']['kota']}, " in text
    assert "Ketua Tim Penilai," in text and "(......" in text
    assert profile["pimpinan"]["nama"].split(",")[0] not in text
    result = run_cli(
        "rekap", str(workspace.root), "--docx", str(headed), "--profil", str(workspace.root)
    )
    assert result.exit_code == 0, result.output
    text = _docx_text(headed)
    assert profile["instansi"].upper() in text  # the kop surat of the evaluator's profile
    assert profile["unit"]["nama"].upper() in text
    assert profile["pimpinan"]["nama"].split(",")[0] in text
    assert "Ketua Tim Penilai" not in text
