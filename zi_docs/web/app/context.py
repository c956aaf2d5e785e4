"""What every page's header shows: the workspace, the account and its role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    here = getattr(request, "zi", None)
    if here is None:
        return {"zi": None}
    try:
        unit = here.workspace.profile.unit_name
    except Exception:  # the page itself reports a broken profile
        unit = here.key
    return {"zi": here, "zi_unit": unit, "zi_peran": here.role.label}
