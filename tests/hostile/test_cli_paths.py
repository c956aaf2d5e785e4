"""Paths and options on the command line: files where folders belong, special folders, full
disks, existing outputs. A clear answer naming the path, no temporary file left behind."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import clear, snapshot

from zi_docs import atomic
from zi_docs.cli import cli
from zi_docs.workspace import Workspace


def _bare(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"ZI_DOCS_WORKSPACE": ""})


def test_workspace_option_naming_a_file(tmp_path: Path) -> None:
    (tmp_path / "berkas").write_text("x")
    output = clear(_bare("-w", str(tmp_path / "berkas"), "score"), 2, "--ruang-kerja tidak sah")
    assert "' / '" not in output  # the option named once, not garbled


def test_workspace_option_naming_nothing(tmp_path: Path) -> None:
    clear(_bare("-w", str(tmp_path / "tidak-ada"), "score"), 1, "tidak ada")


def test_workspace_without_unit_yaml(tmp_path: Path) -> None:
    clear(_bare("-w", str(tmp_path), "score"), 1, "tidak ada unit.yaml")


def _generate(zi: Callable[..., Result], ws: Workspace, *extra: str) -> Result:
    return zi("generate", str(ws.root / "inputs" / "sk-tim.yaml"), *extra)


SPECIAL = ["/proc/x.docx", "/proc/self/x.docx", "/sys/x.docx", "/dev/null/x.docx"]


@pytest.mark.parametrize("target", SPECIAL)
def test_output_into_a_special_folder(
    zi: Callable[..., Result], ws: Workspace, target: str
) -> None:
    clear(_generate(zi, ws, "-o", target), 1, str(Path(target).parent))


def test_existing_output_is_kept_without_timpa(zi: Callable[..., Result], ws: Workspace) -> None:
    precious = ws.root / "penting.docx"
    precious.write_bytes(b"dokumen yang diedit tangan")
    clear(_generate(zi, ws, "-o", str(precious)), 1, "sudah ada", "--timpa")
    assert precious.read_bytes() == b"dokumen yang diedit tangan"
    clear(_generate(zi, ws, "-o", str(precious), "--timpa"), 0, "dibuat")
    assert precious.read_bytes()[:2] == b"PK"


def test_existing_output_in_a_folder_is_kept_without_timpa(
    zi: Callable[..., Result], ws: Workspace, tmp_path: Path
) -> None:
    clear(_generate(zi, ws, "-o", str(tmp_path)), 0)
    made = next(tmp_path.glob("*.docx"))
    stamp = made.stat().st_mtime_ns
    clear(_generate(zi, ws, "-o", str(tmp_path)), 1, "sudah ada")
    assert made.stat().st_mtime_ns == stamp


@pytest.mark.parametrize("target", ["archive/x.docx", "archive/objects/ab/x.docx"])
def test_output_into_the_archive(zi: Callable[..., Result], ws: Workspace, target: str) -> None:
    clear(_generate(zi, ws, "-o", str(ws.root / target), "--timpa"), 1, "folder arsip")
    assert not (ws.root / target).exists()


def test_output_below_a_file(zi: Callable[..., Result], ws: Workspace) -> None:
    clear(_generate(zi, ws, "-o", str(ws.unit_file / "x.docx")), 1, "bukan folder")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EDQUOT])
def test_a_refused_write_names_the_file_and_leaves_no_tmp(
    zi: Callable[..., Result], ws: Workspace, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    def refuse(_fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "fsync", refuse)
    out = ws.root / "out" / "hasil.docx"
    phrase = {errno.ENOSPC: "ruang disk penuh", errno.EROFS: "hanya dapat dibaca"}
    output = clear(_generate(zi, ws, "-o", str(out)), 1, "hasil.docx")
    assert phrase.get(code, "") in output
    assert not out.exists()
    assert [p.name for p in out.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_killed_generate_leaves_a_tmp_the_next_run_removes(
    zi: Callable[..., Result], ws: Workspace
) -> None:
    folder = ws.root / "out" / "dokumen"
    folder.mkdir(parents=True, exist_ok=True)
    dead = 2**22 + 4321
    (folder / f".hasil.docx.{dead}.tmp").write_bytes(b"setengah")
    clear(_generate(zi, ws, "-o", str(folder / "hasil.docx")), 0)
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


INPUT_PATHS = [
    ("missing", "tidak-ada.yaml", 1, "tidak ditemukan"),
    ("a-folder", "inputs", 2, "folder"),
]


@pytest.mark.parametrize(
    ("case", "name", "code", "phrase"), INPUT_PATHS, ids=[c[0] for c in INPUT_PATHS]
)
def test_a_bad_input_path(
    zi: Callable[..., Result], ws: Workspace, case: str, name: str, code: int, phrase: str
) -> None:
    clear(zi("generate", "sk-tim", str(ws.root / name)), code, phrase)


OPTIONS = [
    (("archive", "add", "x.pdf", "--maks-mb", "-1"), 2, "--maks-mb"),
    (("archive", "add", "x.pdf", "--tanggal", "kemarin"), 2, "TTTT-BB-HH"),
    (("archive", "list", "--tidak-ada"), 2, "tidak dikenal"),
    (("perintah-antah",), 2, "tidak dikenal"),
    (("export",), 2, "KELUARAN"),
    (("generate", "--semua", "sk-tim"), 2, "--semua"),
    (("generate", "--all", "sk-tim"), 2, "--semua"),  # the old spelling, answered in the new
]


@pytest.mark.parametrize(("args", "code", "phrase"), OPTIONS, ids=[" ".join(o[0]) for o in OPTIONS])
def test_a_wrong_option_is_answered_in_indonesian(
    zi: Callable[..., Result], ws: Workspace, args: tuple[str, ...], code: int, phrase: str
) -> None:
    before = snapshot(ws.root)
    clear(zi(*args), code, phrase)
    assert snapshot(ws.root) == before


def test_export_to_an_existing_file(zi: Callable[..., Result], ws: Workspace) -> None:
    clear(zi("export", str(ws.unit_file)), 1, "sudah ada")
