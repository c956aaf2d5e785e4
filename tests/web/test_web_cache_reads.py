"""One stamp per reading page, and kept search results that still see every write."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from zi_docs.evidence import SearchFilters, add_files
from zi_docs.web.app import workspace_cache
from zi_docs.web.app.workspace_cache import answer, checked, found, listing, one_stamp
from zi_docs.workspace import Workspace


def _age(root: Path, seconds: float = 3600) -> None:
    past = time.time() - seconds
    for folder, dirs, files in os.walk(root):
        for name in (*files, *dirs):
            os.utime(Path(folder) / name, (past, past))


def test_a_reading_page_stamps_the_workspace_once(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []
    real = workspace_cache.stamp

    def counted(root: Path) -> Any:
        calls.append(root)
        return real(root)

    monkeypatch.setattr(workspace_cache, "stamp", counted)
    with one_stamp():
        checked(workspace)
        answer(workspace, "A.I.1.i.a")
        listing(workspace)
    assert len(calls) == 1
    checked(workspace)
    answer(workspace, "A.I.1.i.a")
    assert len(calls) == 3


def test_a_search_through_the_kept_index_sees_a_file_added_by_the_cli(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letter = tmp_path / "surat.txt"
    letter.write_text("Surat edaran pengendalian gratifikasi", encoding="utf-8")
    add_files(workspace, [letter])
    _age(workspace.root)

    def no_stamp(root: Path) -> Any:
        raise AssertionError("a search needs no stamp of the workspace")

    monkeypatch.setattr(workspace_cache, "stamp", no_stamp)
    ten = SearchFilters(limit=10)
    first = found(workspace, "gratifikasi", ten)
    assert len(first.hits) == 1 and len(found(workspace, "gratifikasi", ten).hits) == 1
    second = tmp_path / "laporan.txt"
    second.write_text("Laporan penolakan gratifikasi", encoding="utf-8")
    add_files(workspace, [second])  # as the CLI would, in the same process or another
    assert len(found(workspace, "gratifikasi", ten).hits) == 2


def test_a_search_does_not_wait_for_another_search_in_progress(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zi_docs.evidence import reading

    letter = tmp_path / "surat.txt"
    letter.write_text("Surat edaran pengendalian gratifikasi", encoding="utf-8")
    add_files(workspace, [letter])
    ten = SearchFilters(limit=10)
    assert len(found(workspace, "gratifikasi", ten).hits) == 1  # an index is open now
    inside, release = threading.Event(), threading.Event()
    real = reading._with_files

    def held(*args: Any, **kwargs: Any) -> Any:
        if not inside.is_set():  # the first search stays in its session until released
            inside.set()
            release.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(reading, "_with_files", held)
    answers: list[int] = []
    first = threading.Thread(target=found, args=(workspace, "gratifikasi", ten))
    second = threading.Thread(
        target=lambda: answers.append(len(found(workspace, "surat", ten).hits))
    )
    first.start()
    try:
        assert inside.wait(60)
        second.start()
        second.join(30)  # a guard against waiting for ever, not a measured time
        assert answers == [1], "the second search waited for the first one"
    finally:
        release.set()
        first.join(60)
        second.join(60)


def test_a_value_over_several_units_is_made_again_when_any_one_changes(tmp_path: Path) -> None:
    from zi_docs.assessment import read_answer, save_answer
    from zi_docs.workspace import init_workspace

    units = [init_workspace(tmp_path / f"unit-{n}").workspace for n in range(3)]
    for unit in units:
        _age(unit.root)
    made: list[int] = []

    def compute() -> int:
        made.append(1)
        return len(made)

    assert workspace_cache.kept_over(units, "uji", compute) == 1
    assert workspace_cache.kept_over(units, "uji", compute) == 1
    question = "A.I.5.iv.c"
    entry = read_answer(units[2], question)
    save_answer(units[2], question, "A", expected_version=entry.version)
    assert workspace_cache.kept_over(units, "uji", compute) == 2


@pytest.mark.django_db
def test_the_berandas_archive_activity_is_read_once_per_change(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zi_docs import evidence
    from zi_docs.web.app.views_home import latest_activity

    from .conftest import KEY

    reads: list[int | None] = []
    real = evidence.audit_log

    def counted(ws: Workspace, limit: int | None = None) -> Any:
        reads.append(limit)
        return real(ws, limit)

    first_letter = tmp_path / "surat.txt"
    first_letter.write_text("Surat tugas tim", encoding="utf-8")
    add_files(workspace, [first_letter])
    monkeypatch.setattr(evidence, "audit_log", counted)
    _age(workspace.root)
    first = latest_activity(KEY, workspace, workspace.catalogue)
    assert latest_activity(KEY, workspace, workspace.catalogue) == first
    assert len(reads) == 1
    letter = tmp_path / "undangan.txt"
    letter.write_text("Undangan rapat koordinasi", encoding="utf-8")
    add_files(workspace, [letter])  # the CLI's write, in the same process or another
    _age(workspace.root)
    lines = latest_activity(KEY, workspace, workspace.catalogue)
    assert len(reads) == 2
    assert any("undangan.txt" in line.detail for line in lines)
