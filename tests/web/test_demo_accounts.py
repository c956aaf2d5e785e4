"""``zi-docs demo`` makes one web account per role, passwords in an owner-only file."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import check_password

from zi_docs.errors import ZiError
from zi_docs.web import make_demo_accounts
from zi_docs.web.demo_accounts import ACCOUNTS_FILE, plan
from zi_docs.web.roles import role_codes
from zi_docs.web.site import DB_FILE, STATE_DIR
from zi_docs.workspace import Workspace


def _passwords(listing: Path) -> dict[str, str]:
    rows = [line.split() for line in listing.read_text(encoding="utf-8").splitlines()]
    return {row[0]: row[-1] for row in rows if row and row[0] not in ("#", "nama")}


def _in_a_fresh_process(root: Path) -> None:
    """``zi-docs demo``'s last step, in a process whose Django is not set up yet (this test
    process already serves the test site)."""
    code = "import sys; from pathlib import Path; from zi_docs.web import make_demo_accounts; "
    code += "make_demo_accounts(Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", code, str(root)], check=True, timeout=300)


def test_one_account_per_role_with_a_working_password(workspace: Workspace) -> None:
    _in_a_fresh_process(workspace.root)
    listing = workspace.root / ACCOUNTS_FILE
    planned = plan(list(workspace.catalogue.areas))
    assert [a.role for a in planned] == role_codes()
    assert {a.username: a.areas for a in planned}["koordinator-mp"] == ("MP",)
    if os.name == "posix":
        assert stat.S_IMODE(listing.stat().st_mode) == 0o600
    assert f'zi-docs web -w "{workspace.root}"' in listing.read_text(encoding="utf-8")

    passwords = _passwords(listing)
    assert set(passwords) == {a.username for a in planned}
    assert len(set(passwords.values())) == len(passwords)  # generated, not one shared default
    database = sqlite3.connect(workspace.root / STATE_DIR / DB_FILE)
    stored = dict(database.execute("SELECT username, password FROM auth_user"))
    database.close()
    assert all(check_password(passwords[name], stored[name]) for name in passwords)


def test_a_process_serving_another_site_is_told_in_a_sentence(
    workspace: Workspace, site: object
) -> None:
    with pytest.raises(ZiError) as caught:
        make_demo_accounts(workspace.root)
    assert "akun web demo tidak dibuat" in str(caught.value)
    assert "pengguna tambah" in str(caught.value.hint)
    assert not (workspace.root / ACCOUNTS_FILE).exists()
