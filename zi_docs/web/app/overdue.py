"""The tindak lanjut items past their due date, for the Beranda (kept per workspace change)."""

from __future__ import annotations

import datetime as dt

from zi_docs.errors import ZiError
from zi_docs.evaluation import FollowUp, load_register
from zi_docs.web.app.workspace_cache import kept
from zi_docs.workspace import Workspace


def _overdue(workspace: Workspace, day: dt.date) -> list[FollowUp]:
    try:
        return [i for i in load_register(workspace).items if i.overdue(day)]
    except ZiError:  # the Periksa page reports a broken register
        return []


def overdue(workspace: Workspace, today: dt.date | None = None) -> list[FollowUp]:
    """Items past their due date and not done (none when the register cannot be read)."""
    day = today or dt.date.today()
    return kept(workspace, ("terlambat", day), lambda: _overdue(workspace, day))
