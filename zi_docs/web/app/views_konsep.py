"""Konsep and signed versions, and PDF pages as images.

A generated document archived as konsep (``generate --arsipkan``) is not data dukung; its
signed scan, uploaded on the konsep's page, is filed by the archive the way ``archive add
--sama-dengan NOMOR`` files it: tagged like the konsep and superseding it. Page images of a
stored PDF or of a generated one come from the evidence library's preview cache (one set per
version of the document).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse

from zi_docs.documents import OUTPUT_FOLDER, GenerateResult, archive_generated
from zi_docs.errors import NotFoundError, ZiError
from zi_docs.evidence import (
    Preview,
    acting_as,
    add_files,
    hash_file,
    page_image,
    preview,
    preview_cache,
    show,
)
from zi_docs.web.app.access import checked_in_view, refusal, rule
from zi_docs.web.app.activity import actor_name, record
from zi_docs.web.app.uploads_store import UploadProblem, saved_uploads
from zi_docs.web.app.views_home import library_error
from zi_docs.workspace import Workspace

SIGNED_KINDS = ("pdf", "png", "jpg")
"""What a signed version can be: a scan (PDF or photo) or a TTE PDF."""


def _served_areas(workspace: Workspace, tags: Any) -> list[str | None]:
    catalogue = workspace.catalogue
    areas = []
    for t in tags:
        node = catalogue.by_id.get(t.indicator)
        areas.append(node.area if node is not None else None)
    return areas


def archive_konsep(request: HttpRequest, result: GenerateResult) -> list[dict[str, str]]:
    """``generate --arsipkan`` for the web: the documents just made, archived as konsep.
    Returns each konsep's name and id for the result page; messages say what happened."""
    here = request.zi  # type: ignore[attr-defined]
    if not result.served:
        messages.error(
            request,
            "Tidak diarsipkan: jenis dokumen ini tidak tercatat sebagai bukti indikator "
            "tertentu. Unggah berkasnya dari halaman indikator yang dilayaninya.",
        )
        return []
    blocked = [a for a in _served_areas(here.workspace, result.served) if not here.can("unggah", a)]
    if blocked:
        messages.error(request, "Tidak diarsipkan: " + refusal(here.grant, "unggah", blocked[0]))
        return []
    with acting_as(actor_name(request)):
        archived = archive_generated(here.workspace, result)
    made = []
    for item in archived:
        made.append({"nama": item.path.name, "sha": hash_file(item.path)[0]})
        if item.replaced:
            messages.info(request, f"Konsep {item.path.name} sebelumnya diganti konsep baru.")
    record(request, here.key, "arsip-konsep", ", ".join(m["nama"] for m in made))
    messages.success(
        request,
        f"{len(made)} berkas diarsipkan sebagai konsep. Konsep belum dihitung sebagai data "
        "dukung: setelah ditandatangani, unggah pindaiannya di halaman konsep.",
    )
    return made


def _may_sign(request: HttpRequest, tags: Any) -> bool:
    here = request.zi  # type: ignore[attr-defined]
    if "unggah" not in here.role.capabilities:
        return False
    areas = _served_areas(here.workspace, tags)
    return all(here.can("unggah", a) for a in areas)


def konsep_context(request: HttpRequest, detail: Any) -> dict[str, Any]:
    """What the file page shows about a konsep and the page images of a PDF."""
    here = request.zi  # type: ignore[attr-defined]
    stored = detail.file
    context: dict[str, Any] = {
        "konsep": stored.draft and not stored.trashed,
        "boleh_ttd": stored.draft and not stored.trashed and _may_sign(request, stored.tags),
        "nomor": detail.number,
        "halaman": [],
    }
    if stored.kind == "pdf":
        try:
            shown = preview(stored.path, preview_cache(here.workspace), sha256=stored.sha256)
            context["halaman"] = [
                {"n": n, "url": reverse("zi_web:halaman_arsip", args=(here.key, stored.sha256, n))}
                for n in range(1, shown.shown + 1)
            ]
            context["jumlah_halaman"] = shown.pages
        except ZiError as err:
            context["pratinjau_gagal"] = str(err)
    return context


@rule("unggah", area_of=checked_in_view)
def tandatangan(request: HttpRequest, sha: str) -> HttpResponse:
    """The signed scan (or TTE PDF) of a konsep: filed like the konsep, superseding it."""
    here = request.zi  # type: ignore[attr-defined]
    if request.method != "POST":
        return redirect("zi_web:berkas", ws=here.key, sha=sha)
    detail = _detail(here.workspace, sha)
    stored = detail.file
    # who may not file for the konsep's areas is refused first, whatever the file's state
    if not _may_sign(request, stored.tags):
        areas = [a for a in _served_areas(here.workspace, stored.tags) if not here.can("unggah", a)]
        return render(
            request,
            "zi_web/ditolak.html",
            {"pesan": refusal(here.grant, "unggah", areas[0] if areas else None)},
            status=403,
        )
    if not stored.draft or stored.trashed:
        messages.error(request, f"{stored.name} bukan konsep yang masih berlaku.")
        return redirect("zi_web:berkas", ws=here.key, sha=sha)
    if detail.number is None:
        messages.error(
            request,
            f"{stored.name} tidak memuat nomor dokumen, jadi versi bertanda tangannya tidak "
            "bisa dicocokkan. Unggah pindaiannya dari halaman indikator yang dilayaninya.",
        )
        return redirect("zi_web:berkas", ws=here.key, sha=sha)
    try:
        with saved_uploads(request, "berkas") as uploads, acting_as(actor_name(request)):
            upload = uploads[0]
            if Path(upload.name).suffix.lower().lstrip(".") not in (*SIGNED_KINDS, "jpeg"):
                raise UploadProblem(
                    "Versi bertanda tangan diunggah sebagai PDF (pindaian atau TTE) atau foto "
                    "JPG/PNG."
                )
            report = add_files(
                here.workspace,
                [upload.path],
                tags=stored.tags,
                same_as=detail.number,
                display_names={upload.path: upload.name},
            )
    except UploadProblem as problem:
        messages.error(request, str(problem))
        return redirect("zi_web:berkas", ws=here.key, sha=sha)
    except ZiError as err:
        return library_error(request, err)
    for rejection in report.rejected:
        messages.error(request, f"{upload.name}: {rejection.reason}")
    if not report.outcomes:
        return redirect("zi_web:berkas", ws=here.key, sha=sha)
    outcome = report.outcomes[0]
    if sha in outcome.superseded:
        messages.success(
            request,
            f"Versi bertanda tangan {outcome.name} disimpan sebagai data dukung dan "
            f"menggantikan konsep {stored.name} (konsep dipindah ke tempat sampah).",
        )
    else:
        messages.info(
            request,
            f"{outcome.name} sudah ada di arsip; tandanya dilengkapi seperti konsep.",
        )
    record(request, here.key, "tanda-tangan", f"{outcome.name} menggantikan {stored.name}")
    return redirect("zi_web:berkas", ws=here.key, sha=outcome.sha256)


def _detail(workspace: Workspace, sha: str) -> Any:
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise Http404("berkas tidak ada")
    try:
        return show(workspace, sha, excerpt=4000)
    except NotFoundError:
        raise Http404("berkas tidak ada") from None


def _png(pdf: Path, shown: Preview, halaman: int) -> FileResponse:
    try:
        image = page_image(pdf, shown, halaman)
    except NotFoundError:
        raise Http404("halaman tidak ada") from None
    response = FileResponse(open(image, "rb"), content_type="image/png")  # noqa: SIM115
    response.headers["Cache-Control"] = "private, max-age=86400"  # one version, one image
    return response


@rule("baca")
def halaman_arsip(request: HttpRequest, sha: str, halaman: int) -> HttpResponseBase:
    """Page ``halaman`` of a stored PDF as a PNG."""
    here = request.zi  # type: ignore[attr-defined]
    stored = _detail(here.workspace, sha).file
    if stored.kind != "pdf":
        raise Http404("pratinjau halaman hanya untuk PDF")
    try:
        shown = preview(stored.path, preview_cache(here.workspace), sha256=stored.sha256)
        return _png(stored.path, shown, halaman)
    except ZiError as err:
        return library_error(request, err)


def generated_file(workspace: Workspace, berkas: str) -> Path:
    """A generated file of ``out/dokumen/`` by its plain name (never a path), or 404."""
    folder = (workspace.out_dir / OUTPUT_FOLDER).resolve()
    target = (folder / berkas).resolve()
    if "/" in berkas or "\\" in berkas or target.parent != folder or not target.is_file():
        raise Http404("berkas tidak ada")
    return target


def generated_pages(request: HttpRequest, names: list[str]) -> list[dict[str, Any]]:
    """The generated PDFs among ``names`` with their page images, for the result page (the
    image address carries the version, so a browser never shows an older document's page)."""
    here = request.zi  # type: ignore[attr-defined]
    workspace = here.workspace
    shown = []
    for name in names:
        if not name.lower().endswith(".pdf"):
            continue
        try:
            made = preview(generated_file(workspace, name), preview_cache(workspace))
        except (ZiError, Http404):
            continue
        pages = [
            {
                "n": n,
                "url": reverse("zi_web:halaman_dokumen", args=(here.key, name, n))
                + f"?v={made.sha256[:16]}",
            }
            for n in range(1, made.shown + 1)
        ]
        shown.append({"nama": name, "halaman": pages, "jumlah": made.pages})
    return shown


@rule("baca")
def halaman_dokumen(request: HttpRequest, berkas: str, halaman: int) -> HttpResponseBase:
    """Page ``halaman`` of a generated PDF (``out/dokumen/``) as a PNG."""
    here = request.zi  # type: ignore[attr-defined]
    if not berkas.lower().endswith(".pdf"):
        raise Http404("pratinjau halaman hanya untuk PDF")
    target = generated_file(here.workspace, berkas)
    try:
        return _png(target, preview(target, preview_cache(here.workspace)), halaman)
    except ZiError as err:
        return library_error(request, err)
