"""What every page's header shows: the workspace, the account and its role, and the menu."""

from __future__ import annotations

import functools
from typing import Any

from django.http import HttpRequest
from django.urls import get_script_prefix, reverse

MENU = ("beranda", "lke", "arsip", "dokumen", "periksa", "evaluasi", "tindak_lanjut", "log", "akun")
"""The header's links into a workspace (Akun only for those who may manage accounts)."""
SITE_LINKS = ("awal", "ganti_sandi", "keluar")


@functools.lru_cache(maxsize=64)
def _links(prefix: str, key: str | None) -> dict[str, str]:
    """The header's addresses: the same on every page of a workspace, so found once per
    workspace key and script prefix instead of a dozen ``{% url %}`` tags on every page."""
    links = {name: reverse(f"zi_web:{name}") for name in SITE_LINKS}
    if key is not None:
        links |= {name: reverse(f"zi_web:{name}", kwargs={"ws": key}) for name in MENU}
    return links


def navigation(request: HttpRequest) -> dict[str, Any]:
    here = getattr(request, "zi", None)
    if here is None:
        return {"zi": None, "zi_tautan": _links(get_script_prefix(), None)}
    try:
        unit = here.workspace.profile.unit_name
    except Exception:  # the page itself reports a broken profile
        unit = here.key
    return {
        "zi": here,
        "zi_unit": unit,
        "zi_peran": here.role.label,
        "zi_tautan": _links(get_script_prefix(), here.key),
    }
