"""What the workbook zi-docs writes needs from the evaluation side: the evaluator column
groups (the workspace's layers, else the defaults in ``data/lapis-evaluasi.yaml``) and the
fingerprint that ties a returned workbook to the answers (and evidence) it was made from."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache

from zi_docs.evaluation.layers import layer_names
from zi_docs.resources import LAYERS, resource
from zi_docs.workspace import Workspace
from zi_docs.yamlio import load_yaml

DEFAULTS = resource(LAYERS)


@cache
def default_layers() -> tuple[tuple[str, str], ...]:
    """(name, title) of the default evaluator layers."""
    data = load_yaml(DEFAULTS).data or {}
    return tuple((str(e["nama"]), str(e["judul"])) for e in data.get("lapis") or [])


def group_title(name: str) -> str:
    """``tpi-unit`` -> ``TPI Unit Kerja / Kanwil (tpi-unit)``; the name is what
    ``lke impor --lapis`` finds the group by."""
    titles = dict(default_layers())
    return f"{titles[name]} ({name})" if name in titles else f"Lapis {name} ({name})"


def evaluator_groups(workspace: Workspace, *, without: str | None = None) -> list[str]:
    """The default layers, then the workspace's other layers (``without``: the layer being
    written in the filled group)."""
    names = [n for n, _ in default_layers()]
    names += [n for n in layer_names(workspace) if n not in names]
    return [group_title(n) for n in names if n != without]


def fingerprint(label: str, parts: Iterable[bytes]) -> str:
    """``Sidik LABEL: sha256:<hex>`` over ``parts`` (each length-prefixed)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return f"Sidik {label}: sha256:{digest.hexdigest()}"


def answers_fingerprint(workspace: Workspace, answers_file: str) -> str:
    """The fingerprint of an answers file of the workspace (``lke.yaml`` or a layer)."""
    path = workspace.root / answers_file
    data = path.read_bytes() if path.is_file() else b""
    return fingerprint("jawaban", [workspace.catalogue.id.encode(), data])
