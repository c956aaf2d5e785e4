"""The layer page and the comparison are kept while the workspace is unchanged and show a
layer entry saved through the library (as the CLI does) on the next request."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from typing import Any

import pytest

from zi_docs.evaluation import compare_layers, read_layer_entry, save_layer_entry
from zi_docs.web.app import views_banding, views_eval
from zi_docs.workspace import Workspace

from .conftest import KEY, drain

LAYER = "tpi-unit"
NOTE = "Catatan penilai dari baris perintah"


def _age(root: Path, seconds: float = 3600) -> None:
    past = time.time() - seconds
    for folder, dirs, files in os.walk(root):
        for name in (*files, *dirs):
            os.utime(Path(folder) / name, (past, past))


@pytest.mark.django_db
def test_a_layer_entry_saved_by_the_cli_is_on_the_next_page(
    login: Any, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[object] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(args)
        return compare_layers(*args, **kwargs)

    monkeypatch.setattr(views_eval, "compare_layers", counted)
    monkeypatch.setattr(views_banding, "compare_layers", counted)
    _age(workspace.root)
    client = login("pengamat")
    pages = (f"/u/{KEY}/evaluasi/lapis/{LAYER}/", f"/u/{KEY}/evaluasi/banding/?semua=1")
    for page in pages:
        assert NOTE not in drain(client.get(page)).decode()
    for page in pages:
        assert client.get(page).status_code == 200
    assert len(made) == 2  # each comparison made once while nothing changed
    question = "A.I.1.i.a"
    entry = read_layer_entry(workspace, LAYER, question)
    save_layer_entry(
        workspace,
        LAYER,
        question,
        answer=None,
        note=NOTE,
        expected_version=entry.version,
        date=dt.date.today(),
        evaluator="Penilai Uji",
    )
    layer_page = drain(client.get(pages[0])).decode()
    assert f"{question}/" in layer_page  # made again: the note is counted on the layer page
    assert NOTE in drain(client.get(pages[1])).decode()
    assert len(made) == 4
