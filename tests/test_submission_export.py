"""Evaluator bundle: portable names, LKE layout, BagIt validity, verification, index links."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import bagit
import pytest
from hypothesis import given
from hypothesis import strategies as st
from submission_helpers import Fake, make_archive

from zi_docs.evidence import view
from zi_docs.submission.bagcheck import verify_bag
from zi_docs.submission.export import export_bundle
from zi_docs.submission.names import MAX_RELATIVE, NameAllocator, clean_component
from zi_docs.workspace import Workspace

NOW = dt.datetime(2026, 11, 1, 9, 30)
SUB = "data/A. PENGUNGKIT/I. PEMENUHAN/1. Manajemen Perubahan/i. Penyusunan Tim Kerja"
WINDOWS_BAD = re.compile(r'[<>:"\\|?*\x00-\x1f]')


@pytest.fixture(autouse=True)
def _no_verify(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(view, "integrity", lambda _report: ())


# ---- names ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ('SK: "Tim" <ZI>/2026?*', "SK- Tim ZI-2026"),
        ("laporan. . .", "laporan"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("com1", "_com1"),
        ("a\tb\x00c\nd", "a bc d"),
        ("   ", "berkas"),
        ("100%0A", "100%-0A"),
    ],
)
def test_clean_component(raw: str, clean: str) -> None:
    assert clean_component(raw) == clean


def test_nfd_becomes_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Rapat Pokja Café")
    assert clean_component(nfd) == unicodedata.normalize("NFC", "Rapat Pokja Café")


def test_same_title_twice_and_case_collisions() -> None:
    names = NameAllocator()
    first = names.file_path(["data", "x"], "A.I.1.i.a", "Notulen", ".pdf")
    second = names.file_path(["data", "x"], "A.I.1.i.a", "notulen", ".PDF")
    third = names.file_path(["data", "x"], "A.I.1.i.a", "Notulen.pdf", ".pdf")
    assert first == "data/x/A.I.1.i.a Notulen.pdf"
    assert second == "data/x/A.I.1.i.a notulen (2).pdf"
    assert third == "data/x/A.I.1.i.a Notulen (3).pdf"


def test_very_long_title_fits_windows_limit() -> None:
    names = NameAllocator()
    folders = ["data", "A. PENGUNGKIT", "II. REFORM", "x" * 200, "y" * 200]
    paths = [names.file_path(folders, "A.II.3.i.a", "Judul " * 100, ".pdf") for _ in range(3)]
    assert len(set(paths)) == 3
    for path in paths:
        assert len(path) <= MAX_RELATIVE and path.endswith(".pdf")
        assert path.split("/")[-1].startswith("A.II.3.i.a ")


@given(st.lists(st.text(min_size=0, max_size=300), min_size=1, max_size=6))
def test_any_titles_give_unique_portable_paths(titles: list[str]) -> None:
    names = NameAllocator()
    paths = [names.file_path(["data", "sub"], "A.I.1.i.a", t, ".pdf") for t in titles]
    assert len({p.casefold() for p in paths}) == len(paths)
    for path in paths:
        name = path.split("/")[-1]
        assert not WINDOWS_BAD.search(name) and not name.endswith((" ", "."))
        assert len(path) <= MAX_RELATIVE
        assert unicodedata.is_normalized("NFC", path)


# ---- the bag -----------------------------------------------------------------------------------
def _archive(workspace: Workspace) -> None:
    hostile = unicodedata.normalize("NFD", 'SK Tim: "Pokja" <ZI> Café')
    make_archive(
        workspace,
        [
            Fake("sk.pdf", b"%PDF sk tim", [("A.I.1.i.a", "sk-tim")], title=hostile),
            Fake(
                "notulen.pdf",
                b"notulen 1",
                [("A.I.1.i.a", "notulen"), ("A.I.1.i.b", None)],
                title="Notulen rapat",
            ),
            Fake("notulen2.pdf", b"notulen 2", [("A.I.1.i.a", "notulen")], title="Notulen rapat"),
            Fake("panjang.docx", b"long", [("A.II.3.i.a", None)], title="Laporan " * 60),
            Fake("lepas.txt", b"untagged"),
        ],
    )


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def test_export_layout_bag_and_links(workspace: Workspace, tmp_path: Path) -> None:
    _archive(workspace)
    result = export_bundle(workspace, tmp_path / "bundel", now=NOW, link=False)
    bag_dir = tmp_path / "bundel"
    assert result.folder == bag_dir
    files = sorted(p.relative_to(bag_dir).as_posix() for p in bag_dir.rglob("*") if p.is_file())
    sk = f"{SUB}/A.I.1.i.a SK Tim- Pokja ZI Café.pdf"
    assert unicodedata.normalize("NFC", sk) in files
    assert f"{SUB}/A.I.1.i.a Notulen rapat.pdf" in files
    assert f"{SUB}/A.I.1.i.a Notulen rapat (2).pdf" in files
    assert f"{SUB}/A.I.1.i.b Notulen rapat.pdf" in files  # same file under a second indicator
    reform = [f for f in files if f.startswith("data/A. PENGUNGKIT/II. REFORM/3. ")]
    assert len(reform) == 1 and len(reform[0]) <= MAX_RELATIVE
    assert not any("lepas" in f for f in files)
    assert {"bagit.txt", "bag-info.txt", "index.html", "manifest-sha256.txt"} <= set(files)
    assert result.placements == 5 and result.unique_files == 4
    assert result.reused_digests == 5 and result.hashed == 0
    info = (bag_dir / "bag-info.txt").read_text(encoding="utf-8")
    for label in (
        "Unit-Kerja:",
        "Tahun-Penilaian: 2026",
        "Katalog-LKE: permenpanrb-90-2021",
        "Nilai-Total:",
        "Bagging-Date: 2026-11-01",
        "Payload-Oxum:",
    ):
        assert label in info
    bagit.Bag(str(bag_dir)).validate()
    parser = _Links()
    parser.feed((bag_dir / "index.html").read_text(encoding="utf-8"))
    assert len(parser.links) == 6  # 5 evidence placements + the workbook
    for link in parser.links:
        assert (bag_dir / unquote(link)).is_file(), link
    from openpyxl import load_workbook

    sheet = load_workbook(bag_dir / "data" / "Penilaian Mandiri LKE.xlsx")["LKE"]
    assert sheet["I3"].value == "Daftar Bukti Dukung"
    listed = [str(c.value) for c in sheet["I"][3:] if c.value]
    assert len(listed) == 3 and any("A.I.1.i.a Notulen rapat (2).pdf" in n for n in listed)
    assert str(sheet["E1"].value).startswith("Sidik bundel: sha256:")
    groups = [c.value for c in sheet[2] if c.value]
    assert groups == [
        "Penilaian Mandiri (Unit)",
        "TPI Unit Kerja / Kanwil (tpi-unit)",
        "TPI Inspektorat / Itjen (inspektorat)",
    ]


def test_bag_fails_after_a_byte_changes_and_verify_names_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    _archive(workspace)
    export_bundle(workspace, tmp_path / "b", now=NOW, link=False)
    bag_dir = tmp_path / "b"
    target = bag_dir / SUB / "A.I.1.i.a Notulen rapat.pdf"
    target.write_bytes(b"Notulen 1")  # one byte changed, same size
    (bag_dir / "data" / "extra.txt").write_text("x")
    (bag_dir / SUB / "A.I.1.i.b Notulen rapat.pdf").unlink()
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(bag_dir)).validate()
    checked = verify_bag(bag_dir)
    kinds = {(p.kind, p.path.rsplit("/", 1)[-1]) for p in checked.problems}
    assert kinds == {
        ("altered", "A.I.1.i.a Notulen rapat.pdf"),
        ("unexpected", "extra.txt"),
        ("missing", "A.I.1.i.b Notulen rapat.pdf"),
    }
    altered = next(p for p in checked.problems if p.kind == "altered")
    assert altered.expected and altered.found and altered.expected != altered.found


def test_zip_export_and_verification(run_cli, workspace: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _archive(workspace)
    out = tmp_path / "kirim"
    result = run_cli("export", str(out), "--zip")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "kirim.zip").is_file() and not out.exists()
    ok = run_cli("export", "--verifikasi", str(tmp_path / "kirim.zip"))
    assert ok.exit_code == 0 and "utuh" in ok.output
    again = run_cli("export", str(out), "--zip")
    assert again.exit_code == 1 and "sudah ada" in again.output
    folder = run_cli("export", str(tmp_path / "folder"))
    assert folder.exit_code == 0
    (tmp_path / "folder" / "data" / "tambahan.txt").write_text("x")
    bad = run_cli("export", "--verifikasi", str(tmp_path / "folder"))
    assert bad.exit_code == 3 and "tidak terdaftar" in bad.output
    assert run_cli("export").exit_code == 2


def test_hard_links_share_the_archive_object_only_on_request(
    workspace: Workspace, tmp_path: Path
) -> None:
    _archive(workspace)
    result = export_bundle(workspace, tmp_path / "l", now=NOW, link=True)
    assert result.linked == result.placements == 5
    placed = tmp_path / "l" / SUB / "A.I.1.i.a Notulen rapat.pdf"
    assert placed.stat().st_nlink >= 2
    assert not placed.stat().st_mode & 0o222  # still read-only, like the archive's object
    copied = export_bundle(workspace, tmp_path / "c", now=NOW)
    assert copied.linked == 0
    assert (tmp_path / "c" / SUB / "A.I.1.i.a Notulen rapat.pdf").stat().st_nlink == 1


def test_export_below_a_file_is_a_clear_error(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    result = run_cli("export", str(blocker / "bundel"))
    assert result.exit_code == 1
    assert f"Galat: {blocker.resolve()} adalah berkas, bukan folder" in result.output
    assert "Galat internal" not in result.output
    assert blocker.read_text(encoding="utf-8") == "bukan folder"


def test_summary_verdict_names_the_reading_when_readings_disagree() -> None:
    from zi_docs.submission.export import _verdict_text

    assert _verdict_text({"gabungan": True, "terpisah": True}) == "memenuhi"
    assert _verdict_text({"gabungan": False, "terpisah": False}) == "belum memenuhi"
    assert _verdict_text({"gabungan": True, "terpisah": False}) == (
        "memenuhi (tafsir gabungan); belum memenuhi (tafsir terpisah)"
    )


def test_copies_without_fcntl_are_ordinary_copies(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Windows has no fcntl (no reflink): the bag still gets a writable copy of its own."""
    import sys

    from zi_docs.submission.bag import copy_file

    monkeypatch.setitem(sys.modules, "fcntl", None)
    source = tmp_path / "bukti.txt"
    source.write_text("data dukung", encoding="utf-8")
    target = tmp_path / "salinan.txt"
    copy_file(source, target)
    target.write_text("diubah", encoding="utf-8")
    assert source.read_text(encoding="utf-8") == "data dukung"
