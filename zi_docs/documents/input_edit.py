"""Inputs edited outside a text editor (the web app's forms): check a whole input given as
data, and write it back into ``inputs/`` keeping a hand-edited file's comments and order."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from zi_docs.documents.inputs import KIND_KEY, validate_input
from zi_docs.documents.registry import get_kind
from zi_docs.errors import ZiError
from zi_docs.workspace import Workspace
from zi_docs.yamledit import dump_roundtrip, editing, load_roundtrip, replace_value, write_atomic
from zi_docs.yamlio import YamlDoc

NAME_RULE = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")


def input_path(workspace: Workspace, name: str) -> Path:
    """``inputs/NAME.yaml``; the name is a short slug, never a path."""
    if not NAME_RULE.match(name):
        raise ZiError(
            f"nama isian '{name}' tidak sah",
            hint="pakai huruf kecil, angka, dan tanda minus, mis. sk-tim-2027",
        )
    return workspace.inputs_dir / f"{name}.yaml"


def check_input_data(workspace: Workspace, kind: str, data: dict[str, Any], name: str) -> Any:
    """The cleaned input, or :class:`InvalidInputError` with every problem (the CLI's
    messages; each finding's ``field`` is the dotted path of the form field)."""
    found = get_kind(kind)
    path = input_path(workspace, name)
    doc = YamlDoc(data, workspace.display(path), {})
    return validate_input(
        doc,
        found.name,
        found.schema,
        catalogue=workspace.catalogue,
        workspace=workspace,
        base_dir=path.parent,
    )


def save_input(workspace: Workspace, kind: str, data: dict[str, Any], name: str) -> Path:
    """Check ``data`` as an input of ``kind``, then write ``inputs/NAME.yaml`` atomically.

    Keys of an existing file keep their place and comments; keys no longer given go.
    """
    check_input_data(workspace, kind, data, name)
    path = input_path(workspace, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with editing(path):
        doc = load_roundtrip(path, workspace.display(path))
        wanted = {KIND_KEY: kind, **data}
        for key in [k for k in doc if k not in wanted]:
            del doc[key]
        for key, value in wanted.items():
            replace_value(doc, key, value)
        write_atomic(path, dump_roundtrip(doc))
    return path
