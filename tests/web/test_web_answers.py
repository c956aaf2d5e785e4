"""Answers through the web: saved per indicator, stale forms refused, the file's comments kept."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zi_docs.assessment import read_answer, save_answer, score_workspace
from zi_docs.web.app.models import Activity
from zi_docs.workspace import Workspace

from .conftest import KEY

QUESTION = "A.I.1.i.b"  # ABC, answered B in the example


def _url(name: str, question: str = QUESTION) -> str:
    return reverse(f"zi_web:{name}", kwargs={"ws": KEY, "indikator": question})


@pytest.mark.django_db
def test_saving_an_answer_changes_the_score_and_keeps_comments(
    login: Any, workspace: Workspace
) -> None:
    before = score_workspace(workspace).total
    text_before = workspace.answers_file.read_text(encoding="utf-8")
    version = read_answer(workspace, QUESTION).version
    response = login("ketua").post(
        _url("jawab"), {"versi": version, "jawaban": "A", "catatan": "mekanisme sudah tertulis"}
    )
    assert response.status_code == 302
    entry = read_answer(workspace, QUESTION)
    assert entry.option == "A" and entry.note == "mekanisme sudah tertulis"
    assert score_workspace(workspace).total > before
    text_after = workspace.answers_file.read_text(encoding="utf-8")
    comments = [line for line in text_before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(line in text_after.splitlines() for line in comments)
    changed = [
        (a, b)
        for a, b in zip(text_before.splitlines(), text_after.splitlines(), strict=False)
        if a != b
    ]
    assert len(changed) <= 3  # only the lines of this one answer
    assert Activity.objects.filter(username="ketua", action="jawab").exists()


@pytest.mark.django_db
def test_a_stale_form_is_refused_with_the_newer_value(login: Any, workspace: Workspace) -> None:
    shown_version = read_answer(workspace, QUESTION).version
    first, second = login("ketua"), login("koor_mp")
    assert first.post(_url("jawab"), {"versi": shown_version, "jawaban": "A"}).status_code == 302
    response = second.post(
        _url("jawab"), {"versi": shown_version, "jawaban": "C", "catatan": "punya saya"}
    )
    text = response.content.decode()
    assert response.status_code == 409
    assert "sudah diubah orang lain" in text
    assert "Jawaban terbaru: <strong>A</strong>" in text
    assert read_answer(workspace, QUESTION).option == "A"


@pytest.mark.django_db
def test_an_invalid_answer_shows_the_libraries_message_and_writes_nothing(
    login: Any, workspace: Workspace
) -> None:
    before = workspace.answers_file.read_bytes()
    version = read_answer(workspace, "A.II.1.i.a").version  # a percentage item with counts
    response = login("ketua").post(
        _url("jawab", "A.II.1.i.a"),
        {
            "versi": version,
            "input_jumlah_agen_perubahan": "-3",
            "input_jumlah_perubahan_dibuat": "2",
        },
    )
    assert response.status_code == 422
    assert "jumlah_agen_perubahan" in response.content.decode()
    assert workspace.answers_file.read_bytes() == before


@pytest.mark.django_db
def test_counts_of_a_percentage_item_are_kept_as_typed(login: Any, workspace: Workspace) -> None:
    version = read_answer(workspace, "A.II.1.i.a").version
    response = login("koor_mp").post(
        _url("jawab", "A.II.1.i.a"),
        {
            "versi": version,
            "input_jumlah_agen_perubahan": "12",
            "input_jumlah_perubahan_dibuat": "12",
        },
    )
    assert response.status_code == 302
    assert read_answer(workspace, "A.II.1.i.a").counts == {
        "jumlah_agen_perubahan": 12,
        "jumlah_perubahan_dibuat": 12,
    }


def test_cli_and_web_edits_of_other_questions_do_not_conflict(workspace: Workspace) -> None:
    shown = read_answer(workspace, QUESTION).version
    other = read_answer(workspace, "A.I.1.ii.b")
    save_answer(workspace, "A.I.1.ii.b", "C", expected_version=other.version)
    save_answer(workspace, QUESTION, "A", expected_version=shown)  # still accepted
    assert read_answer(workspace, "A.I.1.ii.b").option == "C"
    assert read_answer(workspace, QUESTION).option == "A"


def test_reading_answers_parses_each_text_of_the_file_once(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zi_docs import yamledit

    parsed: list[str] = []
    real = yamledit._parse

    def counting(text: str, display: str) -> Any:
        parsed.append(text)
        return real(text, display)

    monkeypatch.setattr(yamledit, "_parse", counting)
    yamledit._kept_parse.cache_clear()  # none kept by an earlier test
    first = read_answer(workspace, QUESTION)
    assert read_answer(workspace, "A.I.1.ii.b").option and read_answer(workspace, QUESTION) == first
    assert len(parsed) == 1
    text = workspace.answers_file.read_text(encoding="utf-8")
    tick = workspace.answers_file.stat()
    workspace.answers_file.write_text(text.replace("    jawaban: B", "    jawaban: C"), "utf-8")
    os.utime(workspace.answers_file, ns=(tick.st_atime_ns, tick.st_mtime_ns))  # same stamp ...
    assert read_answer(workspace, QUESTION).option == "C"  # ... other text: read anew
    assert len(parsed) == 2


def test_an_edit_of_the_shared_parse_copy_writes_what_a_fresh_parse_would() -> None:
    """load_roundtrip hands out a copy of the shared parse; editing it and writing it back
    gives the same text as editing a parse of its own, for every YAML file of the example."""
    from hostile_text import CORPUS

    from zi_docs import yamledit
    from zi_docs.workspace import EXAMPLE_DIR

    for number, path in enumerate(sorted(EXAMPLE_DIR.rglob("*.yaml"))):
        copied = yamledit.load_roundtrip(path, path.name)
        fresh = yamledit._parse(path.read_text(encoding="utf-8-sig"), path.name)
        assert yamledit.dump_roundtrip(copied) == yamledit.dump_roundtrip(fresh), path.name
        note = CORPUS[number % len(CORPUS)]
        for data in (copied, fresh):
            yamledit.replace_value(data, "catatan_uji", {"jawaban": "B", "catatan": note})
        assert yamledit.dump_roundtrip(copied) == yamledit.dump_roundtrip(fresh), path.name
        assert "catatan_uji" not in yamledit.read_roundtrip(path, path.name)  # not shared


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=st.text(min_size=1, max_size=200).filter(lambda t: t.strip()))
def test_any_note_round_trips_through_the_file(workspace: Workspace, note: str) -> None:
    entry = read_answer(workspace, QUESTION)
    save_answer(
        workspace, QUESTION, {"jawaban": "B", "catatan": note}, expected_version=entry.version
    )
    assert read_answer(workspace, QUESTION).note == note
    score_workspace(workspace)  # the whole file still parses
