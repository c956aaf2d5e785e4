"""The site's settings: where its data lives, which database, concurrent answer saves."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from zi_docs.assessment import read_answer, save_answer
from zi_docs.errors import WorkspaceError
from zi_docs.web.site import (
    CONN_MAX_AGE_S,
    DB_ENV,
    Site,
    database_settings,
    open_site,
    workspace_key,
)
from zi_docs.workspace import Workspace


def test_sqlite_inside_the_workspace_by_default(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    site = open_site([workspace.root])
    assert site.state == workspace.root / ".zi-web"
    assert database_settings(site) == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(workspace.root / ".zi-web" / "web.sqlite3"),
        "CONN_MAX_AGE": CONN_MAX_AGE_S,
    }


def test_postgresql_when_a_setting_names_one(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_ENV, "postgresql://zi:rahasia%21@127.0.0.1:5433/zidocs")
    settings = database_settings(open_site([workspace.root]))
    assert settings["ENGINE"] == "django.db.backends.postgresql"
    assert (settings["USER"], settings["PASSWORD"], settings["HOST"], settings["PORT"]) == (
        "zi",
        "rahasia!",
        "127.0.0.1",
        "5433",
    )
    assert settings["NAME"] == "zidocs"
    monkeypatch.delenv(DB_ENV)
    (workspace.root / ".zi-web" / "basis-data.txt").write_text("mysql://x/y\n", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="tidak didukung"):
        database_settings(open_site([workspace.root]))


def test_keys_are_url_safe_and_distinct(tmp_path: Path) -> None:
    assert workspace_key(Path("Dinas PMPTSP 2026")) == "dinas-pmptsp-2026"
    assert workspace_key(Path("Kantor Pelayanan Pajak Pratama Makassar Utara")).isascii()
    assert workspace_key(Path("***")) == "unit"
    site = Site(state=tmp_path, workspaces={})
    with pytest.raises(WorkspaceError, match="tidak dilayani"):
        site.workspace("lain")


QUESTIONS = ["A.I.1.i.b", "A.I.1.ii.b", "A.I.1.ii.c", "A.I.1.iii.a", "A.I.1.iii.b", "A.I.2.i.a"]


def test_concurrent_saves_of_different_questions_all_land(workspace: Workspace) -> None:
    versions = {q: read_answer(workspace, q).version for q in QUESTIONS}
    options = {q: sorted(workspace.catalogue.resolve(q).criteria)[-1] for q in QUESTIONS}
    errors: list[BaseException] = []

    def save(question: str) -> None:
        try:
            save_answer(workspace, question, options[question], expected_version=versions[question])
        except BaseException as err:  # collected and asserted below
            errors.append(err)

    threads = [threading.Thread(target=save, args=(q,)) for q in QUESTIONS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert {q: read_answer(workspace, q).option for q in QUESTIONS} == options
