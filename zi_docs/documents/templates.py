"""``templates list/show/check``: what templates exist, what they need, and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zi_docs.documents.inputs import KIND_KEY, validate_input
from zi_docs.documents.kind import DocumentKind
from zi_docs.documents.registry import all_kinds, get_kind, served_by, template_path
from zi_docs.documents.template_check import TemplateReport, check_template
from zi_docs.errors import NotFoundError
from zi_docs.findings import Finding
from zi_docs.refs import IndicatorRef
from zi_docs.schema import Kind, ListOf, Record
from zi_docs.workspace import EXAMPLE_DIR, Workspace
from zi_docs.yamlio import dump_yaml, load_yaml


@dataclass(frozen=True)
class TemplateEntry:
    """One document kind and the template it uses."""

    kind: str
    title: str
    template: Path
    own: bool
    """True when the workspace's ``templates/`` overrides the built-in template."""
    served: tuple[IndicatorRef, ...]


@dataclass(frozen=True)
class FieldInfo:
    """One input field as ``templates show`` lists it."""

    path: str
    """``tim.pokja[].anggota[].nip``"""
    describe: str
    required: bool
    help: str


@dataclass(frozen=True)
class KindDescription:
    """What an input of a kind looks like."""

    kind: str
    title: str
    template: str
    fields: tuple[FieldInfo, ...]
    example: str
    """An example input (the bundled example when there is one)."""


def list_templates(workspace: Workspace) -> list[TemplateEntry]:
    entries = []
    for kind in all_kinds().values():
        try:
            path = template_path(kind, workspace)
        except NotFoundError:
            path = workspace.templates_dir / kind.template
        entries.append(
            TemplateEntry(
                kind.name,
                kind.title,
                path,
                path.parent == workspace.templates_dir,
                served_by(kind, workspace.catalogue),
            )
        )
    return entries


def _fields(kind: Kind, prefix: str) -> list[FieldInfo]:
    rows: list[FieldInfo] = []
    if isinstance(kind, Record):
        for field in kind.fields:
            path = f"{prefix}.{field.name}" if prefix else field.name
            rows.append(FieldInfo(path, field.kind.describe, field.required, field.help))
            rows.extend(_fields(field.kind, path))
    elif isinstance(kind, ListOf):
        rows.extend(_fields(kind.item, prefix + "[]"))
    return rows


def example_input_path(kind: DocumentKind) -> Path | None:
    path = EXAMPLE_DIR / "inputs" / kind.example_input if kind.example_input else None
    return path if path is not None and path.is_file() else None


def describe_kind(name: str) -> KindDescription:
    kind = get_kind(name)
    example_path = example_input_path(kind)
    if example_path is not None:
        example = example_path.read_text(encoding="utf-8")
    else:
        example = dump_yaml({KIND_KEY: kind.name, **kind.schema.example()})
    return KindDescription(
        kind.name, kind.title, kind.template, tuple(_fields(kind.schema, "")), example
    )


class _NoMedia:
    def image(
        self, source: Path | bytes, *, width_mm: float | None = None, height_mm: float | None = None
    ) -> object:
        return "[gambar]"


def example_context(kind: DocumentKind, workspace: Workspace) -> dict[str, Any] | None:
    """The context of the kind's bundled example input, for checking variables."""
    path = example_input_path(kind)
    if path is None:
        return None
    cleaned = validate_input(
        load_yaml(path),
        kind.name,
        kind.schema,
        catalogue=workspace.catalogue,
        workspace=workspace,
        base_dir=path.parent,
    )
    return kind.build_context(cleaned, workspace, _NoMedia())


def check_templates(
    workspace: Workspace, target: str | None = None, kind_name: str | None = None
) -> list[TemplateReport]:
    """Check one template (a file, or a kind's template) or, with no target, every template
    the workspace uses. The kind (for variable checks) comes from ``kind_name``, the file name
    (``sk-tim.docx``) or the target itself when it names a kind."""
    kinds = all_kinds()
    jobs: list[tuple[Path, DocumentKind | None]] = []
    missing: list[TemplateReport] = []
    if target is None:
        for each in kinds.values():
            try:
                jobs.append((template_path(each, workspace), each))
            except NotFoundError as exc:
                problem = Finding(message=exc.message, file=each.template, code="templat-tidak-ada")
                missing.append(TemplateReport(each.template, (problem,)))
    elif Path(target).suffix.lower() == ".docx" or Path(target).exists():
        path = Path(target).expanduser()
        if not path.is_file():
            raise NotFoundError(
                f"berkas templat {target} tidak ditemukan",
                hint="periksa nama dan folder berkasnya, atau sebutkan nama jenisnya "
                "(daftar jenis: zi-docs templates list)",
            )
        by_file = {k.template: k for k in kinds.values()}
        jobs = [(path, get_kind(kind_name) if kind_name else by_file.get(path.name))]
    else:
        named = get_kind(target)
        jobs = [(template_path(named, workspace), named)]
    reports = list(missing)
    for path, kind in jobs:
        context = example_context(kind, workspace) if kind is not None else None
        reports.append(check_template(path, context=context, display=workspace.display(path)))
    return reports
