"""Atomic writes: whole or not at all, leftovers of a killed writer removed by the next write,
a writer still running never disturbed, threads of one process kept apart."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from zi_docs.atomic import copy_atomic, write_bytes_atomic, write_text_atomic
from zi_docs.documents import generate
from zi_docs.documents.handedits import MANIFEST
from zi_docs.outputs import write_output
from zi_docs.workspace import Workspace


@pytest.fixture(scope="module")
def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_killed_writers_temporary_file_goes_with_the_next_write(
    tmp_path: Path, dead_pid: int
) -> None:
    target = tmp_path / "catatan.yaml"
    (tmp_path / f".catatan.yaml.{dead_pid}-0badc0de.tmp").write_text("setengah", encoding="utf-8")
    (tmp_path / f".catatan.yaml.{dead_pid}.tmp").write_text("lama", encoding="utf-8")
    write_text_atomic(target, "isi: baru\n")
    assert target.read_text(encoding="utf-8") == "isi: baru\n"
    assert _temps(tmp_path) == []


def test_a_running_writers_temporary_file_is_left_alone(tmp_path: Path) -> None:
    live = tmp_path / f".catatan.yaml.{os.getpid()}-12345678.tmp"
    live.write_text("sedang ditulis", encoding="utf-8")
    other = tmp_path / f".lain.yaml.{os.getpid() + 1}.tmp"
    other.write_text("milik berkas lain", encoding="utf-8")
    write_bytes_atomic(tmp_path / "catatan.yaml", b"x")
    assert live.exists() and other.exists()


def test_each_write_path_cleans_its_targets_leftovers(tmp_path: Path, dead_pid: int) -> None:
    source = tmp_path / "sumber.txt"
    source.write_text("asal", encoding="utf-8")
    writers = {
        "a.bin": lambda t: write_bytes_atomic(t, b"1"),
        "b.docx": lambda t: write_output(t, b"2"),
        "c.txt": lambda t: copy_atomic(source, t),
    }
    for name, write in writers.items():
        (tmp_path / f".{name}.{dead_pid}-00000000.tmp").write_bytes(b"sisa")
        write(tmp_path / name)
    assert _temps(tmp_path) == []
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == "asal"


def test_threads_writing_one_file_at_once_leave_one_whole_version(tmp_path: Path) -> None:
    target = tmp_path / "bersama.txt"
    versions = [f"versi {n} ".encode() * 5000 for n in range(8)]
    errors: list[BaseException] = []

    def write(data: bytes) -> None:
        try:
            for _ in range(20):
                write_output(target, data)
        except BaseException as exc:  # the test reports any failure of any thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(v,)) for v in versions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert target.read_bytes() in versions
    assert _temps(tmp_path) == []


def test_generate_removes_a_manifest_temp_a_killed_generate_left(
    workspace: Workspace, dead_pid: int
) -> None:
    first = generate(workspace, None, workspace.inputs_dir / "sk-tim.yaml")
    folder = first.documents[0].parent
    leftover = folder / f".{MANIFEST}.{dead_pid}-a1b2c3d4.tmp"
    leftover.write_text("{", encoding="utf-8")
    generate(workspace, None, workspace.inputs_dir / "sk-tim.yaml")
    assert not leftover.exists()
    assert (folder / MANIFEST).is_file()


def test_only_durable_writes_wait_for_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every write replaces its file whole; only a durable one (the default) is fsynced, a
    cache's (``durable=False``) is not."""
    import zi_docs.atomic as atomic

    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    target = tmp_path / "berkas.bin"
    write_bytes_atomic(target, b"pertama")
    assert target.read_bytes() == b"pertama" and len(synced) == 1
    write_bytes_atomic(target, b"kedua, salinan cache", durable=False)
    assert target.read_bytes() == b"kedua, salinan cache" and len(synced) == 1
    assert _temps(tmp_path) == []
