"""One web account per role for ``zi-docs demo``, with generated passwords in a file that only
its owner can read.

Django settings are process-wide, so the accounts are made in a child process configured
for the demo workspace (:func:`make_demo_accounts` starts it); the process that runs the demo
never configures Django itself.
"""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from zi_docs.errors import ZiError
from zi_docs.yamledit import write_atomic

ACCOUNTS_FILE = "akun-web.txt"
PASSWORD_BYTES = 12
"""Random bytes per password (16 URL-safe characters)."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    role_label: str
    areas: tuple[str, ...]


@dataclass(frozen=True)
class DemoAccounts:
    file: Path
    """The owner-only file listing every account with its password."""
    accounts: tuple[DemoAccount, ...]


def plan(areas: list[str]) -> list[DemoAccount]:
    """One account per role; a role bound to areas gets the catalogue's first area."""
    from zi_docs.web import roles

    planned = []
    for code in roles.role_codes():
        role = roles.role(code)
        chosen = tuple(areas[:1]) if role.per_area else ()
        name = f"{code}-{chosen[0].lower()}" if chosen else code
        planned.append(DemoAccount(name, code, role.label, chosen))
    return planned


def _listing(root: Path, made: list[tuple[DemoAccount, str]]) -> str:
    width = max(len(a.username) for a, _ in made)
    label_width = max(len(a.role_label) for a, _ in made)
    lines = [
        "# Akun aplikasi web untuk demo zi-docs. Sandinya dibuat acak untuk demo ini saja;",
        "# berkas ini hanya dapat dibaca pemiliknya. Hapus bila demo tidak dipakai lagi.",
        f'# Buka demo di peramban: zi-docs web -w "{root}"',
        "",
        f"{'nama':<{width}}  {'peran':<{label_width}}  {'area':<4}  sandi",
    ]
    for account, password in made:
        area = ",".join(account.areas) or "-"
        lines.append(
            f"{account.username:<{width}}  {account.role_label:<{label_width}}  {area:<4}  "
            f"{password}"
        )
    return "\n".join(lines) + "\n"


def create_here(root: Path) -> DemoAccounts:
    """Make the accounts in this process (Django configured for ``root``) and write the file."""
    from zi_docs.web import accounts
    from zi_docs.web.setup import configure
    from zi_docs.web.site import open_site

    site = open_site([root])
    configure(site)
    key = site.default_key
    planned = plan(list(site.workspace(key).catalogue.areas))
    made = []
    for account in planned:
        password = secrets.token_urlsafe(PASSWORD_BYTES)
        accounts.add_account(site, key, account.username, account.role, password, account.areas)
        made.append((account, password))
    target = root / ACCOUNTS_FILE
    write_atomic(target, _listing(root, made), owner_only=True)
    return DemoAccounts(target, tuple(planned))


def make_demo_accounts(root: Path) -> DemoAccounts:
    """Make the demo's accounts for the workspace at ``root`` in a child process."""
    done = subprocess.run(
        [sys.executable, "-m", "zi_docs.web.demo_accounts", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["tanpa keterangan"])[-1]
        raise ZiError(
            f"akun web demo tidak dapat dibuat: {last}",
            hint="jalankan lagi 'zi-docs demo'; bila tetap gagal, buat akun dengan "
            "'zi-docs web pengguna tambah'",
        )
    data = json.loads(done.stdout)
    return DemoAccounts(
        Path(data["file"]),
        tuple(DemoAccount(a[0], a[1], a[2], tuple(a[3])) for a in data["accounts"]),
    )


def _main(argv: list[str]) -> int:
    """The child process: make the accounts, answer with JSON (no password in it)."""
    try:
        made = create_here(Path(argv[0]))
    except ZiError as err:
        print(str(err), file=sys.stderr)
        return 1
    summary = {
        "file": str(made.file),
        "accounts": [[a.username, a.role, a.role_label, list(a.areas)] for a in made.accounts],
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
