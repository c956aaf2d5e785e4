"""Inputs edited outside a text editor (the web app's forms): check a whole input given as
data, and write it back into ``inputs/`` keeping a hand-edited file's comments and order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zi_docs.documents.inputs import KIND_KEY, kind_of_input, validate_input
from zi_docs.documents.registry import all_kinds, get_kind
from zi_docs.errors import WorkspaceError, ZiError
from zi_docs.workspace import Workspace
from zi_docs.yamledit import dump_roundtrip, editing, load_roundtrip, replace_value, write_atomic
from zi_docs.yamlio import YamlDoc, load_yaml

NAME_RULE = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")


def input_path(workspace: Workspace, name: str) -> Path:
    """``inputs/NAME.yaml``; the name is a short slug, never a path."""
    if not NAME_RULE.match(name):
        raise ZiError(
            f"nama isian '{name}' tidak sah",
            hint="pakai huruf kecil, angka, dan tanda minus, mis. sk-tim-2027",
        )
    return workspace.inputs_dir / f"{name}.yaml"


@dataclass(frozen=True)
class DocumentInput:
    """One document input in ``inputs/``: its name (the file's stem) and its kind."""

    name: str
    kind: str
    title: str
    """The kind's title and the input's name, e.g. ``SK Tim Kerja ZI (sk-tim-2027)``."""


def document_inputs(workspace: Workspace) -> list[DocumentInput]:
    """The inputs that ``generate --semua`` would make documents from, the way it finds their
    kind (``jenis:``, else the file name); other YAML files there (a survey's column
    definitions, notes) are left out, as are files that cannot be read."""
    kinds = all_kinds()
    found = []
    for path in sorted(workspace.inputs_dir.glob("*.yaml")):
        if not NAME_RULE.match(path.stem):
            continue
        try:
            data = load_yaml(path, display=workspace.display(path)).data
        except ZiError:
            continue
        kind = kind_of_input(path, data)
        if kind in kinds:
            found.append(DocumentInput(path.stem, kind, f"{kinds[kind].title} ({path.stem})"))
    return found


def input_for_kind(workspace: Workspace, kind: str, name: str) -> Path:
    """``inputs/NAME.yaml`` for a form of ``kind``: refused when the file exists and is not an
    input of that kind, so a form never overwrites another file (``skm-definisi.yaml``)."""
    path = input_path(workspace, name)
    if not path.is_file():
        return path
    shown = workspace.display(path)
    try:
        data = load_yaml(path, display=shown).data
    except ZiError:
        data = None
    named = kind_of_input(path, data)
    if named != kind:
        what = (
            f"adalah isian jenis '{named}', bukan '{kind}'"
            if named
            else f"bukan isian dokumen (tidak ada baris '{KIND_KEY}:' dan namanya tidak "
            "diawali nama jenis dokumen)"
        )
        raise WorkspaceError(
            f"{shown} {what}; formulir tidak dibuka agar berkas itu tidak tertimpa",
            hint="pilih isian dari daftar di halaman Dokumen, atau buat isian baru dengan "
            "nama lain",
        )
    return path


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
    path = input_for_kind(workspace, kind, name)
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
