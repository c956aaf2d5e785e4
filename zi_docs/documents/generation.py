"""``generate``: YAML input -> validated data -> context -> template check -> .docx (-> PDF)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from zi_docs.documents import handedits
from zi_docs.documents.docprops import DocumentInfo, own_date
from zi_docs.documents.inputs import KIND_KEY, kind_of_input, validate_input, with_extras
from zi_docs.documents.kind import DocumentKind
from zi_docs.documents.pdf import convert_to_pdf
from zi_docs.documents.registry import get_kind, served_by, template_path
from zi_docs.documents.render import PreparedTemplate
from zi_docs.documents.template_check import check_template
from zi_docs.errors import InvalidInputError, ToolMissingError, WorkspaceError, ZiError
from zi_docs.findings import Finding, Severity, errors
from zi_docs.refs import IndicatorRef
from zi_docs.workspace import Workspace
from zi_docs.yamlio import YamlDoc, load_yaml

log = logging.getLogger(__name__)

OUTPUT_FOLDER = "dokumen"


@dataclass(frozen=True)
class GenerateResult:
    """The documents made from one input."""

    kind: str
    input: Path
    documents: tuple[Path, ...]
    """The ``.docx`` files written (one, or one per person for a split batch)."""
    pdfs: tuple[Path, ...] = ()
    served: tuple[IndicatorRef, ...] = ()
    backups: tuple[Path, ...] = ()
    """Dated copies of documents changed by hand that ``overwrite`` replaced."""


@dataclass(frozen=True)
class GenerateAllResult:
    """``generate --semua``: what was made, what failed and what was skipped."""

    results: tuple[GenerateResult, ...]
    failures: tuple[tuple[Path, ZiError], ...]
    skipped: tuple[Finding, ...]
    pdf_error: ToolMissingError | None = None


def _load(
    workspace: Workspace, kind: DocumentKind, input_path: Path, doc: YamlDoc | None = None
) -> dict[str, Any]:
    """The validated data of ``input_path`` (already parsed as ``doc`` when given)."""
    if doc is None:
        doc = load_yaml(input_path, display=workspace.display(input_path))
    return validate_input(
        doc,
        kind.name,
        kind.schema,
        catalogue=workspace.catalogue,
        workspace=workspace,
        base_dir=input_path.parent,
    )


def _output_base(kind: DocumentKind, data: dict[str, Any], input_path: Path) -> str:
    return kind.output_name(data) if kind.output_name else input_path.stem


def _target(out: Path | None, workspace: Workspace, base: str) -> Path:
    if out is None:
        return workspace.out_dir / OUTPUT_FOLDER / f"{base}.docx"
    if out.suffix.lower() == ".docx":
        return out
    return out / f"{base}.docx"


def _refuse_overwrite(
    workspace: Workspace, targets: list[Path], *, explicit: bool, overwrite: bool
) -> None:
    """Never write into the archive; never replace a file named with ``-o`` unless asked
    (``overwrite``, which also lets :func:`handedits.guard` back up hand-edited documents)."""
    archive = workspace.archive_dir.resolve()
    for dest in targets:
        if dest.resolve().is_relative_to(archive):
            raise WorkspaceError(
                f"{workspace.display(dest)} berada di folder arsip; dokumen tidak ditulis ke sana",
                hint="pilih folder keluaran lain; simpan ke arsip dengan --arsipkan",
            )
    existing = [dest for dest in targets if dest.exists()] if explicit and not overwrite else []
    if existing:
        shown = ", ".join(workspace.display(p) for p in existing[:5])
        raise WorkspaceError(
            f"berkas keluaran sudah ada: {shown}; tidak ada yang ditimpa",
            hint="tambahkan --timpa untuk menggantinya (berkas yang diubah tangan disalin dulu ke "
            "cadangan bertanggal di sebelahnya), atau pilih nama lain dengan -o",
        )


def _named_kind(input_path: Path, doc: YamlDoc) -> str:
    """The kind an input names itself (``jenis:`` or its file name), for ``generate INPUT``."""
    name = kind_of_input(input_path, doc.data)
    if name is None:
        raise InvalidInputError(
            f"{doc.file} tidak menyebut jenis dokumennya",
            [doc.finding((), f"tidak ada baris '{KIND_KEY}:'", code="jenis-tidak-ada")],
            hint=f"tambahkan baris '{KIND_KEY}: JENIS' di awal berkas, atau sebutkan jenisnya: "
            f"zi-docs generate JENIS {doc.file} (daftar jenis: zi-docs templates list)",
        )
    return name


def render_documents(
    workspace: Workspace,
    kind_name: str | None,
    input_path: Path,
    out: Path | None = None,
    separate: bool = False,
    doc: YamlDoc | None = None,
    overwrite: bool = False,
) -> GenerateResult:
    """Validate, check the template against the context, and write the ``.docx`` file(s).

    With ``kind_name`` None the kind is the one the input names (``jenis:``). ``doc``: the
    input already parsed, so it is not read twice. A document changed since zi-docs wrote it
    is never overwritten (:class:`HandEditedError`) unless ``overwrite``, which first keeps
    a dated copy of it.
    """
    if doc is None:
        doc = load_yaml(input_path, display=workspace.display(input_path))
    kind = get_kind(kind_name or _named_kind(input_path, doc))
    data = _load(workspace, kind, input_path, doc)
    base = _output_base(kind, data, input_path)
    if not kind.parts:
        targets = [(kind, _target(out, workspace, base))]
    else:
        targets = []
        for name in kind.parts:
            part = get_kind(name)
            target = _target(out, workspace, f"{base}-{part.name}")
            if out is not None and out.suffix.lower() == ".docx":
                target = out.with_name(f"{out.stem}-{part.name}.docx")
            targets.append((part, target))
    written: tuple[Path, ...] = ()
    served: tuple[IndicatorRef, ...] = ()
    backups: tuple[Path, ...] = ()
    for part, target in targets:
        docs, more, kept = _render_kind(
            workspace, part, data, target, separate, overwrite, explicit=out is not None
        )
        written += docs
        served += tuple(s for s in more if s not in served)
        backups += kept
    log.info("%s: %d dokumen ditulis", kind.name, len(written))
    return GenerateResult(
        kind=kind.name, input=input_path, documents=written, served=served, backups=backups
    )


def _render_kind(
    workspace: Workspace,
    kind: DocumentKind,
    data: dict[str, Any],
    target: Path,
    separate: bool,
    overwrite: bool,
    *,
    explicit: bool,
) -> tuple[tuple[Path, ...], tuple[IndicatorRef, ...], tuple[Path, ...]]:
    """Check ``kind``'s template against the context of ``data`` and write ``target``
    (never over a hand-edited document unless ``overwrite``)."""
    served = served_by(kind, workspace.catalogue, data)
    template = template_path(kind, workspace)
    info = DocumentInfo(
        kind=kind.name,
        title=kind.title,
        served=served,
        author=workspace.profile.unit_name,
        date=own_date(data),
    )
    prepared = PreparedTemplate(
        template, page=workspace.profile.page, info=info, display=workspace.display(template)
    )
    context = with_extras(kind.build_context(data, workspace, prepared.media), data)
    report = check_template(template, context=context, display=workspace.display(template))
    if errors(report.findings):
        raise InvalidInputError(
            f"templat {workspace.display(template)} tidak cocok dengan isian '{kind.name}'",
            errors(report.findings),
            hint=f"perbaiki templatnya, atau hapus {workspace.display(template)} agar templat "
            "bawaan dipakai",
        )
    separate = separate or data.get("berkas_terpisah") is True
    if separate and kind.split is not None:
        plan = [
            (target.with_name(f"{target.stem}-{suffix}.docx"), ctx)
            for suffix, ctx in kind.split(context)
        ]
    else:
        plan = [(target, context)]
    targets = [path for path, _ in plan]
    _refuse_overwrite(workspace, targets, explicit=explicit, overwrite=overwrite)
    backups = handedits.guard(
        targets,
        overwrite=overwrite,
        now=dt.datetime.now(),
        shown=[workspace.display(p) for p in targets],
    )
    written = tuple(prepared.render_to(ctx, path) for path, ctx in plan)
    handedits.record(written)
    return written, served, tuple(backups)


def generate(
    workspace: Workspace,
    kind: str | None,
    input_path: Path,
    out: Path | None = None,
    pdf: bool = False,
    separate: bool = False,
    overwrite: bool = False,
) -> GenerateResult:
    """Make the document(s) of ``kind`` (None: the one the input names) from ``input_path``;
    with ``pdf`` also PDFs.

    When LibreOffice is missing the ``.docx`` files are still written and a
    :class:`ToolMissingError` naming them is raised.
    """
    result = render_documents(workspace, kind, input_path, out, separate, overwrite=overwrite)
    if not pdf:
        return result
    try:
        pdfs = convert_to_pdf(result.documents)
    except ToolMissingError as exc:
        shown = ", ".join(workspace.display(p) for p in result.documents)
        raise ToolMissingError(
            f"{exc.message}; berkas .docx tetap dibuat: {shown}", hint=exc.hint
        ) from None
    return replace(result, pdfs=tuple(pdfs))


def generate_all(
    workspace: Workspace, pdf: bool = False, out: Path | None = None, overwrite: bool = False
) -> GenerateAllResult:
    """Every ``inputs/*.yaml`` of the workspace; one failing input does not stop the others."""
    results: list[GenerateResult] = []
    failures: list[tuple[Path, ZiError]] = []
    skipped: list[Finding] = []
    for path in sorted(workspace.inputs_dir.glob("*.y*ml")):
        shown = workspace.display(path)
        try:
            doc = load_yaml(path, display=shown)
            name = kind_of_input(path, doc.data)
            if name is None:
                skipped.append(
                    Finding(
                        message="bukan masukan dokumen (tidak ada 'jenis:'); dilewati",
                        severity=Severity.INFO,
                        file=shown,
                    )
                )
                continue
            results.append(
                render_documents(workspace, name, path, out, doc=doc, overwrite=overwrite)
            )
        except ZiError as exc:
            failures.append((path, exc))
    pdf_error: ToolMissingError | None = None
    if pdf and results:
        documents = [doc for result in results for doc in result.documents]
        try:
            pdfs = iter(convert_to_pdf(documents))
        except ToolMissingError as exc:
            pdf_error = exc
        else:
            results = [replace(r, pdfs=tuple(next(pdfs) for _ in r.documents)) for r in results]
    return GenerateAllResult(
        results=tuple(results),
        failures=tuple(failures),
        skipped=tuple(skipped),
        pdf_error=pdf_error,
    )
