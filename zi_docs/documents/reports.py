"""Reports of other packages (``check --docx``, ``rekap --docx``) through the template engine.

Clients outside :mod:`zi_docs.documents` hand a built-in template name and a context builder;
they never see docxtpl or python-docx.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from zi_docs.documents.common import unit_context
from zi_docs.documents.registry import builtin_template
from zi_docs.documents.render import PreparedTemplate
from zi_docs.workspace import PageSetup, Workspace

IMAGE_WIDTH_MM = 150.0
"""Width of a chart placed by :func:`render_builtin`."""


def render_builtin(
    template_name: str,
    build: Callable[[Callable[[Path | bytes], object]], Mapping[str, Any]],
    dest: Path,
    page: PageSetup | None = None,
    kop: Workspace | None = None,
) -> Path:
    """Render the built-in template ``template_name`` to ``dest`` (atomically) and return it.

    ``build`` receives a function turning a PNG (path or bytes) into an inline image
    (:data:`IMAGE_WIDTH_MM` wide) and returns the template's context. ``kop``: a workspace
    whose profile heads the report (the context also gets ``unit``, ``pimpinan`` and ``ttd``
    of :func:`zi_docs.documents.common.unit_context`; ``build``'s own keys win).
    """
    prepared = PreparedTemplate(builtin_template(template_name), page=page)
    context = build(lambda png: prepared.media.image(png, width_mm=IMAGE_WIDTH_MM))
    if kop is not None:
        context = {**unit_context(kop, prepared.media), **context}
    return prepared.render_to(context, dest)
