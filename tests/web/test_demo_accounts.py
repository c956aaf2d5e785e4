"""``zi-docs demo`` makes one web account per role, passwords in an owner-only file."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from django.contrib.auth.hashers import check_password

from zi_docs.errors import ZiError
from zi_docs.web.demo_accounts import ACCOUNTS_FILE, make_demo_accounts
from zi_docs.web.roles import role_codes
from zi_docs.web.site import DB_FILE, STATE_DIR
from zi_docs.workspace import Workspace


def _passwords(listing: Path) -> dict[str, str]:
    rows = [line.split() for line in listing.read_text(encoding="utf-8").splitlines()]
    return {row[0]: row[-1] for row in rows if row and row[0] not in ("#", "nama")}


def test_one_account_per_role_with_a_working_password(workspace: Workspace) -> None:
    made = make_demo_accounts(workspace.root)
    assert made.file == workspace.root / ACCOUNTS_FILE
    assert [a.role for a in made.accounts] == role_codes()
    assert {a.username: a.areas for a in made.accounts}["koordinator-mp"] == ("MP",)
    if os.name == "posix":
        assert stat.S_IMODE(made.file.stat().st_mode) == 0o600
    text = made.file.read_text(encoding="utf-8")
    assert f'zi-docs web -w "{workspace.root}"' in text

    passwords = _passwords(made.file)
    assert set(passwords) == {a.username for a in made.accounts}
    assert len(set(passwords.values())) == len(passwords)  # generated, not one shared default
    database = sqlite3.connect(workspace.root / STATE_DIR / DB_FILE)
    stored = dict(database.execute("SELECT username, password FROM auth_user"))
    database.close()
    assert all(check_password(passwords[name], stored[name]) for name in passwords)


def test_a_failure_is_told_in_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(ZiError) as caught:
        make_demo_accounts(tmp_path / "bukan-ruang-kerja")
    assert "akun web demo tidak dapat dibuat" in str(caught.value)
    assert "zi-docs web pengguna tambah" in str(caught.value.hint)
