"""Findings: one problem or observation, with its place and severity.

Every check in zi-docs (input validation, catalogue validation, template lint,
completeness, integrity) returns findings instead of stopping at the first problem.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.Enum):
    """How serious a finding is; the CLI picks colours and exit codes from it."""

    ERROR = "galat"
    WARNING = "peringatan"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One problem, located as precisely as the source allows."""

    message: str
    """A sentence in Indonesian saying what is wrong and what to do."""
    severity: Severity = Severity.ERROR
    file: str | None = None
    """The file the problem is in (as the user named it), if any."""
    line: int | None = None
    """1-based line in that file, if known."""
    field: str | None = None
    """Dotted path of the field (``anggota[2].nip``), or a place such as ``paragraf 12``."""
    code: str = ""
    """A short stable code for scripts and tests (``nip-format``)."""

    def where(self) -> str:
        """The place as a user reads it: ``inputs/sk.yaml:12 (anggota[2].nip)``."""
        parts = []
        if self.file:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        elif self.line is not None:
            parts.append(f"baris {self.line}")
        if self.field:
            parts.append(f"({self.field})" if parts else self.field)
        return " ".join(parts)

    def __str__(self) -> str:
        place = self.where()
        return f"{place}: {self.message}" if place else self.message


def errors(findings: Iterable[Finding]) -> list[Finding]:
    """The findings of severity ERROR."""
    return [f for f in findings if f.severity is Severity.ERROR]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def by_kind(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """The findings grouped by code, most severe kind first, otherwise in order of first
    appearance (a kind's rank is that of its most severe finding; each group keeps its order).
    A short view can then show a few of every kind instead of cutting whole kinds off."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.code, []).append(finding)
    ranked = sorted(
        enumerate(groups.items()),
        key=lambda entry: (min(_RANK[f.severity] for f in entry[1][1]), entry[0]),
    )
    return [group for _, group in ranked]
