"""The one family of errors the library raises. The CLI translates them once."""

from __future__ import annotations

from collections.abc import Sequence

from zi_docs.findings import Finding


class ZiError(Exception):
    """A problem the user can act on. ``str(err)`` is an Indonesian sentence."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        """What to do about it, when that is not already in the message."""


class InvalidInputError(ZiError):
    """An input file (YAML, catalogue, template, answers) has one or more problems."""

    def __init__(self, message: str, findings: Sequence[Finding], *, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.findings = tuple(findings)


class WorkspaceError(ZiError):
    """The workspace is missing, incomplete, or would be overwritten."""


class NotFoundError(ZiError):
    """A named thing (indicator, document kind, file in the archive) does not exist."""

    def __init__(self, message: str, *, suggestions: Sequence[str] = (), hint: str | None = None):
        super().__init__(message, hint=hint)
        self.suggestions = tuple(suggestions)


class BusyError(ZiError):
    """Another process holds the archive; try again shortly."""


class ToolMissingError(ZiError):
    """An external program (LibreOffice, Tesseract, Chromium) is not installed."""
