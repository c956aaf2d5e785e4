"""The pages' check is kept while the workspace is unchanged and made again after any write."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from zi_docs.assessment import read_answer, save_answer
from zi_docs.evidence import SearchFilters, add_files
from zi_docs.web.app import workspace_cache
from zi_docs.web.app.workspace_cache import answer, checked, listing
from zi_docs.workspace import Workspace

QUESTION = "A.I.5.iv.c"  # unanswered in the example workspace
DAY = dt.date(2026, 11, 2)


def _age(root: Path, seconds: float = 3600) -> None:
    """Make every file look written ``seconds`` ago (past the racy-write window)."""
    past = time.time() - seconds
    for folder, _dirs, files in os.walk(root):
        for name in (*files, *_dirs):
            os.utime(Path(folder) / name, (past, past))


def test_an_unchanged_workspace_is_checked_once(workspace: Workspace) -> None:
    _age(workspace.root)
    first = checked(workspace, DAY)
    assert checked(workspace, DAY) is first
    assert checked(workspace, DAY + dt.timedelta(days=1)) is not first


def test_an_answer_saved_by_anyone_is_seen_on_the_next_page(workspace: Workspace) -> None:
    _age(workspace.root)
    before = checked(workspace, DAY)
    assert not before.completeness.indicator(QUESTION).answered
    save_answer(workspace, QUESTION, "A", expected_version=read_answer(workspace, QUESTION).version)
    after = checked(workspace, DAY)
    assert after.completeness.indicator(QUESTION).answered
    assert after.report.pengungkit > before.report.pengungkit


def test_a_same_size_rewrite_in_the_same_clock_tick_is_not_missed(workspace: Workspace) -> None:
    _age(workspace.root)
    answers = workspace.answers_file
    answers.write_text(answers.read_text(encoding="utf-8"), encoding="utf-8")  # written now
    assert checked(workspace, DAY).completeness.indicator("A.I.1.ii.c").answer == "B"
    tick = os.stat(answers)
    text = answers.read_text(encoding="utf-8").replace("  A.I.1.ii.c: B  #", "  A.I.1.ii.c: C  #")
    answers.write_text(text, encoding="utf-8")  # same size, same inode ...
    os.utime(answers, ns=(tick.st_atime_ns, tick.st_mtime_ns))  # ... and in the same tick
    assert checked(workspace, DAY).completeness.indicator("A.I.1.ii.c").answer == "C"


def test_a_file_added_to_the_archive_is_seen(workspace: Workspace, tmp_path: Path) -> None:
    _age(workspace.root)
    before = checked(workspace, DAY)
    assert not before.completeness.indicator("A.I.1.i.a").files
    letter = tmp_path / "undangan.txt"
    letter.write_text("Undangan rapat pembentukan tim", encoding="utf-8")
    add_files(workspace, [letter], indicators=["A.I.1.i.a"], item="undangan")
    assert checked(workspace, DAY).completeness.indicator("A.I.1.i.a").files


def test_the_answer_and_the_listing_are_kept_and_renewed(
    workspace: Workspace, tmp_path: Path
) -> None:
    listing(workspace)  # the first read makes the archive's database
    _age(workspace.root)
    first = answer(workspace, QUESTION)
    assert answer(workspace, QUESTION) is first and first.option is None
    files = listing(workspace)
    assert listing(workspace) is files
    assert listing(workspace, SearchFilters(untagged=True)) is not files
    save_answer(workspace, QUESTION, "B", expected_version=first.version)
    letter = tmp_path / "notulen.txt"
    letter.write_text("Notulen rapat tim kerja", encoding="utf-8")
    add_files(workspace, [letter], indicators=[QUESTION])
    assert answer(workspace, QUESTION).option == "B"
    assert len(listing(workspace).files) == len(files.files) + 1


def test_a_reader_opening_the_archive_database_is_no_change(workspace: Workspace) -> None:
    listing(workspace)
    _age(workspace.root)
    first = checked(workspace, DAY)
    wal = workspace.archive_dir / "catalog.sqlite-wal"
    wal.write_bytes(b"")  # what a concurrent reader's open leaves while it is open
    os.utime(wal, (time.time() - 3600, time.time() - 3600))
    assert checked(workspace, DAY) is first
    wal.write_bytes(b"frames of a write")
    assert checked(workspace, DAY) is not first


def test_the_check_right_after_a_save_is_made_once_while_the_saved_bytes_stay(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    _age(workspace.root)
    save_answer(workspace, QUESTION, "A", expected_version=read_answer(workspace, QUESTION).version)
    first = checked(workspace, DAY)  # the answers file was written within the racy window
    assert checked(workspace, DAY) is first
    monkeypatch.setattr(workspace_cache, "RACY_DIGEST_BYTES", 10)  # too much to read: not kept
    save_answer(workspace, QUESTION, "B", expected_version=read_answer(workspace, QUESTION).version)
    again = checked(workspace, DAY)
    assert again.completeness.indicator(QUESTION).answer == "B"
    assert checked(workspace, DAY) is not again
