"""``export`` and ``export --verifikasi``: never into the archive, copies by default, and every
received bundle checked before anything of it is written."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from archive_helpers import write_pdf
from click.testing import Result
from conftest import clear, snapshot

from zi_docs import evidence as api
from zi_docs.submission.export import export_bundle
from zi_docs.workspace import Workspace


@pytest.fixture(scope="session")
def archived_pristine(pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with two archived files and its exported bag, built once."""
    base = tmp_path_factory.mktemp("archived")
    root = base / "ws"
    shutil.copytree(pristine, root, symlinks=True)
    paths = [write_pdf(base / "in" / f"sk-{i}.pdf", f"SK tim nomor {i}") for i in range(2)]
    ws = Workspace(root)
    assert len(api.add_files(ws, paths, indicators=["P.MP.i.a"]).added) == 2
    export_bundle(ws, base / "kirim", now=dt.datetime(2026, 5, 1, 9, 0))
    return base


@pytest.fixture
def archived(archived_pristine: Path, ws: Workspace) -> Workspace:
    shutil.rmtree(ws.root)
    shutil.copytree(archived_pristine / "ws", ws.root, symlinks=True)
    return ws


INTO_ARCHIVE = ["archive/objects", "archive/objects/ab", "archive", "archive/bundel.zip"]


@pytest.mark.parametrize("target", INTO_ARCHIVE)
def test_export_into_the_archive_is_refused(
    zi: Callable[..., Result], archived: Workspace, target: str
) -> None:
    before = snapshot(archived.archive_dir)
    args = ["export", str(archived.root / target)]
    if target.endswith(".zip"):
        args.append("--zip")
    clear(zi(*args), 1, "folder arsip")
    assert snapshot(archived.archive_dir) == before


def _payload(folder: Path) -> list[Path]:
    return [p for p in (folder / "data").rglob("*.pdf")]


def test_export_copies_so_editing_the_bag_leaves_the_archive_intact(
    zi: Callable[..., Result], archived: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "bundel"
    clear(zi("export", str(out)), 0, "Bundel ditulis")
    placed = _payload(out)
    assert placed and all(p.stat().st_nlink == 1 for p in placed)
    placed[0].chmod(stat.S_IWUSR | stat.S_IRUSR)
    placed[0].write_bytes(b"diubah di bundel")
    clear(zi("archive", "verify"), 0, "Arsip utuh")


def test_hard_links_only_on_request_and_still_read_only(
    zi: Callable[..., Result], archived: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "bundel"
    clear(zi("export", str(out), "--tautan-keras"), 0, "Bundel ditulis")
    placed = _payload(out)
    assert placed and all(p.stat().st_nlink >= 2 for p in placed)
    assert all(not p.stat().st_mode & 0o222 for p in placed)


def test_a_killed_export_leaves_nothing_the_next_run_keeps(
    zi: Callable[..., Result], archived: Workspace, tmp_path: Path
) -> None:
    dead = 2**22 + 12345  # no such process
    (tmp_path / f".bundel.{dead}.abc").mkdir()
    (tmp_path / f".bundel.{dead}.abc" / "bundel").mkdir()
    (tmp_path / f".bundel.zip.{dead}.tmp").write_bytes(b"setengah")
    clear(zi("export", str(tmp_path / "bundel"), "--zip"), 0, "Bundel ditulis")
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".bundel"))
    assert left == []


# ---- received bundles ----------------------------------------------------------------------
@pytest.fixture
def bag(archived_pristine: Path, tmp_path: Path) -> Path:
    out = tmp_path / "kirim"
    shutil.copytree(archived_pristine / "kirim", out, symlinks=True)
    return out


def _zip(
    folder: Path, target: Path, extra: Callable[[zipfile.ZipFile], None] | None = None
) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                package.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
        if extra is not None:
            extra(package)
    return target


def _member_bomb(package: zipfile.ZipFile) -> None:
    package.writestr("kirim/data/bom.txt", b"\0" * 60_000_000)


def _traversal(package: zipfile.ZipFile) -> None:
    package.writestr("kirim/../../keluar.txt", "x")


def _absolute(package: zipfile.ZipFile) -> None:
    package.writestr("/etc/zi-docs-test.txt", "x")


def _drive(package: zipfile.ZipFile) -> None:
    package.writestr("C:/Windows/x.txt", "x")


def _link(package: zipfile.ZipFile) -> None:
    info = zipfile.ZipInfo("kirim/data/tautan.pdf")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    package.writestr(info, "/etc/passwd")


def _lying(package: zipfile.ZipFile) -> None:
    package.writestr("kirim/data/besar.txt", b"a" * 1000)
    info = package.getinfo("kirim/data/besar.txt")
    info.file_size = 10  # the central directory claims less than the member holds


ZIP_CASES = [
    ("member-bomb", _member_bomb, "bom zip"),
    ("path-traversal", _traversal, "keluar dari folder"),
    ("absolute-path", _absolute, "keluar dari folder"),
    ("drive-letter", _drive, "keluar dari folder"),
    ("symlink-member", _link, "tautan"),
]


@pytest.mark.parametrize(("case", "extra", "phrase"), ZIP_CASES, ids=[c[0] for c in ZIP_CASES])
def test_a_hostile_zip_is_refused_before_anything_is_written(
    zi: Callable[..., Result],
    bag: Path,
    tmp_path: Path,
    case: str,
    extra: Callable[[zipfile.ZipFile], None],
    phrase: str,
) -> None:
    target = _zip(bag, tmp_path / "terima.zip", extra)
    clear(zi("export", "--verifikasi", str(target)), 1, "terima.zip", phrase)
    assert not (tmp_path / "keluar.txt").exists()
    assert not Path("/etc/zi-docs-test.txt").exists()


def test_a_zip_whose_directory_lies_about_a_size(
    zi: Callable[..., Result], bag: Path, tmp_path: Path
) -> None:
    target = _zip(bag, tmp_path / "terima.zip", _lying)
    result = zi("export", "--verifikasi", str(target))
    clear(result, result.exit_code, "terima.zip")
    assert result.exit_code in (1, 3)


def _rewrite(bag: Path, name: str, data: bytes) -> None:
    (bag / name).write_bytes(data)


BAG_CASES: list[tuple[str, Callable[[Path], None], str]] = [
    (
        "manifest-not-utf8",
        lambda b: _rewrite(b, "manifest-sha256.txt", b"\xff\xfe\x00rusak\n"),
        "UTF-8",
    ),
    ("bagit-txt-missing", lambda b: (b / "bagit.txt").unlink(), "bagit.txt"),
    (
        "bad-version",
        lambda b: _rewrite(
            b, "bagit.txt", b"BagIt-Version: x.y\nTag-File-Character-Encoding: UTF-8\n"
        ),
        "versi BagIt",
    ),
    (
        "unsafe-manifest-path",
        lambda b: _rewrite(b, "manifest-sha256.txt", b"0" * 64 + b"  ../../etc/passwd\n"),
        "keluar dari folder",
    ),
    (
        "duplicate-entry",
        lambda b: _rewrite(b, "manifest-sha256.txt", (b"0" * 64 + b"  data/x\n") * 2),
        "lebih dari sekali",
    ),
    ("no-manifest", lambda b: (b / "manifest-sha256.txt").unlink(), "tidak terdaftar"),
    ("extra-file", lambda b: _rewrite(b, "data/tambahan.txt", b"x"), "tidak terdaftar"),
    ("changed-file", lambda b: _change_first(b), "berubah"),
    ("missing-file", lambda b: _payload(b)[0].unlink(), "hilang"),
    ("link-to-outside", lambda b: _link_first(b), "keluar dari folder"),
]


def _change_first(bag: Path) -> None:
    first = _payload(bag)[0]
    first.chmod(0o644)
    first.write_bytes(b"diubah")


def _link_first(bag: Path) -> None:
    first = _payload(bag)[0]
    first.unlink()
    os.symlink("/etc/passwd", first)


@pytest.mark.parametrize(("case", "damage", "phrase"), BAG_CASES, ids=[c[0] for c in BAG_CASES])
def test_a_damaged_received_bag_is_named_in_indonesian(
    zi: Callable[..., Result], bag: Path, case: str, damage: Callable[[Path], None], phrase: str
) -> None:
    damage(bag)
    clear(zi("export", "--verifikasi", str(bag)), 3, "bermasalah", phrase)


NOT_ZIPS = [("text", b"bukan zip"), ("empty", b""), ("truncated", b"PK\x03\x04\x14\x00")]


@pytest.mark.parametrize(("case", "data"), NOT_ZIPS, ids=[c[0] for c in NOT_ZIPS])
def test_a_received_file_that_is_no_zip(
    zi: Callable[..., Result], tmp_path: Path, case: str, data: bytes
) -> None:
    target = tmp_path / "terima.zip"
    target.write_bytes(data)
    clear(zi("export", "--verifikasi", str(target)), 1, "terima.zip")


def test_a_zip_with_two_bags(zi: Callable[..., Result], bag: Path, tmp_path: Path) -> None:
    twin = tmp_path / "kedua"
    shutil.copytree(bag, twin)
    target = _zip(bag, tmp_path / "terima.zip")
    with zipfile.ZipFile(target, "a") as package:
        for path in sorted(twin.rglob("*")):
            if path.is_file():
                package.write(path, f"kedua/{path.relative_to(twin).as_posix()}")
    clear(zi("export", "--verifikasi", str(target)), 1, "satu bag")
