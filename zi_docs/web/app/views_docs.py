"""Dokumen: every document kind filled in a form made from its input schema; saving writes the
same input YAML the CLI reads; generating makes the .docx (and the PDF when LibreOffice is
there) for download and preview, and archives it as konsep when asked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render

from zi_docs.documents import (
    all_kinds,
    document_inputs,
    generate,
    get_kind,
    input_for_kind,
    save_input,
)
from zi_docs.errors import InvalidInputError, NotFoundError, ToolMissingError, ZiError
from zi_docs.web.app.access import rule
from zi_docs.web.app.activity import record
from zi_docs.web.app.doc_forms import (
    error_summary,
    errors_by_field,
    pickers,
    posted_data,
    widgets,
)
from zi_docs.web.app.views_home import library_error
from zi_docs.web.app.views_konsep import archive_konsep, generated_file, generated_pages
from zi_docs.web.app.workspace_cache import kept
from zi_docs.yamlio import load_yaml


def _inputs(request: HttpRequest) -> list[dict[str, str]]:
    here = request.zi  # type: ignore[attr-defined]
    return [
        {"nama": i.name, "jenis": i.kind, "judul": i.title} for i in document_inputs(here.workspace)
    ]


@rule("baca")
def daftar(request: HttpRequest) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    wanted_kind, wanted_name = request.GET.get("jenis"), request.GET.get("nama")
    if wanted_kind and wanted_name:
        return redirect("zi_web:isian", ws=here.key, jenis=wanted_kind, nama=wanted_name.strip())
    kinds = [{"kode": code, "judul": kind.title} for code, kind in all_kinds().items()]
    inputs = kept(here.workspace, ("dokumen-isian",), lambda: _inputs(request))
    return render(request, "zi_web/dokumen.html", {"jenis": kinds, "isian": inputs})


def _kind(jenis: str) -> Any:
    try:
        return get_kind(jenis)
    except NotFoundError:
        raise Http404("jenis dokumen tidak ada") from None


EVALUATORS_KINDS = frozenset({"lhe"})
"""Kinds the evaluators write themselves: a penilai (capability ``lapis``) fills the LHE's
nomor, tim and rekomendasi, although the unit's documents are not theirs to change."""


def _may_edit(here: Any, kind: str) -> bool:
    return bool(here.can("dokumen") or (kind in EVALUATORS_KINDS and here.can("lapis")))


@rule("baca")
def isian(request: HttpRequest, jenis: str, nama: str) -> HttpResponse:
    """The form of one input (``inputs/NAMA.yaml``); saving needs the ``dokumen`` capability
    (for the LHE, ``lapis`` is enough)."""
    here = request.zi  # type: ignore[attr-defined]
    kind = _kind(jenis)
    try:
        path = input_for_kind(here.workspace, kind.name, nama)
    except ZiError as err:
        return library_error(request, err)
    data: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    status = 200
    if request.method == "POST":
        if not _may_edit(here, kind.name):
            return render(
                request,
                "zi_web/ditolak.html",
                {"pesan": f"Peran {here.role.label} tidak boleh mengubah dokumen."},
                status=403,
            )
        try:
            data = posted_data(kind.schema, request.POST)
            save_input(here.workspace, kind.name, data, nama)
        except InvalidInputError as err:
            errors = errors_by_field(err.findings)
            status = 422
            messages.error(request, f"Isian belum disimpan: {len(err.findings)} kesalahan.")
        except ZiError as err:
            return library_error(request, err)
        else:
            record(request, here.key, "isian", f"{kind.name}: {nama}")
            if request.POST.get("aksi") == "buat":
                return _generate(
                    request,
                    kind.name,
                    path,
                    pdf=request.POST.get("pdf") == "1",
                    konsep=request.POST.get("arsipkan") == "1",
                )
            messages.success(request, f"Isian {nama} disimpan.")
            return redirect("zi_web:isian", ws=here.key, jenis=kind.name, nama=nama)
    elif path.is_file():
        try:
            loaded = load_yaml(path, display=here.workspace.display(path)).data
        except ZiError as err:
            return library_error(request, err)
        data = {k: v for k, v in (loaded or {}).items() if k != "jenis"}
    context = {
        "kind": kind,
        "nama": nama,
        "widgets": widgets(kind.schema, data, errors),
        "ringkasan_salah": error_summary(errors),
        "lain": [m for k, m in errors.items() if not k or ("." not in k and k not in data)],
        "boleh": _may_edit(here, kind.name),
        "ada": path.is_file(),
        "pilihan": pickers(here.workspace),
    }
    return render(request, "zi_web/isian.html", context, status=status)


def _generate(
    request: HttpRequest, kind: str, path: Path, *, pdf: bool, konsep: bool
) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    try:
        result = generate(here.workspace, kind, path, pdf=pdf)
        pdf_missing = None
    except ToolMissingError as err:
        result = generate(here.workspace, kind, path, pdf=False)
        pdf_missing = err.message
    except ZiError as err:
        return library_error(request, err)
    files = [*result.documents, *result.pdfs]
    record(request, here.key, "buat", ", ".join(p.name for p in files))
    if pdf_missing:
        messages.error(request, f"PDF belum dibuat: {pdf_missing}")
    messages.success(request, f"{len(files)} berkas dibuat.")
    try:
        archived = archive_konsep(request, result) if konsep else []
    except ZiError as err:
        return library_error(request, err)
    names = [p.name for p in files]
    context = {
        "berkas": names,
        "nama": path.stem,
        "jenis": kind,
        "konsep": archived,
        "pratinjau": generated_pages(request, names),
    }
    return render(request, "zi_web/hasil_dokumen.html", context)


@rule("baca")
def unduh_dokumen(request: HttpRequest, berkas: str) -> HttpResponseBase:
    """A generated file from ``out/dokumen/`` by its plain name (never a path)."""
    here = request.zi  # type: ignore[attr-defined]
    target = generated_file(here.workspace, berkas)
    if target.suffix.lower() not in (".docx", ".pdf"):
        raise Http404("berkas tidak ada")
    return FileResponse(open(target, "rb"), as_attachment=True, filename=target.name)
