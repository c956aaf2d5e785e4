"""Where bundled resources live: in an installed wheel (``zi_docs/_bundled``) or a checkout."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_BUNDLED = PACKAGE_DIR / "_bundled"
_CHECKOUT = PACKAGE_DIR.parent


def _locate(name: str) -> Path:
    bundled = _BUNDLED / name
    if bundled.is_dir():
        return bundled
    return _CHECKOUT / name


def templates_dir() -> Path:
    """The built-in ``.docx`` templates (top-level ``templates/`` of the repository)."""
    return _locate("templates")


def example_archive_dir() -> Path:
    """The example evidence archive of the demo workspace (top-level ``archive/``)."""
    return _locate("archive")
