"""Full verify re-hashes small files in the calling thread and large ones in a pool, and
finds the same damage on both sides; it reads no object's size before hashing it."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest
from archive_helpers import write_pdf

from zi_docs import evidence
from zi_docs.evidence import store_listing
from zi_docs.evidence.store_listing import list_objects
from zi_docs.workspace import Workspace


@pytest.fixture
def filled(workspace: Workspace, tmp_path: Path) -> list[str]:
    paths = [
        write_pdf(tmp_path / f"bukti{i}.pdf", ["Bukti nomor " * (1 + 20 * i)]) for i in range(4)
    ]
    return [o.sha256 for o in evidence.add_files(workspace, paths).added]


def _object(workspace: Workspace, sha: str) -> Path:
    return workspace.archive_dir / "objects" / sha[:2] / sha


def _overwrite(path: Path, data: bytes) -> None:
    path.chmod(0o644)
    path.write_bytes(data)


def test_small_files_start_no_thread(
    workspace: Workspace, filled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: threading.Thread) -> None:
        raise AssertionError(f"thread started: {self.name}")

    monkeypatch.setattr(threading.Thread, "start", refuse)
    assert evidence.verify_archive(workspace).ok


def test_damage_is_found_in_the_pool_and_in_the_calling_thread(
    workspace: Workspace, filled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from zi_docs.evidence import rehash

    sizes = sorted((_object(workspace, sha).stat().st_size, sha) for sha in filled)
    assert len({size for size, _ in sizes}) == 4
    monkeypatch.setattr(rehash, "SMALL", sizes[1][0])  # two files each side
    (_, small_gone), (_, small_changed), (_, large_changed), (_, large_gone) = sizes
    _object(workspace, small_gone).unlink()
    _object(workspace, large_gone).unlink()
    grown = b"x" * (3 * sizes[1][0] + 5)  # read to its end, past what the catalogue says
    _overwrite(_object(workspace, small_changed), grown)
    _overwrite(_object(workspace, large_changed), b"tertukar")
    seen: list[tuple[int, int]] = []
    report = evidence.verify_archive(workspace, progress=lambda a, b: seen.append((a, b)))
    found = {(p.kind, p.sha256, p.found) for p in report.problems if p.path != "index/"}
    assert found == {
        ("hilang", small_gone, None),
        ("hilang", large_gone, None),
        ("berubah", small_changed, hashlib.sha256(grown).hexdigest()),
        ("berubah", large_changed, hashlib.sha256(b"tertukar").hexdigest()),
    }
    assert seen and seen[-1] == (4, 4)


def test_full_verify_stats_no_object(
    workspace: Workspace, filled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The directory entry tells a regular file; the hash is computed anyway."""
    stray = _object(workspace, "ab" + "0" * 62)
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"tidak tercatat")
    real_stat = store_listing.os.stat

    def stat(path: object, *args: object, **kwargs: object) -> object:
        assert not str(path).startswith(("ab", *(sha[:2] for sha in filled))), path
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_listing.os, "stat", stat)
    monkeypatch.setattr(store_listing.os, "supports_dir_fd", os.supports_dir_fd | {stat})
    report = evidence.verify_archive(workspace)
    assert [(p.kind, p.path) for p in report.problems] == [
        ("tak-terduga", f"objects/ab/ab{'0' * 62}")
    ]


def test_names_only_listing_sorts_entries_like_the_sized_one(tmp_path: Path) -> None:
    objects = tmp_path / "objects"
    (objects / "ab").mkdir(parents=True)
    (objects / "ab" / ("ab" + "1" * 62)).write_bytes(b"isi")
    (objects / "ab" / ("ab" + "3" * 62)).mkdir()
    (objects / "ab" / ("cd" + "4" * 62)).write_bytes(b"salah tempat")
    (objects / "ab" / ".tmp-ab12-99").write_bytes(b"setengah")
    (objects / "lepas.bin").write_bytes(b"di luar folder")
    sized, named = list_objects(objects), list_objects(objects, sizes=False)
    assert named.sizes == dict.fromkeys(sized.sizes, -1) and len(named.sizes) == 1
    assert sorted(named.odd) == sorted(sized.odd) and len(named.odd) == 3
    assert named.temporary == sized.temporary
