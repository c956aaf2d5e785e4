"""The user's own cache folder, for derived data kept between runs (the parsed catalogue,
the rows ``check`` reads from an archive's catalogue): ``%LOCALAPPDATA%\\zi-docs\\cache`` on
Windows, ``$XDG_CACHE_HOME/zi-docs`` or ``~/.cache/zi-docs`` elsewhere. ``ZI_DOCS_CACHE``
names another folder; ``ZI_DOCS_CACHE=0`` turns every such cache off. Everything in it may be
deleted at any time."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_ENV = "ZI_DOCS_CACHE"


def cache_dir() -> Path | None:
    """Where derived data is kept, or None when the cache is off."""
    named = os.environ.get(_ENV)
    if named is not None:
        return None if named.strip() in ("", "0") else Path(named)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "zi-docs" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zi-docs"
