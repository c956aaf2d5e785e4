"""The team's workspace in a browser: a second client of the same library the CLI uses.

This package is the only place that imports Django. Its front door works without importing
Django at module import (the CLI imports it for ``zi-docs web``).
"""

from __future__ import annotations

from zi_docs.web.demo_accounts import DemoAccounts, make_demo_accounts
from zi_docs.web.roles import CAPABILITIES, Grant, Role, permits, role_codes
from zi_docs.web.site import Site, open_site, workspace_key

__all__ = [
    "CAPABILITIES",
    "DemoAccounts",
    "Grant",
    "Role",
    "Site",
    "make_demo_accounts",
    "open_site",
    "permits",
    "role_codes",
    "workspace_key",
]
