"""The web app's state folder and SQLite database (password hashes, sessions) are readable by
their owner only."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from zi_docs.web import open_site
from zi_docs.web.site import DB_ENV, DB_FILE, STATE_DIR
from zi_docs.workspace import Workspace

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def _mode(path: os.PathLike[str]) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_state_folder_is_0700_and_its_database_0600(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    old_mask = os.umask(0o022)
    try:
        site = open_site([workspace.root])
    finally:
        os.umask(old_mask)
    assert site.state == workspace.root / STATE_DIR
    assert _mode(site.state) == 0o700
    assert _mode(site.sqlite_path) == 0o600
    with sqlite3.connect(site.sqlite_path) as db:  # the empty file is a usable database
        db.execute("create table t (x)")
    assert _mode(site.sqlite_path) == 0o600


def test_an_older_open_state_is_tightened(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    state = workspace.root / STATE_DIR
    state.mkdir(mode=0o755)
    state.chmod(0o755)
    (state / DB_FILE).write_bytes(b"")
    (state / DB_FILE).chmod(0o644)
    open_site([workspace.root])
    assert _mode(state) == 0o700
    assert _mode(state / DB_FILE) == 0o600
