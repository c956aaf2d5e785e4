"""The submission flow's hint to the documents package: the ``generate`` command that makes a
missing checklist item. (``check --docx`` renders through ``documents.render_builtin``.)"""

from __future__ import annotations

from zi_docs.catalogue import ChecklistItem


def generator_hint(item: ChecklistItem) -> str | None:
    """``zi-docs generate KIND inputs/FILE`` for a checklist item that zi-docs can produce."""
    if not item.generator:
        return None
    example = f"{item.generator}.yaml"
    try:
        from zi_docs.documents import all_kinds

        kind = all_kinds().get(item.generator)
        if kind is not None and kind.example_input:
            example = kind.example_input
    except ImportError:  # pragma: no cover - the registry ships with the package
        pass
    return f"zi-docs generate {item.generator} inputs/{example}"
