"""Logging, configured once by the CLI: library modules only log, this decides what is shown.

Messages go to stderr through click (so the in-process test runner sees them too), as bare
sentences, exactly as Python's last-resort handler printed warnings before ``-v``/``-q``.
"""

from __future__ import annotations

import logging

import click

LIBRARY = "zi_docs"


class _ClickHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            click.echo(self.format(record), err=True)
        except Exception:
            self.handleError(record)


_HANDLER = _ClickHandler()
_HANDLER.setFormatter(logging.Formatter("%(message)s"))


def level_for(verbose: int, quiet: bool) -> int:
    """``-q``: errors only; none: warnings; ``-v``: progress too; ``-vv``: technical detail."""
    if quiet:
        return logging.ERROR
    return {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)


def configure_logging(verbose: int = 0, quiet: bool = False) -> None:
    """Show the library's log records at the chosen level on stderr (idempotent)."""
    logger = logging.getLogger(LIBRARY)
    if _HANDLER not in logger.handlers:
        logger.addHandler(_HANDLER)
    level = level_for(verbose, quiet)
    logger.setLevel(level)
    _HANDLER.setLevel(level)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are about the PDF, not us
