"""Crash and concurrency: SIGKILL an ``archive add`` at random moments; two writers at once.

After every kill the archive must verify clean and the catalogue must list exactly the stored
objects: a crash leaves the old state or the new one, never half of either.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from archive_helpers import make_docx, write_pdf

from zi_docs import evidence
from zi_docs.workspace import Workspace

pytestmark = pytest.mark.slow

TRIALS = 30
FILES_PER_TRIAL = 24


def _corpus(folder: Path, tag: str, count: int) -> Path:
    for i in range(count):
        if i % 4 == 3:
            make_docx(folder / f"notulen-{tag}-{i}.docx", [f"Notulen rapat {tag} nomor {i}"])
        else:
            write_pdf(
                folder / f"bukti-{tag}-{i}.pdf",
                [f"Bukti {tag} {i} halaman {p} pembangunan zona integritas" for p in range(1, 4)],
            )
    return folder


def _start_add(workspace: Workspace, folder: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ZI_DOCS_WORKSPACE": str(workspace.root)}
    return subprocess.Popen(
        [sys.executable, "-m", "zi_docs", "archive", "add", str(folder), "-i", "P.MP.i.a", *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _assert_consistent(workspace: Workspace) -> int:
    report = evidence.verify_archive(workspace)
    assert report.ok, [str(f) for f in report.findings]
    catalogued = {f.sha256 for f in evidence.stored_files(workspace, include_trashed=True)}
    stored = {p.name for p in (workspace.archive_dir / "objects").glob("*/*")}
    assert stored == catalogued
    leftovers = list((workspace.archive_dir / "objects").glob("*/.tmp-*"))
    assert leftovers == []
    return len(catalogued)


def test_sigkill_at_random_moments_leaves_a_consistent_archive(
    workspace: Workspace, tmp_path: Path
) -> None:
    rng = random.Random(20260415)
    # Calibrate: how long one whole add takes on this machine now, so the kills land inside
    # the run whatever the load (a fixed window made the test depend on the machine's speed).
    calibration = _corpus(tmp_path / "calibration", "cal", FILES_PER_TRIAL)
    started = time.monotonic()
    _start_add(workspace, calibration).communicate(timeout=120)
    duration = time.monotonic() - started
    previous = _assert_consistent(workspace)
    assert previous == FILES_PER_TRIAL
    killed_mid_run = 0
    for trial in range(TRIALS):
        folder = _corpus(tmp_path / f"batch{trial}", f"t{trial}", FILES_PER_TRIAL)
        process = _start_add(workspace, folder)
        slept = rng.uniform(0.02, 0.9) * duration
        time.sleep(slept)
        if process.poll() is None:
            killed_mid_run += 1
            os.killpg(process.pid, signal.SIGKILL)
        else:  # this add took at most `slept` (warm caches): aim the next kills within that
            duration = slept
        process.communicate(timeout=60)
        count = _assert_consistent(workspace)
        assert previous <= count <= previous + FILES_PER_TRIAL
        previous = count
    assert killed_mid_run >= TRIALS // 2, "the kills should mostly land while adding"
    # After all the kills, adding everything again completes and stores every file once.
    final = subprocess.run(
        [
            sys.executable,
            "-m",
            "zi_docs",
            "archive",
            "add",
            *(str(tmp_path / f"batch{t}") for t in range(TRIALS)),
            "-i",
            "P.MP.i.b",
        ],
        env={**os.environ, "ZI_DOCS_WORKSPACE": str(workspace.root)},
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert final.returncode == 0, final.stderr.decode()
    assert _assert_consistent(workspace) == (TRIALS + 1) * FILES_PER_TRIAL


def test_two_writers_at_once_both_finish_or_one_is_busy(
    workspace: Workspace, tmp_path: Path
) -> None:
    first = _corpus(tmp_path / "satu", "a", 40)
    second = _corpus(tmp_path / "dua", "b", 40)
    processes = [_start_add(workspace, first), _start_add(workspace, second)]
    results = [p.communicate(timeout=300) for p in processes]
    codes = [p.returncode for p in processes]
    for code, (_out, err) in zip(codes, results, strict=True):
        assert code == 0 or "arsip sedang dipakai proses lain" in err.decode(), err.decode()
    assert 0 in codes
    expected = 40 * codes.count(0)
    assert _assert_consistent(workspace) == expected
    found = evidence.list_files(workspace, evidence.SearchFilters(indicator="P.MP.i.a")).files
    assert len(found) == expected
    hits = evidence.search(workspace, "pembangunan", evidence.SearchFilters(limit=1000)).hits
    assert len(hits) == len([f for f in found if f.kind == "pdf"])


def test_a_killed_index_commit_leaves_no_stamps_file_behind(
    workspace: Workspace, tmp_path: Path
) -> None:
    """A writer killed between writing ``.ZI_STAMPS.PID.tmp`` and replacing ``ZI_STAMPS``
    leaves the temporary file; the next write removes it (a live writer's is kept)."""
    evidence.add_files(workspace, [write_pdf(tmp_path / "a.pdf", "Notulen rapat tim")])
    index = workspace.archive_dir / "index"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    killed = index / f".ZI_STAMPS.{int(dead.stdout)}.tmp"
    killed.write_text("opstamp 1\n", encoding="utf-8")
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:  # another writer still at work: its file stays
        running = index / f".ZI_STAMPS.{other.pid}.tmp"
        running.write_text("opstamp 1\n", encoding="utf-8")
        evidence.add_files(workspace, [write_pdf(tmp_path / "b.pdf", "Daftar hadir rapat")])
        assert not killed.exists() and running.exists()
    finally:
        other.kill()
        other.wait()
    running.unlink()
    assert evidence.verify_archive(workspace).ok


def test_a_delete_file_no_commit_names_is_removed_by_the_next_write(
    workspace: Workspace, tmp_path: Path
) -> None:
    """A commit killed after the engine wrote ``SEGMENT.OPSTAMP.del`` and before ``meta.json``
    named it leaves that file; a run doing the same work again reaches the same opstamp and
    the engine refused to create its own ("FileAlreadyExists", found by the SIGKILL test in
    CI). The next write removes such a file and keeps the ones ``meta.json`` names."""
    import json

    evidence.add_files(
        workspace, [write_pdf(tmp_path / f"{n}.pdf", f"Notulen rapat {n}") for n in "abc"]
    )
    index = workspace.archive_dir / "index"
    meta = json.loads((index / "meta.json").read_text(encoding="utf-8"))
    segment = meta["segments"][0]["segment_id"].replace("-", "")
    stale = index / f"{segment}.{meta['opstamp'] + 1}.del"
    stale.write_bytes(b"\0" * 16)
    named = sorted(p.name for p in index.glob("*.del"))
    evidence.add_files(workspace, [write_pdf(tmp_path / "d.pdf", "Daftar hadir rapat")])
    assert not stale.exists()
    assert set(named) - {stale.name} <= {p.name for p in index.glob("*.del")}
    assert evidence.verify_archive(workspace).ok
    hits = evidence.search(workspace, "rapat", evidence.SearchFilters(limit=10)).hits
    assert len(hits) == 4
