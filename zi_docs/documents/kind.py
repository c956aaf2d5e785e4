"""What a document kind is: its input schema, template, context builder and the evidence it is.

Each kind lives in its own module under ``zi_docs/documents/kinds/`` and exposes ``KIND``.

Validation: the engine drops the top-level ``jenis`` key, then validates the input against
``schema`` with these ``Context.extra`` entries for custom checks: ``catalogue`` (the
workspace's LKE catalogue), ``workspace`` and ``base_dir`` (the input file's folder, for files
an input refers to). ``build_context`` gets the cleaned data; ``zi_docs.documents.common``
gives the shared unit/pimpinan context. What a kind serves comes from the catalogue's
checklist items whose ``generator`` equals the kind's name, plus ``serves``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from zi_docs.refs import IndicatorRef
from zi_docs.schema import Record
from zi_docs.workspace import Workspace


class Media(Protocol):
    """Made by the render engine; lets a context builder place images without docxtpl."""

    def image(
        self, source: Path | bytes, *, width_mm: float | None = None, height_mm: float | None = None
    ) -> object:
        """An inline image for the template (PNG/JPEG file or bytes)."""
        ...


@dataclass(frozen=True)
class DocumentKind:
    """A kind of generated document."""

    name: str
    """Command-line name, e.g. ``sk-tim``."""
    title: str
    """Indonesian title, e.g. ``SK Tim Kerja Pembangunan Zona Integritas``."""
    template: str
    """Template file name in ``templates/`` (built-in) or the workspace ``templates/``."""
    schema: Record
    """Schema of the YAML input (validated before rendering)."""
    build_context: Callable[[dict[str, Any], Workspace, Media], dict[str, Any]]
    """Cleaned input + workspace + media -> the template's context."""
    serves: Sequence[IndicatorRef] = ()
    example_input: str = ""
    """File name of the example input in ``inputs/`` of the example workspace."""
    output_name: Callable[[dict[str, Any]], str] | None = None
    """Base name of the output file (without extension) for a given input; by default the
    input file's name."""
    split: Callable[[dict[str, Any]], list[tuple[str, dict[str, Any]]]] | None = None
    """For batch kinds (Pakta Integritas): context -> one ``(name suffix, context)`` per
    separate file, used when the user asks for one file per person. ``None``: always one file."""
    conditions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Checklist item key -> input fields of which one must be filled for a document to serve
    that item (an SOP is "SOP hasil perbaikan" only when its input says it revises one)."""
