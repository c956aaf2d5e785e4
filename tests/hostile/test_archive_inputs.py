"""Files given to ``archive add`` and ``archive import``: links out of the folder, containers
that pretend, zip bombs, special files. Rejected one by one with a reason; the rest goes on."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from archive_helpers import make_docx, write_pdf
from click.testing import Result
from conftest import clear, snapshot

from zi_docs.evidence.filing import open_archive
from zi_docs.workspace import Workspace


def _stored(ws: Workspace) -> set[str]:
    return {p.name for p in (ws.archive_dir / "objects").glob("*/*") if p.is_file()}


def _bomb(path: Path, member: str) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(member, b" " * 80_000_000)


def _stored_zip_with_pdf(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as package:
        package.writestr("surat.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    path.write_bytes(buffer.getvalue())


def _fifo(path: Path) -> None:
    os.mkfifo(path)


SECRET = "ISI RAHASIA DI LUAR FOLDER"

# (case, builder(folder, outside) -> name in messages, rejection phrase)
CASES: list[tuple[str, Callable[[Path, Path], str], str]] = [
    (
        "link-to-etc-passwd",
        lambda f, o: (os.symlink("/etc/passwd", f / "surat.txt"), "surat.txt")[1],
        "tautan",
    ),
    (
        "link-to-outside-file",
        lambda f, o: (os.symlink(o, f / "bukti.txt"), "bukti.txt")[1],
        "tautan",
    ),
    (
        "link-to-outside-folder",
        lambda f, o: (os.symlink(o.parent, f / "luar"), "luar")[1],
        "tautan",
    ),
    (
        "relative-link-out",
        lambda f, o: (os.symlink("../../rahasia.txt", f / "rel.txt"), "rel.txt")[1],
        "tautan",
    ),
    (
        "broken-link",
        lambda f, o: (os.symlink(f / "hilang.pdf", f / "rusak.pdf"), "rusak.pdf")[1],
        "rusak",
    ),
    (
        "zip-holding-a-pdf",
        lambda f, o: (_stored_zip_with_pdf(f / "surat.pdf"), "surat.pdf")[1],
        "bukan PDF",
    ),
    (
        "docx-zip-bomb",
        lambda f, o: (_bomb(f / "bom.docx", "word/document.xml"), "bom.docx")[1],
        "bom zip",
    ),
    (
        "xlsx-zip-bomb",
        lambda f, o: (_bomb(f / "bom.xlsx", "xl/workbook.xml"), "bom.xlsx")[1],
        "bom zip",
    ),
    (
        "plain-zip",
        lambda f, o: (zipfile.ZipFile(f / "a.zip", "w").writestr("x", "y"), "a.zip")[1],
        "arsip ZIP",
    ),
    (
        "gzip",
        lambda f, o: ((f / "a.gz").write_bytes(b"\x1f\x8b\x08\x00%PDF-1.4"), "a.gz")[1],
        "tidak didukung",
    ),
    (
        "elf-program",
        lambda f, o: ((f / "a.pdf").write_bytes(b"\x7fELF%PDF-"), "a.pdf")[1],
        "bukan PDF",
    ),
    ("empty", lambda f, o: ((f / "kosong.pdf").write_bytes(b""), "kosong.pdf")[1], "kosong"),
    (
        "fake-pdf",
        lambda f, o: ((f / "palsu.pdf").write_text("halo", "utf-8"), "palsu.pdf")[1],
        "bukan PDF",
    ),
    (
        "truncated-pdf",
        lambda f, o: ((f / "potong.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<"), "potong.pdf")[1],
        "rusak",
    ),
    (
        "corrupt-docx",
        lambda f, o: ((f / "rusak.docx").write_bytes(b"PK\x03\x04rusak"), "rusak.docx")[1],
        "rusak",
    ),
    ("fifo", lambda f, o: (_fifo(f / "pipa.pdf"), "pipa.pdf")[1], "bukan berkas biasa"),
    (
        "bad-name-bytes",
        lambda f, o: ((f / os.fsdecode(b"nota\xff.txt")).write_text("x"), "nota")[1],
        "UTF-8",
    ),
]


@pytest.mark.parametrize("command", ["add", "import"])
@pytest.mark.parametrize(("case", "build", "phrase"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_file_is_rejected_and_the_rest_is_added(
    zi: Callable[..., Result],
    ws: Workspace,
    tmp_path: Path,
    command: str,
    case: str,
    build: Callable[[Path, Path], str],
    phrase: str,
) -> None:
    folder = tmp_path / "masuk" / "A. PENGUNGKIT" / "I. PEMENUHAN" / "1. Manajemen Perubahan"
    folder = folder / "i. Penyusunan Tim Kerja" / "a. SK Tim"
    folder.mkdir(parents=True)
    outside = tmp_path / "rahasia.txt"
    outside.write_text(SECRET, encoding="utf-8")
    good = write_pdf(folder / "baik.pdf", "Surat Keputusan tim kerja zona integritas")
    name = build(folder, outside)
    before = _stored(ws)
    if command == "add":
        result = zi("archive", "add", str(tmp_path / "masuk"), "-i", "P.MP.i.a")
    else:
        result = zi("archive", "import", str(tmp_path / "masuk"))
    output = clear(result, 1, name, phrase)  # 1: something was rejected
    assert len(_stored(ws) - before) == 1, output  # only the good file
    with open_archive(ws) as archive:
        for sha in archive.db.all_shas():
            assert SECRET not in archive.db.text(sha)  # nothing read from outside
    assert good.name in output


def test_a_named_link_to_a_file_is_taken_explicitly(
    zi: Callable[..., Result], ws: Workspace, tmp_path: Path
) -> None:
    target = write_pdf(tmp_path / "asli.pdf", "Notulen rapat")
    link = tmp_path / "tautan.pdf"
    os.symlink(target, link)
    clear(zi("archive", "add", str(link), "-i", "P.MP.i.a"), 0, "ditambahkan")


def test_adding_the_archive_folder_itself(zi: Callable[..., Result], ws: Workspace) -> None:
    make_docx(ws.root / "catatan.docx", ["Catatan rapat"])
    zi("archive", "list")  # the archive exists (empty) before
    before = snapshot(ws.archive_dir)
    output = clear(zi("archive", "add", str(ws.archive_dir), "-i", "P.MP.i.a"), 1, "arsip")
    assert "folder arsip zi-docs sendiri" in output
    after = snapshot(ws.archive_dir)
    derived = ("index", "cache")  # the search index may be created; it is derived data
    assert {k: v for k, v in after.items() if not k.startswith(derived)} == before


def test_a_missing_path(zi: Callable[..., Result], ws: Workspace, tmp_path: Path) -> None:
    clear(zi("archive", "add", str(tmp_path / "tidak-ada"), "-i", "P.MP.i.a"), 1, "tidak ada")
