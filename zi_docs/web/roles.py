"""Roles of web accounts and what each may do, read from ``data/peran-web.yaml``.

Pure Python (no framework): the views ask :func:`permits` and the tests walk the same data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.findings import Finding, Severity
from zi_docs.resources import WEB_ROLES, resource
from zi_docs.yamlio import load_yaml

CAPABILITIES = ("baca", "jawab", "unggah", "buang", "dokumen", "lapis", "akun")
"""Everything a view can require. ``baca`` is reading; the others write."""


@dataclass(frozen=True)
class Role:
    """One role a web account can hold in a workspace."""

    code: str
    label: str
    description: str
    capabilities: frozenset[str]
    per_area: bool
    """Write capabilities apply only to the indicators of the account's areas."""


@dataclass(frozen=True)
class Grant:
    """An account's role in one workspace, with its areas for area-bound roles."""

    workspace: str
    role: str
    areas: frozenset[str] = frozenset()


@cache
def roles() -> dict[str, Role]:
    """All roles, in the order of the data file."""
    path = resource(WEB_ROLES)
    doc = load_yaml(path)
    raw = doc.data.get("peran") if isinstance(doc.data, dict) else None
    if not isinstance(raw, dict):
        raise InvalidInputError(
            f"{path} tidak memuat daftar 'peran'",
            [
                Finding(
                    "daftar 'peran' tidak ada", Severity.ERROR, file=str(path), code="peran-rusak"
                )
            ],
        )
    found: dict[str, Role] = {}
    problems = []
    for code, spec in raw.items():
        caps = frozenset(spec.get("kemampuan", ()))
        unknown = caps - set(CAPABILITIES)
        if unknown:
            problems.append(
                Finding(
                    f"peran '{code}' memuat kemampuan tak dikenal: {', '.join(sorted(unknown))}",
                    Severity.ERROR,
                    file=str(path),
                    code="peran-rusak",
                )
            )
        found[str(code)] = Role(
            code=str(code),
            label=str(spec.get("label", code)),
            description=str(spec.get("keterangan", "")),
            capabilities=caps,
            per_area=bool(spec.get("per_area", False)),
        )
    if problems:
        raise InvalidInputError(f"{path} memuat {len(problems)} kesalahan", problems)
    return found


def role_codes() -> list[str]:
    """The role codes, in the order of the data file."""
    return list(roles())


def role(code: str) -> Role:
    """The role named ``code``; an unknown name lists the roles that exist."""
    try:
        return roles()[code]
    except KeyError:
        raise NotFoundError(f"peran '{code}' tidak dikenal", suggestions=list(roles())) from None


def needs_areas(code: str) -> bool:
    return role(code).per_area


def permits(grant: Grant | None, capability: str, area: str | None = None) -> bool:
    """Whether ``grant`` allows ``capability`` (on an indicator of ``area``, when given).

    Reading is never bound to an area. An area-bound role's write capability needs the
    area of the thing written; without an area (a file not tagged yet) only its own
    uploads' tagging is possible, which the caller checks with the areas it will tag.
    """
    if capability not in CAPABILITIES:
        raise ValueError(f"unknown capability {capability!r}")
    if grant is None:
        return False
    held = role(grant.role)
    if capability not in held.capabilities:
        return False
    if capability == "baca" or not held.per_area:
        return True
    return area is not None and area in grant.areas


def permits_all(grant: Grant | None, capability: str, areas: Iterable[str | None]) -> bool:
    """Whether ``grant`` allows ``capability`` on every one of ``areas`` (at least one)."""
    wanted = list(areas)
    return bool(wanted) and all(permits(grant, capability, a) for a in wanted)
