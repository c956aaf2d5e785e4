"""verify finds each kind of damage, names it, and the CLI exits 3; journal recovery."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from archive_helpers import write_pdf

from zi_docs import evidence
from zi_docs.cli.archive_common import Bar
from zi_docs.evidence.archive import Archive
from zi_docs.evidence.search import IndexDoc, SearchIndex
from zi_docs.workspace import Workspace


@pytest.fixture
def filled(workspace: Workspace, tmp_path: Path) -> list[str]:
    paths = [
        write_pdf(tmp_path / f"bukti{i}.pdf", [f"Bukti nomor {i}", "halaman dua"]) for i in range(4)
    ]
    report = evidence.add_files(workspace, paths, indicators=["P.MP.i.a"])
    return [o.sha256 for o in report.added]


def _object(workspace: Workspace, sha: str) -> Path:
    return workspace.archive_dir / "objects" / sha[:2] / sha


def _overwrite(path: Path, data: bytes) -> None:
    path.chmod(0o644)
    path.write_bytes(data)


def test_clean_archive_verifies(workspace: Workspace, filled: list[str]) -> None:
    report = evidence.verify_archive(workspace)
    assert report.ok and report.files_checked == 4 and report.index_entries == 4
    assert evidence.verify_archive(workspace, quick=True).ok


def test_each_kind_of_damage_is_found_at_once(workspace: Workspace, filled: list[str]) -> None:
    missing, changed, stale, gone_from_index = filled
    _object(workspace, missing).unlink()
    original = _object(workspace, changed).read_bytes()
    _overwrite(_object(workspace, changed), original.replace(b"Bukti", b"Palsu"))
    stray = workspace.archive_dir / "objects" / "ab" / ("ab" + "0" * 62)
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"tidak tercatat")
    with sqlite3.connect(workspace.archive_dir / "catalog.sqlite") as conn:
        conn.execute("UPDATE files SET revision = revision + 5 WHERE sha256=?", (stale,))
    index = SearchIndex(workspace.archive_dir / "index")
    index.delete([gone_from_index])
    index.update([IndexDoc(sha256="f" * 64, title="hantu", text="tidak ada")])
    report = evidence.verify_archive(workspace)
    found = {(p.kind, p.sha256 or p.path) for p in report.problems}
    assert found == {
        ("hilang", missing),
        ("berubah", changed),
        ("tak-terduga", f"objects/ab/ab{'0' * 62}"),
        ("indeks-usang", stale),
        ("indeks-kurang", gone_from_index),
        ("indeks-berlebih", "f" * 64),
    }
    mismatch = next(p for p in report.problems if p.kind == "berubah")
    assert mismatch.expected == changed and mismatch.found not in (None, changed)
    assert all(f.code and f.file and f.file.startswith("archive/") for f in report.findings)


def test_quick_mode_checks_sizes_and_counts(workspace: Workspace, filled: list[str]) -> None:
    same_size = _object(workspace, filled[0])
    data = same_size.read_bytes()
    _overwrite(same_size, data[:-1] + bytes([data[-1] ^ 1]))
    grown = _object(workspace, filled[1])
    _overwrite(grown, grown.read_bytes() + b"\n")
    quick = evidence.verify_archive(workspace, quick=True)
    assert [(p.kind, p.sha256) for p in quick.problems] == [("ukuran", filled[1])]
    full = evidence.verify_archive(workspace)
    assert {(p.kind, p.sha256) for p in full.problems} == {
        ("berubah", filled[0]),
        ("berubah", filled[1]),
    }


def test_lost_index_is_reported_then_rebuilt(
    run_cli,
    workspace: Workspace,  # type: ignore[no-untyped-def]
    filled: list[str],
) -> None:
    shutil.rmtree(workspace.archive_dir / "index")
    result = run_cli("archive", "verify")
    assert result.exit_code == 3
    assert "indeks pencarian tidak ada" in result.output
    found = run_cli("archive", "search", "bukti")  # search rebuilds a missing index
    assert found.exit_code == 0 and "4 hasil." in found.output
    assert run_cli("archive", "verify").exit_code == 0


def test_cli_verify_json_and_exit_codes(
    run_cli,
    workspace: Workspace,  # type: ignore[no-untyped-def]
    filled: list[str],
) -> None:
    ok = run_cli("archive", "verify")
    assert ok.exit_code == 0 and "Arsip utuh" in ok.output
    _object(workspace, filled[2]).unlink()
    bad = run_cli("archive", "verify", "--json")
    assert bad.exit_code == 3
    data = json.loads(bad.output[bad.output.index("{") :])
    assert [m["jenis"] for m in data["masalah"]] == ["hilang"]
    assert data["masalah"][0]["sha256"] == filled[2]


def test_interrupted_add_is_rolled_back_by_recovery(
    workspace: Workspace, filled: list[str]
) -> None:
    """Simulate a crash after an object was written but before its record committed."""
    orphan = "e" * 64
    path = _object(workspace, orphan)
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(b"setengah jalan")
    (path.parent / ".tmp-eeee-1").write_bytes(b"sementara")
    with sqlite3.connect(workspace.archive_dir / "catalog.sqlite") as conn:
        conn.execute("INSERT INTO pending_objects VALUES (?)", (orphan,))
        conn.execute("INSERT INTO pending_index VALUES (?)", (filled[0],))
    with Archive.open(workspace) as archive, archive.writing() as recovery:
        assert (recovery.objects_removed, recovery.temporary_removed, recovery.index_refreshed) == (
            1,
            1,
            1,
        )
    assert not path.exists()
    assert evidence.verify_archive(workspace).ok


def test_quick_mode_finds_missing_and_unexpected_in_one_pass(
    workspace: Workspace, filled: list[str]
) -> None:
    _object(workspace, filled[0]).unlink()
    objects = workspace.archive_dir / "objects"
    (objects / "ab").mkdir(exist_ok=True)
    (objects / "ab" / ("ab" + "1" * 62)).write_bytes(b"tidak tercatat")
    (objects / "ab" / "catatan.txt").write_bytes(b"bukan objek")
    misplaced = objects / "cd" / filled[1]
    misplaced.parent.mkdir(exist_ok=True)
    misplaced.write_bytes(b"salah folder")
    (objects / "lepas.bin").write_bytes(b"di luar subfolder")
    SearchIndex(workspace.archive_dir / "index").delete([filled[3]])
    quick = evidence.verify_archive(workspace, quick=True)
    assert quick.quick and quick.files_checked == 4 and quick.index_entries == 3
    assert {(p.kind, p.path) for p in quick.problems} == {
        ("hilang", f"objects/{filled[0][:2]}/{filled[0]}"),
        ("tak-terduga", f"objects/ab/ab{'1' * 62}"),
        ("tak-terduga", "objects/ab/catatan.txt"),
        ("tak-terduga", f"objects/cd/{filled[1]}"),
        ("tak-terduga", "objects/lepas.bin"),
        ("indeks-kurang", "index/"),
    }
    full = evidence.verify_archive(workspace)
    assert {(p.kind, p.path) for p in full.problems if p.path != "index/"} == {
        (p.kind, p.path) for p in quick.problems if p.path != "index/"
    }


def test_progress_label_stays_out_of_captured_output(
    run_cli,
    workspace: Workspace,  # type: ignore[no-untyped-def]
    filled: list[str],
) -> None:
    result = run_cli("archive", "verify")
    assert result.exit_code == 0
    assert "Memeriksa berkas" not in result.output
    assert result.output.splitlines()[0].startswith("Diperiksa (SHA-256): 4 berkas")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "drawn"), [(_Terminal, True), (io.StringIO, False)])
def test_progress_bar_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, stream: type[io.StringIO], drawn: bool
) -> None:
    err = stream()
    monkeypatch.setattr(sys, "stderr", err)
    with Bar("Memeriksa berkas") as bar:
        bar(1, 3)
        bar(3, 3)
    assert ("Memeriksa berkas" in err.getvalue()) is drawn
    assert (err.getvalue() == "") is not drawn
