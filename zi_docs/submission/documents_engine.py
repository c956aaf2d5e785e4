"""The submission flow's two uses of the documents package: the ``generate`` command that
makes a missing checklist item, and rendering a built-in template (``check --docx``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from zi_docs.catalogue import ChecklistItem
from zi_docs.workspace import PageSetup


def generator_hint(item: ChecklistItem) -> str | None:
    """``zi-docs generate KIND inputs/FILE`` for a checklist item that zi-docs can produce."""
    if not item.generator:
        return None
    example = f"{item.generator}.yaml"
    try:
        from zi_docs.documents.registry import all_kinds

        kind = all_kinds().get(item.generator)
        if kind is not None and kind.example_input:
            example = kind.example_input
    except ImportError:  # pragma: no cover - the registry ships with the package
        pass
    return f"zi-docs generate {item.generator} inputs/{example}"


def render_docx(
    template_name: str,
    build: Callable[[Callable[[Path], object]], Mapping[str, Any]],
    dest: Path,
    page: PageSetup | None = None,
) -> Path:
    """Render a built-in template through the documents engine. ``build`` receives a function
    that turns a PNG path into an inline image (150 mm wide) and returns the context."""
    from zi_docs.documents.registry import builtin_template
    from zi_docs.documents.render import PreparedTemplate

    prepared = PreparedTemplate(builtin_template(template_name), page=page)
    context = build(lambda png: prepared.media.image(png, width_mm=150))
    return prepared.render_to(context, dest)
