"""Document kinds by name, their templates (workspace first, then built-in) and what they serve."""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from functools import cache
from pathlib import Path
from typing import Any

from zi_docs.catalogue import Catalogue
from zi_docs.documents import kinds as _kinds_package
from zi_docs.documents.kind import DocumentKind
from zi_docs.errors import NotFoundError
from zi_docs.refs import IndicatorRef
from zi_docs.resources import TEMPLATES, resource
from zi_docs.workspace import Workspace


@cache
def all_kinds() -> dict[str, DocumentKind]:
    """Every kind module under ``zi_docs/documents/kinds/`` that exposes ``KIND``, by name."""
    found: dict[str, DocumentKind] = {}
    for info in sorted(pkgutil.iter_modules(_kinds_package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_kinds_package.__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, DocumentKind):
            found[kind.name] = kind
    return dict(sorted(found.items()))


def get_kind(name: str) -> DocumentKind:
    """The kind called ``name`` (case-insensitive); suggestions when unknown."""
    kinds = all_kinds()
    key = name.strip().lower()
    if key in kinds:
        return kinds[key]
    raise NotFoundError(
        f"jenis dokumen '{name}' tidak dikenal",
        suggestions=difflib.get_close_matches(key, list(kinds), n=3, cutoff=0.5),
        hint="lihat daftar jenis dokumen dengan: zi-docs templates list",
    )


def builtin_template(filename: str) -> Path:
    """The built-in template file (it may not exist yet in a broken installation)."""
    return resource(TEMPLATES) / filename


def template_path(kind: DocumentKind, workspace: Workspace | None) -> Path:
    """The template to use: ``templates/<file>`` of the workspace overrides the built-in one."""
    if workspace is not None:
        own = workspace.templates_dir / kind.template
        if own.is_file():
            return own
    builtin = builtin_template(kind.template)
    if not builtin.is_file():
        raise NotFoundError(
            f"templat bawaan {kind.template} untuk '{kind.name}' tidak ditemukan",
            hint="pasang ulang zi-docs, atau taruh templat sendiri di folder templates/ "
            "ruang kerja",
        )
    return builtin


def served_by(
    kind: DocumentKind, catalogue: Catalogue | None, data: dict[str, Any] | None = None
) -> tuple[IndicatorRef, ...]:
    """What a kind is evidence for: the catalogue's checklist items whose ``generator`` is the
    kind's name, followed by any the kind declares itself. With the validated input ``data``,
    only what this document really is: an item with a condition (``kind.conditions``) counts
    only when the input fills one of its fields."""
    served: list[IndicatorRef] = []
    if catalogue is not None:
        for question in catalogue.questions():
            for item in question.checklist:
                if item.generator == kind.name:
                    served.append(IndicatorRef(question.id, item.key))
    for extra in kind.serves:
        if extra not in served:
            served.append(extra)
    if data is not None:
        served = [s for s in served if _meets(kind.conditions.get(s.item or ""), data)]
    return tuple(served)


def _meets(fields: tuple[str, ...] | None, data: dict[str, Any]) -> bool:
    return fields is None or any(data.get(name) for name in fields)
