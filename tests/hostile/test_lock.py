"""The writer lock: a dead holder's lock is taken over (and said so), a live one is named,
extraction workers never hold it, verify never waits for it, and all of it without fcntl."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from archive_helpers import write_pdf
from click.testing import Result
from conftest import clear

from zi_docs import evidence as api
from zi_docs.errors import BusyError
from zi_docs.evidence.filing import open_archive
from zi_docs.evidence.lock import OWNER_SUFFIX, ArchiveLock, read_holder
from zi_docs.workspace import Workspace

DEAD = 2**22 + 777  # above the default pid_max: no such process


def test_a_lock_left_by_a_dead_process_is_taken_over_and_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / ".lock"
    path.touch()
    path.with_name(path.name + OWNER_SUFFIX).write_text(
        f"{DEAD}\n{os.uname().nodename}\n2026-01-01T00:00:00\n", "utf-8"
    )
    lock = ArchiveLock(path, wait=0.5)
    with caplog.at_level(logging.WARNING), lock:
        assert lock.took_over is not None and lock.took_over.pid == DEAD
        holder = read_holder(path)
        assert holder is not None and holder.pid == os.getpid()
    assert "diambil alih" in caplog.text and str(DEAD) in caplog.text
    assert read_holder(path) is None  # released: no owner left behind


def test_a_live_holder_is_named_in_the_busy_message(tmp_path: Path) -> None:
    path = tmp_path / ".lock"
    holder = ArchiveLock(path, wait=0.5)
    busy = pytest.raises(BusyError, match=rf"dipakai proses lain \(proses {os.getpid()} ")
    with holder, busy:
        ArchiveLock(path, wait=0.2).acquire()
    with ArchiveLock(path, wait=0.2):
        pass  # free again


def test_the_lock_is_re_entrant_within_one_object(tmp_path: Path) -> None:
    lock = ArchiveLock(tmp_path / ".lock", wait=0.2)
    with lock, lock:
        assert lock.held
    assert not lock.held


def test_verify_does_not_wait_for_a_writer(ws: Workspace, tmp_path: Path) -> None:
    api.add_files(ws, [write_pdf(tmp_path / "a.pdf", "Surat")], indicators=["P.MP.i.a"])
    writer = ArchiveLock(ws.archive_dir / ".lock", wait=0.2)
    with writer:
        started = time.monotonic()
        report = api.verify_archive(ws)
        assert time.monotonic() - started < 5
    assert report.ok


def test_a_writer_is_not_blocked_by_verify(
    zi: Callable[..., Result], ws: Workspace, tmp_path: Path
) -> None:
    api.add_files(ws, [write_pdf(tmp_path / "a.pdf", "Surat")], indicators=["P.MP.i.a"])
    with open_archive(ws) as archive, archive.lock:  # as if verify held it: it does not
        pass
    clear(zi("archive", "verify"), 0, "Arsip utuh")
    clear(zi("archive", "add", str(write_pdf(tmp_path / "b.pdf", "Nota")), "-i", "P.MP.i.a"), 0)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find the workers")
def test_killing_an_add_frees_the_archive_and_its_workers_die(
    ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "banyak"
    for i in range(60):
        write_pdf(folder / f"b{i}.pdf", [f"Bukti {i} halaman {p} " * 40 for p in range(6)])
    env = {**os.environ, "ZI_DOCS_WORKSPACE": str(ws.root)}
    command = [sys.executable, "-m", "zi_docs", "archive", "add", str(folder), "-i", "P.MP.i.a"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and not workers:
        workers = [c for c in _children(process.pid)]
        time.sleep(0.05)
    time.sleep(0.5)
    descendants = set(workers)
    for pid in list(descendants):
        descendants.update(_children(pid))
    process.send_signal(signal.SIGKILL)
    process.wait()
    gone_by = time.monotonic() + 10
    while time.monotonic() < gone_by and any(Path(f"/proc/{p}").exists() for p in descendants):
        time.sleep(0.1)
    alive = [p for p in descendants if Path(f"/proc/{p}").exists()]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert alive == []  # every worker ended with its parent
    started = time.monotonic()
    report = api.add_files(ws, [write_pdf(tmp_path / "baru.pdf", "Baru")], indicators=["P.MP.i.a"])
    assert time.monotonic() - started < 8  # no waiting for a lock held by orphans
    assert len(report.added) == 1
    assert api.verify_archive(ws).ok


@pytest.mark.slow
def test_archive_and_lock_tests_pass_without_fcntl() -> None:
    tests = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "nofcntl",
            "-p",
            "no:cacheprovider",
            "-m",
            "not slow",
            str(tests / "hostile" / "test_lock.py"),
            str(tests / "test_archive_verify.py"),
            str(tests / "test_archive_manage.py"),
            str(tests / "test_archive_ingest.py"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(tests / "hostile")},
        cwd=tests.parent,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


def test_an_owner_file_left_half_written_by_a_killed_holder_is_removed(tmp_path: Path) -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    lock_path = tmp_path / "index.lock"
    leftover = tmp_path / f"index.lock{OWNER_SUFFIX}.{finished.pid}"
    leftover.write_text("half", encoding="utf-8")
    with ArchiveLock(lock_path, wait=1.0):
        assert not leftover.exists()
        assert read_holder(lock_path) is not None
