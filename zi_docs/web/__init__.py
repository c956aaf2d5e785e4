"""The team's workspace in a browser: a second client of the same library the CLI uses.

This package is the only place that imports Django (and waitress, whitenoise). Its front
door imports none of them at module import: the CLI imports it for ``zi-docs web``, and
Django is set up only by :func:`configure`.

Behind the door: :mod:`.site` (which workspaces a server serves, its state folder, database,
secret key), :mod:`.setup` (Django's settings), :mod:`.roles` (roles as data),
:mod:`.accounts` (accounts for the CLI), :mod:`.server` (waitress), :mod:`.app` (the Django
app: models, views, templates, static files).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zi_docs import _lazy

if TYPE_CHECKING:
    from zi_docs.web.accounts import (
        Account,
        add_account,
        change_account,
        delete_account,
        has_accounts,
        list_accounts,
        set_password,
        setup_token,
    )
    from zi_docs.web.demo_accounts import DemoAccounts, make_demo_accounts
    from zi_docs.web.roles import CAPABILITIES, Grant, Role, permits, role_codes
    from zi_docs.web.server import is_loopback, serve
    from zi_docs.web.setup import configure
    from zi_docs.web.site import Site, open_site, workspace_key

# name -> the module it is read from, loaded on first use (zi_docs._lazy)
_HOMES = {
    "Account": "accounts",
    "CAPABILITIES": "roles",
    "DemoAccounts": "demo_accounts",
    "Grant": "roles",
    "Role": "roles",
    "Site": "site",
    "add_account": "accounts",
    "change_account": "accounts",
    "configure": "setup",
    "delete_account": "accounts",
    "has_accounts": "accounts",
    "is_loopback": "server",
    "list_accounts": "accounts",
    "make_demo_accounts": "demo_accounts",
    "open_site": "site",
    "permits": "roles",
    "role_codes": "roles",
    "serve": "server",
    "set_password": "accounts",
    "setup_token": "accounts",
    "workspace_key": "site",
}
_lazy.door(__name__, _HOMES)

__all__ = [
    "CAPABILITIES",
    "Account",
    "DemoAccounts",
    "Grant",
    "Role",
    "Site",
    "add_account",
    "change_account",
    "configure",
    "delete_account",
    "has_accounts",
    "is_loopback",
    "list_accounts",
    "make_demo_accounts",
    "open_site",
    "permits",
    "role_codes",
    "serve",
    "set_password",
    "setup_token",
    "workspace_key",
]
