"""One web account per role for ``zi-docs demo``, with generated passwords in a file that only
its owner can read. Called by the CLI after the demo has built its workspace.

Django settings are process-wide: the accounts are made in a process that is not serving
another site yet (as ``zi-docs demo`` is); elsewhere the call is refused with a sentence.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from zi_docs.errors import ZiError
from zi_docs.web.site import write_private

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


def make_demo_accounts(root: Path) -> DemoAccounts:
    """Make the demo's accounts for the workspace at ``root`` and write the password file."""
    from zi_docs.web import accounts
    from zi_docs.web.setup import configure, current_site
    from zi_docs.web.site import open_site

    site = open_site([root])
    configure(site)
    if current_site().state != site.state:
        raise ZiError(
            "akun web demo tidak dibuat: proses ini sudah melayani ruang kerja lain",
            hint=f"buat akunnya dengan: zi-docs web -w {root} pengguna tambah NAMA --peran PERAN",
        )
    key = site.default_key
    planned = plan(list(site.workspace(key).catalogue.areas))
    made = []
    for account in planned:
        password = secrets.token_urlsafe(PASSWORD_BYTES)
        accounts.add_account(site, key, account.username, account.role, password, account.areas)
        made.append((account, password))
    target = root / ACCOUNTS_FILE
    write_private(target, _listing(root, made))
    return DemoAccounts(target, tuple(planned))
