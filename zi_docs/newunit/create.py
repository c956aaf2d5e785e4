"""``zi-docs init``: a blank workspace for a real unit, or the fictitious example unit."""

from __future__ import annotations

import json
import shutil
import string
from dataclasses import dataclass
from pathlib import Path

from zi_docs.atomic import copy_atomic, write_text_atomic
from zi_docs.catalogue import load_catalogue
from zi_docs.errors import WorkspaceError
from zi_docs.newunit.answers_sheet import blank_answers
from zi_docs.newunit.profile import UnitDetails, checked
from zi_docs.newunit.unit_file import unit_yaml
from zi_docs.outputs import output_folder
from zi_docs.resources import SKELETONS, resource
from zi_docs.workspace import ANSWERS_FILE, EXAMPLE_DIR, FOLDERS, UNIT_FILE, Workspace
from zi_docs.yamlio import read_yaml_shared

SKELETON_DIR = resource(SKELETONS)
"""Skeleton inputs: ``${name}`` is replaced by a profile value (always inside double quotes
when it is text, so any value stays valid YAML)."""

DEFAULT_CATALOGUE = "permenpanrb-90-2021"


@dataclass(frozen=True)
class InitResult:
    """What ``init`` created."""

    workspace: Workspace
    created: tuple[Path, ...]
    notes: tuple[str, ...] = ()
    """Sentences for the user about what was carried over or left out (``--dari``)."""


def prepare_root(root: Path) -> Path:
    """The resolved ``root``, created; refuse a folder that already holds a workspace."""
    root = root.expanduser().resolve()
    if (root / UNIT_FILE).exists():
        raise WorkspaceError(
            f"{root} sudah berisi ruang kerja ({UNIT_FILE} ada); tidak ada yang ditimpa",
            hint="pilih folder lain atau hapus ruang kerja lama secara manual",
        )
    if root.exists() and any(p.name in (ANSWERS_FILE, *FOLDERS) for p in root.iterdir()):
        raise WorkspaceError(
            f"{root} sudah berisi berkas ruang kerja (lke.yaml atau folder inputs/archive/out); "
            "tidak ada yang ditimpa",
            hint="pilih folder kosong",
        )
    output_folder(root)
    return root


def make_folders(root: Path) -> list[Path]:
    made = []
    for name in FOLDERS:
        (root / name).mkdir(exist_ok=True)
        made.append(root / name)
    return made


def skeleton_values(d: UnitDetails) -> dict[str, str]:
    """What the skeleton inputs may name, JSON-escaped for a double-quoted YAML scalar."""
    raw = {
        "unit": d.unit,
        "unit_display": f"{d.unit} ({d.short_name})" if d.singkatan else d.unit,
        "singkatan": d.short_name,
        "instansi": d.instansi,
        "kota": d.kota,
        "pimpinan": d.pimpinan,
        "nip": d.nip,
        "jabatan": d.jabatan,
        "tahun": str(d.tahun),
        "target_name": "Wilayah Birokrasi Bersih dan Melayani"
        if d.target == "WBBM"
        else "Wilayah Bebas dari Korupsi",
    }
    return {k: json.dumps(v, ensure_ascii=False)[1:-1] for k, v in raw.items()}


def fill_skeleton(text: str, values: dict[str, str]) -> str:
    return string.Template(text).substitute(values)


def create_blank(root: Path, details: UnitDetails) -> InitResult:
    """A new workspace for the unit in ``details``: its profile, a blank ``lke.yaml`` (every
    question, no answer) and skeleton inputs filled from the profile."""
    details = checked(details)
    root = prepare_root(root)
    created: list[Path] = []
    write_text_atomic(root / UNIT_FILE, unit_yaml(details))
    created.append(root / UNIT_FILE)
    catalogue = load_catalogue(DEFAULT_CATALOGUE, base=root)
    write_text_atomic(
        root / ANSWERS_FILE, blank_answers(catalogue, unit=details.unit, year=details.tahun)
    )
    created.append(root / ANSWERS_FILE)
    created.extend(make_folders(root))
    values = skeleton_values(details)
    for source in sorted(SKELETON_DIR.iterdir()):
        if source.is_file():
            target = root / "inputs" / source.name
            write_text_atomic(target, fill_skeleton(source.read_text(encoding="utf-8"), values))
            created.append(target)
    return InitResult(workspace=Workspace(root), created=tuple(created))


def create_example(
    root: Path,
    *,
    year: int | None = None,
    unit_name: str | None = None,
    instansi: str | None = None,
) -> InitResult:
    """A workspace holding the fictitious example unit (DPMPTSP Kabupaten Sukamaju), as the
    demo and the tests use it."""
    root = prepare_root(root)
    created: list[Path] = []
    text = (EXAMPLE_DIR / UNIT_FILE).read_text(encoding="utf-8")
    example_year = read_yaml_shared(EXAMPLE_DIR / UNIT_FILE).data["tahun"]
    if year is not None:
        text = text.replace(f"tahun: {example_year}", f"tahun: {year}")
    if unit_name:
        text = _replace_value(text, "  nama: ", unit_name, first_after="unit:")
    if instansi:
        text = _replace_value(text, "instansi: ", instansi)
    write_text_atomic(root / UNIT_FILE, text)
    created.append(root / UNIT_FILE)
    copy_atomic(EXAMPLE_DIR / ANSWERS_FILE, root / ANSWERS_FILE)
    created.append(root / ANSWERS_FILE)
    created.extend(make_folders(root))
    for source in sorted((EXAMPLE_DIR / "inputs").glob("*")):
        if source.is_file():
            shutil.copyfile(source, root / "inputs" / source.name)
            created.append(root / "inputs" / source.name)
    example_layers = EXAMPLE_DIR / "lapis"  # the example evaluator layer (lapis/tpi-unit.yaml)
    if example_layers.is_dir():
        (root / "lapis").mkdir(exist_ok=True)
        for source in sorted(example_layers.glob("*.yaml")):
            shutil.copyfile(source, root / "lapis" / source.name)
            created.append(root / "lapis" / source.name)
    for extra in ("logo.png",):
        if (EXAMPLE_DIR / extra).is_file():
            shutil.copyfile(EXAMPLE_DIR / extra, root / extra)
            created.append(root / extra)
    return InitResult(workspace=Workspace(root), created=tuple(created))


def _replace_value(text: str, prefix: str, value: str, first_after: str | None = None) -> str:
    lines = text.splitlines(keepends=True)
    armed = first_after is None
    quoted = json.dumps(value, ensure_ascii=False)
    for i, line in enumerate(lines):
        if not armed and line.startswith(first_after or ""):
            armed = True
            continue
        if armed and line.startswith(prefix):
            comment = line[line.index(" #") :] if " #" in line else "\n"
            lines[i] = prefix + quoted + (comment if comment.endswith("\n") else comment + "\n")
            break
    return "".join(lines)
