"""The tindak lanjut items past their due date, for the Beranda."""

from __future__ import annotations

import datetime as dt

from zi_docs.errors import ZiError
from zi_docs.evaluation import FollowUp, load_register
from zi_docs.workspace import Workspace


def overdue(workspace: Workspace, today: dt.date | None = None) -> list[FollowUp]:
    """Items past their due date and not done (none when the register cannot be read: the
    Periksa page reports a broken register)."""
    day = today or dt.date.today()
    try:
        return [i for i in load_register(workspace).items if i.overdue(day)]
    except ZiError:
        return []
