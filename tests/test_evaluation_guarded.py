"""Layer, tanggapan and register writes for forms: a stale version is refused with the newer
value, nothing is written then, and concurrent writers never lose each other's changes."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from zi_docs.errors import InvalidInputError
from zi_docs.evaluation import (
    LayerEntry,
    StaleEntryError,
    add_items_locked,
    item_versions,
    load_layer,
    load_register,
    open_round,
    read_layer_entry,
    read_response,
    save_layer_entry,
    save_response,
    update_item_checked,
)
from zi_docs.workspace import Workspace

LAYER = "tpi-unit"
DAY = dt.date(2026, 4, 1)


def _save(
    workspace: Workspace, question: str, answer: str | None, note: str | None, version: str
) -> LayerEntry:
    return save_layer_entry(
        workspace,
        LAYER,
        question,
        answer=answer,
        note=note,
        expected_version=version,
        date=DAY,
        evaluator="Tim TPI",
    )


def test_a_saved_entry_changes_its_version_and_a_stale_save_is_refused(
    workspace: Workspace,
) -> None:
    shown = read_layer_entry(workspace, LAYER, "A.I.1.i.b")
    assert (shown.round, shown.answer) == (1, "C") and shown.note.startswith("Mekanisme")
    saved = _save(workspace, "A.I.1.i.b", "B", "SK seleksi sudah dilihat", shown.version)
    assert (saved.answer, saved.note) == ("B", "SK seleksi sudah dilihat")
    assert saved.version != shown.version
    before = (workspace.layers_dir / f"{LAYER}.yaml").read_bytes()
    with pytest.raises(StaleEntryError) as refused:
        _save(workspace, "A.I.1.i.b", "A", None, shown.version)
    assert refused.value.current == saved
    assert (workspace.layers_dir / f"{LAYER}.yaml").read_bytes() == before


def test_an_empty_note_clears_it_and_an_invalid_answer_writes_nothing(
    workspace: Workspace,
) -> None:
    shown = read_layer_entry(workspace, LAYER, "A.I.2.i.c")
    cleared = _save(workspace, "A.I.2.i.c", None, "", shown.version)
    assert cleared.note == "" and cleared.answer == "D"
    assert load_layer(workspace, LAYER).notes("A.I.2.i.c") == []
    with pytest.raises(InvalidInputError) as bad:
        _save(workspace, "A.I.2.i.c", "Z", None, cleared.version)
    assert "jawaban 'Z' tidak dikenal" in str(bad.value.findings[0])
    assert read_layer_entry(workspace, LAYER, "A.I.2.i.c") == cleared


def test_a_new_round_takes_the_next_notes(workspace: Workspace) -> None:
    layer = open_round(workspace, LAYER, date=DAY, evaluator="Tim TPI")
    assert [r.number for r in layer.rounds] == [1, 2]
    shown = read_layer_entry(workspace, LAYER, "A.I.1.i.b")
    assert (shown.round, shown.answer, shown.note) == (2, None, "")
    _save(workspace, "A.I.1.i.b", None, "Kriteria seleksi sudah ada", shown.version)
    notes = [(r.number, note) for r, note, _ in load_layer(workspace, LAYER).notes("A.I.1.i.b")]
    assert notes[-1] == (2, "Kriteria seleksi sudah ada") and notes[0][0] == 1
    fresh = open_round(workspace, "inspektorat", date=DAY, evaluator="Inspektorat")
    assert fresh.path.is_file() and len(fresh.rounds) == 1


def test_tanggapan_versions(workspace: Workspace) -> None:
    shown = read_response(workspace, LAYER, "A.I.2.i.c")
    assert shown.round == 1 and shown.response == ""
    saved = save_response(
        workspace,
        LAYER,
        "A.I.2.i.c",
        "Berita acara disusun",
        round_number=1,
        expected_version=shown.version,
    )
    assert saved.response == "Berita acara disusun"
    with pytest.raises(StaleEntryError):
        save_response(
            workspace, LAYER, "A.I.2.i.c", "lain", round_number=1, expected_version=shown.version
        )
    assert load_layer(workspace, LAYER).rounds[0].responses["A.I.2.i.c"] == "Berita acara disusun"


def test_register_item_versions(workspace: Workspace) -> None:
    [code] = add_items_locked(
        workspace,
        [{"uraian": "U", "sumber": "catatan", "pemilik": "Pokja", "batas_waktu": DAY}],
    )
    version = item_versions(workspace)[code]
    update_item_checked(workspace, code, {"pemilik": "A"}, expected_version=version, today=DAY)
    with pytest.raises(StaleEntryError) as refused:
        update_item_checked(workspace, code, {"pemilik": "B"}, expected_version=version, today=DAY)
    assert refused.value.current.owner == "A"
    assert load_register(workspace).items[0].owner == "A"


@pytest.mark.slow
def test_concurrent_writers_keep_every_change(workspace: Workspace) -> None:
    questions = ["A.I.1.ii.a", "A.I.1.ii.b", "A.I.1.ii.c", "A.I.1.iii.a", "A.I.1.iii.b"]
    shown = {q: read_layer_entry(workspace, LAYER, q).version for q in questions}
    failures: list[BaseException] = []

    def note(question: str) -> None:
        try:
            _save(workspace, question, None, f"catatan {question}", shown[question])
            add_items_locked(
                workspace,
                [{"uraian": question, "sumber": "catatan", "pemilik": "P", "batas_waktu": DAY}],
            )
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=note, args=(q,)) for q in questions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    latest = load_layer(workspace, LAYER).answer_set()
    assert all(latest.get(q).note == f"catatan {q}" for q in questions)  # type: ignore[union-attr]
    codes = [i.code for i in load_register(workspace).items]
    assert sorted(codes) == [f"TL-{n:03d}" for n in range(1, 6)]
