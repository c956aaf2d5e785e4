"""A document kind's input schema as a web form, and the posted form back as input data.

Field names are dotted paths (``tim.pokja.0.anggota.1.nip``); a repeated group's rows are
numbered in the order they arrive, so moving a row in the page reorders the list. A list
row's template carries the placeholder ``__<depth>__`` that the page's script replaces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from zi_docs.documents import read_staff_rows
from zi_docs.errors import ZiError
from zi_docs.schema import (
    Boolean,
    Choice,
    Custom,
    Date,
    Field,
    Integer,
    Kind,
    ListOf,
    Number,
    Record,
)
from zi_docs.workspace import Workspace
from zi_docs.yamlio import dump_yaml, parse_yaml


@dataclass
class Widget:
    """One form element: a single input, a group, or a repeated group."""

    name: str
    """The dotted path, the form field's ``name``."""
    label: str
    kind: str
    """``text``, ``area`` (YAML or long text), ``number``, ``integer``, ``date``, ``choice``,
    ``bool``, ``group`` or ``list``."""
    required: bool = False
    help: str = ""
    value: Any = None
    options: tuple[str, ...] = ()
    children: list[Widget] = field(default_factory=list)
    rows: list[Widget] = field(default_factory=list)
    """For a list: one group widget per existing row."""
    template: Widget | None = None
    """For a list: an empty row with the depth placeholder in its names."""
    depth: int = 0
    errors: list[str] = field(default_factory=list)
    picker: str = ""
    """The ``id`` of the page's datalist this input picks from (``pilihan-indikator``,
    ``pilihan-pegawai``), or empty."""
    person: bool = False
    """A group of a person (``nama`` with ``nip``/``jabatan``/``pangkat``): picking a name
    fills the empty siblings."""


INDICATOR_PICKER = "pilihan-indikator"
PEOPLE_PICKER = "pilihan-pegawai"
PERSON_FIELDS = ("nip", "jabatan", "pangkat", "golongan")
STAFF_FILES = ("daftar-pegawai.csv", "daftar-pegawai.xlsx")


@dataclass(frozen=True)
class Pickers:
    """What a document form's inputs pick from: the catalogue's indicators and the staff."""

    indicators: tuple[tuple[str, str], ...] = ()
    """``(id, "alias — name")`` of every question of the catalogue."""
    people: tuple[Mapping[str, str], ...] = ()
    """Rows of the unit's staff list: ``nama``, ``nip``, ``jabatan``, ``pangkat``."""


def pickers(workspace: Workspace) -> Pickers:
    """The indicator and staff lists of ``workspace``; a list that cannot be read is empty
    (the form still works by typing, and the CLI's check names the problem)."""
    indicators: list[tuple[str, str]] = []
    try:
        catalogue = workspace.catalogue
        for node in catalogue.questions():
            indicators.append((catalogue.short_alias(node), node.name))
    except ZiError:
        indicators = []
    people: list[Mapping[str, str]] = []
    seen: set[str] = set()
    for name in STAFF_FILES:
        file = workspace.inputs_dir / name
        try:
            rows = read_staff_rows(file) if file.is_file() else []
        except (OSError, ValueError):
            continue
        for _line, row in rows:
            nama = str(row.get("nama") or "").strip()
            if nama and nama not in seen:
                seen.add(nama)
                people.append(
                    {"nama": nama} | {k: str(row.get(k) or "").strip() for k in PERSON_FIELDS}
                )
    return Pickers(tuple(indicators), tuple(people))


def _is_indicator(kind: Kind) -> bool:
    return isinstance(kind, Custom) and "indikator" in kind.describe.lower()


def _is_person(kind: Record) -> bool:
    names = {spec.name for spec in kind.fields}
    return "nama" in names and bool(names & set(PERSON_FIELDS))


ABBREVIATIONS = {"nip": "NIP", "nik": "NIK", "npwp": "NPWP", "url": "URL", "lke": "LKE"}


def _label(name: str) -> str:
    words = name.replace("_", " ").split()
    shown = [ABBREVIATIONS.get(w.lower(), w) for w in words]
    if shown and shown[0] == words[0]:
        shown[0] = shown[0].capitalize()
    return " ".join(shown)


def widgets(
    schema: Record, data: Mapping[str, Any] | None, errors: Mapping[str, list[str]]
) -> list[Widget]:
    """The form of ``schema`` filled with ``data`` and the messages per field path."""
    return [
        _widget(spec, (data or {}).get(spec.name), spec.name, 0, errors) for spec in schema.fields
    ]


def _widget(
    spec: Field, value: Any, name: str, depth: int, errors: Mapping[str, list[str]]
) -> Widget:
    made = _for_kind(spec.kind, value, name, depth, errors)
    made.label = "Indikator LKE" if made.picker == INDICATOR_PICKER else _label(spec.name)
    made.required = spec.required
    made.help = spec.help
    return made


def _for_kind(
    kind: Kind, value: Any, name: str, depth: int, errors: Mapping[str, list[str]]
) -> Widget:
    found = list(errors.get(name, ()))
    if isinstance(kind, Record):
        children = [
            _widget(
                spec,
                value.get(spec.name) if isinstance(value, Mapping) else None,
                f"{name}.{spec.name}",
                depth,
                errors,
            )
            for spec in kind.fields
        ]
        made = Widget(name, "", "group", children=children, errors=found, depth=depth)
        if _is_person(kind):
            made.person = True
            for child in children:
                if child.name.endswith(".nama") and child.kind == "text":
                    child.picker = PEOPLE_PICKER
        return made
    if isinstance(kind, ListOf):
        items = value if isinstance(value, list) else []
        rows = [
            _for_kind(kind.item, item, f"{name}.{index}", depth + 1, errors)
            for index, item in enumerate(items)
        ]
        template = _for_kind(kind.item, None, f"{name}.__{depth}__", depth + 1, {})
        return Widget(name, "", "list", rows=rows, template=template, errors=found, depth=depth)
    simple = _simple(kind, value)
    made = Widget(
        name, "", simple[0], value=simple[1], options=simple[2], errors=found, depth=depth
    )
    if _is_indicator(kind) and made.kind == "text":
        made.picker = INDICATOR_PICKER
        made.label = "Indikator LKE"
    return made


def _simple(kind: Kind, value: Any) -> tuple[str, Any, tuple[str, ...]]:
    if isinstance(kind, Choice):
        return "choice", "" if value is None else str(value), tuple(kind.options)
    if isinstance(kind, Boolean):
        return "bool", bool(value), ()
    if isinstance(kind, Date):
        return "date", value.isoformat() if isinstance(value, dt.date) else (value or ""), ()
    if isinstance(kind, Integer):
        return "integer", "" if value is None else value, ()
    if isinstance(kind, Number):
        return "number", "" if value is None else value, ()
    if isinstance(kind, Custom) and isinstance(value, (dict, list)):
        return "area", dump_yaml(value).strip(), ()
    if isinstance(value, str) and ("\n" in value or len(value) > 120):
        return "area", value, ()
    return "text", "" if value is None else str(value), ()


def errors_by_field(findings: Iterable[Any]) -> dict[str, list[str]]:
    """Messages keyed by dotted form path (``anggota[2].nip`` -> ``anggota.2.nip``)."""
    found: dict[str, list[str]] = {}
    for finding in findings:
        where = (finding.field or "").replace("[", ".").replace("]", "")
        found.setdefault(where, []).append(finding.message)
    return found


def error_summary(errors: Mapping[str, list[str]]) -> list[dict[str, str]]:
    """One line per field with a message, for the top of the form: where (``Tim › Ketua ›
    NIP``), the anchor of its input, and the first message."""
    lines = []
    for where, found in errors.items():
        if not where or not found:
            continue
        parts = [p for p in where.split(".") if not p.isdigit()]
        rows = [str(int(p) + 1) for p in where.split(".") if p.isdigit()]
        label = " › ".join(_label(p) for p in parts)
        if rows:
            label += f" (baris {', '.join(rows)})"
        lines.append({"letak": label, "anchor": f"f-{where}", "pesan": found[0]})
    return lines


def posted_data(schema: Record, post: Any) -> dict[str, Any]:
    """The input data of a posted form (blank fields left out, rows in posted order)."""
    tree: dict[str, Any] = {}
    for key in post:
        if key in ("csrfmiddlewaretoken", "aksi", "pdf", "arsipkan") or "__" in key:
            continue
        values = post.getlist(key)
        value = values[-1] if values else ""
        node = tree
        parts = key.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    cleaned = _convert(schema, tree)
    return cleaned if isinstance(cleaned, dict) else {}


def _convert(kind: Kind, raw: Any) -> Any:
    if isinstance(kind, Record):
        if not isinstance(raw, dict):
            return None
        out = {}
        for spec in kind.fields:
            value = _convert(spec.kind, raw.get(spec.name))
            if value not in (None, "", [], {}):
                out[spec.name] = value
        return out or None
    if isinstance(kind, ListOf):
        if not isinstance(raw, dict):
            return None
        items = [_convert(kind.item, raw[k]) for k in raw]  # insertion order = posted order
        kept = [item for item in items if item not in (None, "", {}, [])]
        return kept or None
    if isinstance(kind, Boolean):
        return raw in ("1", "on", "ya")
    if raw is None:
        return None
    text = str(raw).strip()
    if not text:
        return None
    if isinstance(kind, Integer):
        return int(text) if text.lstrip("-").isdigit() else text
    if isinstance(kind, Number):
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return text
    if isinstance(kind, Date):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    if isinstance(kind, Custom) and "\n" in text:
        parsed = parse_yaml(text, "isian").data
        return parsed
    return text
