"""The CLI spine in-process: init, workspace discovery, lke commands, usage errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from zi_docs.cli import cli
from zi_docs.workspace import Workspace, find_workspace


def test_init_example_creates_a_workspace_and_refuses_to_overwrite(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "dinas"
    result = runner.invoke(
        cli, ["init", str(target), "--contoh", "--tahun", "2027", "--unit", "Dinas X & Y"]
    )
    assert result.exit_code == 0, result.output
    for name in ("unit.yaml", "lke.yaml", "inputs", "templates", "archive", "out"):
        assert (target / name).exists(), name
    profile = Workspace(target).profile
    assert profile.year == 2027 and profile.unit_name == "Dinas X & Y"
    before = (target / "unit.yaml").read_bytes()
    again = runner.invoke(cli, ["init", str(target), "--contoh"])
    assert again.exit_code == 1
    assert "tidak ada yang ditimpa" in again.output
    assert (target / "unit.yaml").read_bytes() == before


def test_workspace_found_from_option_env_or_parents(
    workspace: Workspace, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ZI_DOCS_WORKSPACE", raising=False)
    nested = workspace.root / "inputs"
    assert find_workspace(cwd=nested).root == workspace.root
    assert find_workspace(str(workspace.root), cwd=tmp_path).root == workspace.root
    monkeypatch.setenv("ZI_DOCS_WORKSPACE", str(workspace.root))
    assert find_workspace(cwd=tmp_path).root == workspace.root


def test_no_workspace_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["lke", "list"], env={"ZI_DOCS_WORKSPACE": str(tmp_path)})
    assert result.exit_code == 1
    assert "bukan ruang kerja zi-docs" in result.output
    assert "zi-docs init" in result.output
    assert "Traceback" not in result.output


def test_lke_list_filters_and_json(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("lke", "list", "--area", "mp", "--bagian", "reform", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    questions = [r for r in rows if r["tingkat"] == "pertanyaan"]
    assert [q["id"] for q in questions] == [
        "A.II.1.i.a",
        "A.II.1.i.b",
        "A.II.1.ii.a",
        "A.II.1.iii.a",
    ]
    text = run_cli("lke", "list").output
    assert "110 pertanyaan" not in text and "113 pertanyaan." in text


def test_lke_show_alias_and_checklist(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("lke", "show", "p.mp.i.a")
    assert result.exit_code == 0
    assert "A.I.1.i.a" in result.output
    assert "Unit kerja telah membentuk tim" in result.output
    assert "[wajib] sk-tim" in result.output
    assert "Bobot: 0.25" in result.output


def test_lke_show_unknown_suggests(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("lke", "show", "P.MP.i.z")
    assert result.exit_code == 1
    assert "tidak ada dalam katalog" in result.output
    assert "Mungkin maksud Anda: A.I.1.i" in result.output


def test_lke_search(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("lke", "search", "gratifikasi")
    assert result.exit_code == 0
    assert "A.I.5.i.a" in result.output
    assert "indikator menyebut 'gratifikasi'" in result.output


def test_usage_errors_are_indonesian_and_exit_2(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("lke", "list", "--are", "MP")
    assert result.exit_code == 2
    assert "opsi --are tidak dikenal; maksudnya --area?" in result.output
    bad_choice = run_cli("lke", "list", "--area", "XX")
    assert bad_choice.exit_code == 2
    assert "tidak sah" in bad_choice.output
    assert run_cli("tidak-ada").exit_code == 2


def test_help_is_indonesian(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Penggunaan:" in result.output and "Perintah" in result.output
    assert "Tampilkan bantuan ini lalu keluar." in result.output


def test_click_value_errors_are_indonesian(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = run_cli("score", str(tmp_path))
    assert folder.exit_code == 2
    assert f"'{tmp_path}' adalah folder; sebutkan sebuah berkas" in folder.output
    note = tmp_path / "catatan.txt"
    note.write_text("x", encoding="utf-8")
    not_a_folder = run_cli("rekap", str(note))
    assert not_a_folder.exit_code == 2
    assert f"'{note}' adalah berkas; sebutkan sebuah folder" in not_a_folder.output
    negative = run_cli("score", "--celah", "-1")
    assert negative.exit_code == 2 and "-1 di luar rentang minimal 0" in negative.output
    too_small = run_cli("archive", "add", str(note), "--maks-mb", "0")
    assert too_small.exit_code == 2 and "di luar rentang" in too_small.output
    year = run_cli("init", str(tmp_path / "ws0"), "--tahun", "0")
    assert year.exit_code == 2 and "0 di luar rentang 2015 sampai 2100" in year.output
    assert not (tmp_path / "ws0").exists()
    zero = run_cli("archive", "search", "rapat", "--batas", "0")
    assert zero.exit_code == 2 and "0 di luar rentang minimal 1" in zero.output
    for result in (folder, not_a_folder, negative, too_small, zero):
        assert " is a " not in result.output and "not in the range" not in result.output


def test_workspace_that_is_missing_or_a_file_is_named(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada"
    result = runner.invoke(cli, ["--ruang-kerja", str(missing), "check"])
    assert result.exit_code == 1
    assert f"Galat: folder {missing} tidak ada" in result.output
    a_file = tmp_path / "unit.txt"
    a_file.write_text("x", encoding="utf-8")
    result = runner.invoke(cli, ["check"], env={"ZI_DOCS_WORKSPACE": str(a_file)})
    assert result.exit_code == 1
    assert f"Galat: {a_file} adalah berkas, bukan folder ruang kerja" in result.output


def test_outputs_that_cannot_be_written_are_clear_errors(  # type: ignore[no-untyped-def]
    run_cli, workspace: Workspace, tmp_path: Path
) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("x", encoding="utf-8")
    piagam = str(workspace.inputs_dir / "piagam.yaml")
    for args in (
        ("init", str(blocker / "ws"), "--contoh"),
        ("score", "--xlsx", str(blocker / "lke.xlsx")),
        ("generate", "piagam", piagam, "-o", str(blocker / "piagam.docx")),
        ("rekap", str(workspace.root), "--xlsx", str(blocker / "rekap.xlsx")),
    ):
        result = run_cli(*args)
        assert result.exit_code == 1, args
        assert f"Galat: {blocker} adalah berkas, bukan folder" in result.output, args
        assert "Galat internal" not in result.output
    too_long = tmp_path / ("n" * 300 + ".xlsx")
    result = run_cli("score", "--xlsx", str(too_long))
    assert result.exit_code == 1
    assert "nama atau jalurnya terlalu panjang" in result.output
    assert "Galat internal" not in result.output
