"""Reports of other packages (``check --docx``, ``rekap --docx``) through the template engine.

Clients outside :mod:`zi_docs.documents` hand a built-in template name and a context builder;
they never see docxtpl or python-docx.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from zi_docs.documents.registry import builtin_template
from zi_docs.documents.render import PreparedTemplate
from zi_docs.workspace import PageSetup

IMAGE_WIDTH_MM = 150.0
"""Width of a chart placed by :func:`render_builtin`."""


def render_builtin(
    template_name: str,
    build: Callable[[Callable[[Path | bytes], object]], Mapping[str, Any]],
    dest: Path,
    page: PageSetup | None = None,
) -> Path:
    """Render the built-in template ``template_name`` to ``dest`` (atomically) and return it.

    ``build`` receives a function turning a PNG (path or bytes) into an inline image
    (:data:`IMAGE_WIDTH_MM` wide) and returns the template's context.
    """
    prepared = PreparedTemplate(builtin_template(template_name), page=page)
    context = build(lambda png: prepared.media.image(png, width_mm=IMAGE_WIDTH_MM))
    return prepared.render_to(context, dest)
