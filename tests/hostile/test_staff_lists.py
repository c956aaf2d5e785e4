"""Staff lists (daftar_pegawai) in the encodings and damages Excel and editors produce."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import clear, snapshot

from zi_docs.workspace import Workspace

INPUT = "inputs/pakta-integritas-daftar.yaml"


def _good(ws: Workspace) -> str:
    return (ws.inputs_dir / "daftar-pegawai.csv").read_text(encoding="utf-8")


def _use(ws: Workspace, name: str) -> None:
    path = ws.root / INPUT
    path.write_text(path.read_text("utf-8").replace("daftar-pegawai.csv", name), encoding="utf-8")


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * 60_000_000)


READABLE = [
    ("utf-16", lambda ws, p: p.write_bytes(_good(ws).encode("utf-16"))),
    (
        "windows-1252",
        lambda ws, p: p.write_bytes(_good(ws).replace("Agus", "Ag\u00fcs").encode("cp1252")),
    ),
    ("utf-8-bom", lambda ws, p: p.write_bytes(b"\xef\xbb\xbf" + _good(ws).encode())),
]


@pytest.mark.parametrize(("case", "make"), READABLE, ids=[c[0] for c in READABLE])
def test_a_list_saved_in_another_encoding_is_read(
    zi: Callable[..., Result], ws: Workspace, case: str, make: Callable[[Workspace, Path], None]
) -> None:
    make(ws, ws.inputs_dir / "daftar.csv")
    _use(ws, "daftar.csv")
    result = zi("generate", str(ws.root / INPUT), "-o", str(ws.root / "pakta.docx"))
    clear(result, 0, "1 dokumen dibuat")


BROKEN = [
    (
        "field-over-128k",
        "daftar.csv",
        lambda ws, p: p.write_text(_good(ws) + '"' + "x" * 200_000 + '",1,a,b,c\n', "utf-8"),
        "128 KiB",
    ),
    (
        "scientific-nip",
        "daftar.csv",
        lambda ws, p: p.write_text(
            _good(ws).replace("19780610 200312 1 002", "1.97806E+17"), "utf-8"
        ),
        "angka ilmiah",
    ),
    ("nul-bytes", "daftar.csv", lambda ws, p: p.write_bytes(b"nama,nip\x00,jabatan\n"), "NUL"),
    ("empty", "daftar.csv", lambda ws, p: p.write_bytes(b""), "kosong"),
    ("header-only", "daftar.csv", lambda ws, p: p.write_text("foo,bar\n1,2\n", "utf-8"), "kolom"),
    ("xlsx-garbage", "daftar.xlsx", lambda ws, p: p.write_bytes(b"PK\x03\x04rusak"), ".xlsx"),
    ("xlsx-text", "daftar.xlsx", lambda ws, p: p.write_bytes(b"bukan excel"), ".xlsx"),
    (
        "xlsx-foreign-zip",
        "daftar.xlsx",
        lambda ws, p: zipfile.ZipFile(p, "w").close(),
        ".xlsx",
    ),
    ("xlsx-zip-bomb", "daftar.xlsx", lambda ws, p: _zip_bomb(p), "bom zip"),
    ("other-extension", "daftar.ods", lambda ws, p: p.write_bytes(b"x"), ".csv atau .xlsx"),
    ("missing", "tidak-ada.csv", lambda ws, p: None, "tidak ditemukan"),
    ("a-folder", "folder.csv", lambda ws, p: p.mkdir(), "folder.csv"),
    ("outside", "../../rahasia.csv", lambda ws, p: None, "di luar folder ruang kerja"),
    ("absolute", "/etc/passwd", lambda ws, p: None, "di luar folder ruang kerja"),
]


@pytest.mark.parametrize(("case", "name", "make", "phrase"), BROKEN, ids=[c[0] for c in BROKEN])
def test_a_broken_list_is_named_with_its_problem(
    zi: Callable[..., Result],
    ws: Workspace,
    tmp_path: Path,
    case: str,
    name: str,
    make: Callable[[Workspace, Path], None],
    phrase: str,
) -> None:
    if case == "outside":
        (tmp_path / "rahasia.csv").write_text(_good(ws), "utf-8")
    make(ws, ws.inputs_dir / name)
    _use(ws, name)
    before = snapshot(ws.root)
    out = ws.root / "pakta.docx"
    clear(zi("generate", str(ws.root / INPUT), "-o", str(out)), 1, phrase)
    assert not out.exists()
    assert snapshot(ws.root) == before
