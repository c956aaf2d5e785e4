"""unit.yaml and lke.yaml with wrong values, paths leaving the workspace, and logos of every
kind a government office has (PNG, JPG, WebP, SVG) or sends by mistake."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import clear, snapshot
from PIL import Image

from zi_docs.workspace import Workspace


def _edit_unit(ws: Workspace, pattern: str, replacement: str) -> None:
    text = ws.unit_file.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert changed != text
    ws.unit_file.write_text(changed, encoding="utf-8")


UNIT_VALUES = [
    ("year-words", r"^tahun: .*$", "tahun: dua ribu", "tahun"),
    ("year-too-old", r"^tahun: .*$", "tahun: 1900", "tahun"),
    ("year-huge", r"^tahun: .*$", "tahun: " + "9" * 5000, "tahun"),
    ("bad-email", r"^  email: .*$", "  email: bukan-email", "email"),
    ("bad-nip", r"^  nip: .*$", '  nip: "1.97503E+17"', "angka ilmiah"),
    ("unknown-catalogue", r"^lke: .*$", "lke: katalog-antah", "lke"),
    ("catalogue-outside", r"^lke: .*$", "lke: /etc/passwd", "lke"),
    ("target-unknown", r"^target_predikat: .*$", "target_predikat: WBX", "target_predikat"),
    ("page-size", r"^  ukuran: .*$", "  ukuran: A0", "halaman.ukuran"),
]


@pytest.mark.parametrize(
    ("case", "pattern", "replacement", "field"), UNIT_VALUES, ids=[c[0] for c in UNIT_VALUES]
)
def test_a_wrong_unit_value_names_its_field(
    zi: Callable[..., Result], ws: Workspace, case: str, pattern: str, replacement: str, field: str
) -> None:
    if case == "target-unknown" and "target_predikat:" not in ws.unit_file.read_text("utf-8"):
        pattern, replacement = r"^tahun: ", "target_predikat: WBX\ntahun: "
    _edit_unit(ws, pattern, replacement)
    before = snapshot(ws.root)
    clear(zi("score"), 1, field)
    assert snapshot(ws.root) == before


ANSWERS = [
    ("unknown-indicator", "Z.Z.9.z.z: Ya\n", "Z.Z.9.z.z"),
    ("bad-choice", "A.I.1.i.a: Mungkin\n", "A.I.1.i.a"),
    ("negative-count", "A.II.1.i.a: {input: {jumlah_agen_perubahan: -3}}\n", "A.II.1.i.a"),
    ("percent-over", "A.II.6.i.b: {persen: 400}\n", "A.II.6.i.b"),
    ("answer-list", "A.I.1.i.a: [Ya, Tidak]\n", "A.I.1.i.a"),
]


@pytest.mark.parametrize(("case", "line", "where"), ANSWERS, ids=[c[0] for c in ANSWERS])
def test_a_wrong_answer_names_its_line(
    zi: Callable[..., Result], ws: Workspace, case: str, line: str, where: str
) -> None:
    text = ws.answers_file.read_text(encoding="utf-8")
    ws.answers_file.write_text(
        re.sub(rf"^{re.escape(where)}:.*$", "", text, flags=re.MULTILINE) + line, "utf-8"
    )
    before = snapshot(ws.root)
    output = clear(zi("score"), 1, "lke.yaml:", where)
    assert "lke.yaml:" in output
    assert snapshot(ws.root) == before


def test_unit_yaml_that_is_a_folder(zi: Callable[..., Result], ws: Workspace) -> None:
    ws.unit_file.unlink()
    ws.unit_file.mkdir()
    clear(zi("score"), 1, "unit.yaml adalah folder")


def test_lke_yaml_that_is_a_folder(zi: Callable[..., Result], ws: Workspace) -> None:
    ws.answers_file.unlink()
    ws.answers_file.mkdir()
    clear(zi("score"), 1, "lke.yaml adalah folder")


# ---- logos -----------------------------------------------------------------------------------
def _image(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 0, 0)).save(buffer, format=kind)
    return buffer.getvalue()


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
    b'<rect width="40" height="40" fill="red"/></svg>'
)
WORKING_LOGOS = [
    ("webp", "logo.webp", lambda: _image("WEBP")),
    ("svg", "logo.svg", lambda: SVG),
    ("svg-with-declaration", "logo.svg", lambda: b'<?xml version="1.0"?>\n' + SVG),
    ("bmp", "logo.bmp", lambda: _image("BMP")),
    ("gif", "logo.gif", lambda: _image("GIF")),
    ("tiff", "logo.tif", lambda: _image("TIFF")),
    ("jpeg-named-png", "logo.png", lambda: _image("JPEG")),
]


def _use_logo(ws: Workspace, name: str, data: bytes | None) -> None:
    if data is not None:
        (ws.root / name).write_bytes(data)
    _edit_unit(ws, r"^  logo: .*$", f'  logo: "{name}"')


@pytest.mark.parametrize(("case", "name", "make"), WORKING_LOGOS, ids=[c[0] for c in WORKING_LOGOS])
def test_a_logo_that_can_be_converted_is_used(
    zi: Callable[..., Result], ws: Workspace, case: str, name: str, make: Callable[[], bytes]
) -> None:
    _use_logo(ws, name, make())
    out = ws.root / "out" / "sk.docx"
    clear(zi("generate", str(ws.root / "inputs" / "sk-tim.yaml"), "-o", str(out)), 0)
    import zipfile

    with zipfile.ZipFile(out) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
    assert media, "the logo is in the document"


BAD_LOGOS = [
    ("text-named-png", "logo.png", b"bukan gambar", "bukan gambar yang dikenali"),
    ("empty", "logo.png", b"", "bukan gambar yang dikenali"),
    ("pdf", "logo.pdf", b"%PDF-1.4\n%%EOF\n", "format yang dapat dipakai"),
    (
        "svg-external-image",
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<image xlink:href="file:///etc/passwd" width="9" height="9"/></svg>',
        "merujuk berkas",
    ),
    (
        "svg-entity",
        "logo.svg",
        b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
        "merujuk berkas",
    ),
    ("svg-broken", "logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><rect", "SVG"),
    (
        "pixel-bomb",
        "logo.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x02\x00\x00\x00"
        b"\x00\x00\x00\x00",
        "logo",
    ),
]


@pytest.mark.parametrize(
    ("case", "name", "data", "phrase"), BAD_LOGOS, ids=[c[0] for c in BAD_LOGOS]
)
def test_a_logo_that_cannot_be_used_is_refused_with_the_formats_that_work(
    zi: Callable[..., Result], ws: Workspace, case: str, name: str, data: bytes, phrase: str
) -> None:
    _use_logo(ws, name, data)
    out = ws.root / "out" / "sk.docx"
    before = snapshot(ws.root)
    clear(zi("generate", str(ws.root / "inputs" / "sk-tim.yaml"), "-o", str(out)), 1, phrase)
    assert not out.exists()
    assert snapshot(ws.root) == before


OUTSIDE = [
    ("parent", "../rahasia.png"),
    ("absolute", "/etc/passwd"),
    ("link", "tautan.png"),
]


@pytest.mark.parametrize(("case", "value"), OUTSIDE, ids=[c[0] for c in OUTSIDE])
def test_a_logo_outside_the_workspace_is_never_read(
    zi: Callable[..., Result], ws: Workspace, tmp_path: Path, case: str, value: str
) -> None:
    secret = tmp_path / "rahasia.png"
    secret.write_bytes(_image("PNG"))
    if case == "link":
        os.symlink(secret, ws.root / value)
    _use_logo(ws, value, None)
    before = snapshot(ws.root)
    clear(
        zi("generate", str(ws.root / "inputs" / "sk-tim.yaml"), "-o", str(ws.root / "o.docx")),
        1,
        "unit.yaml",
        "unit.logo",
        "di luar",
    )
    assert snapshot(ws.root) == before
