"""Arsip: list with filters, full-text search, a file's page, download and preview, tags,
trash and restore. Downloads serve stored objects by id only."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from zi_docs.errors import NotFoundError, ZiError
from zi_docs.evidence import (
    MARK_END,
    MARK_START,
    Hit,
    SearchFilters,
    StoredFile,
    acting_as,
    remove,
    restore,
    show,
    tag,
    untag,
)
from zi_docs.web.app.access import checked_in_view, refusal, rule
from zi_docs.web.app.activity import actor_name, record
from zi_docs.web.app.views_home import library_error
from zi_docs.web.app.views_konsep import konsep_context
from zi_docs.web.app.workspace_cache import found, listing

PREVIEWABLE = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg"}
PAGE_SIZE = 100
"""Files listed at once."""
HITS_STEP = 25
"""Search hits shown at first, and how many more each "Tampilkan lebih banyak" adds (every
hit costs its snippet, so a search asks for no more than it shows)."""
MAX_HITS = 500


def _snippet_html(snippet: str) -> SafeString:
    """The snippet with its marked words in ``<mark>``, every piece escaped (built here, not
    in a template loop: a page of hits costs less)."""
    return format_html_join(
        "",
        "{}",
        ((format_html("<mark>{}</mark>", text) if marked else text,) for text, marked in
         _snippet_parts(snippet)),
    )  # fmt: skip


def _hit_line(hit: Hit, stored: StoredFile) -> str:
    """The line under a hit's title: name, type, date and indicators (built here, not in a
    template loop, like the snippet; the template escapes it)."""
    date = [date_format(stored.doc_date, "j M Y")] if stored.doc_date else []
    return " · ".join([stored.name, stored.kind, *date, *hit.indicators])


def _snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, highlighted) pieces, so the template escapes every piece."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while MARK_START in rest:
        before, _, after = rest.partition(MARK_START)
        marked, _, rest = after.partition(MARK_END)
        if before:
            parts.append((before, False))
        parts.append((marked, True))
    if rest:
        parts.append((rest, False))
    return parts


@rule("baca")
def daftar(request: HttpRequest) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    query = str(request.GET.get("q", "")).strip()
    area = str(request.GET.get("area", "")).strip() or None
    indicator = str(request.GET.get("indikator", "")).strip() or None
    untagged = request.GET.get("belum_ditandai") == "1"
    trashed = request.GET.get("sampah") == "1"
    year_text = str(request.GET.get("tahun", "")).strip()
    kind = str(request.GET.get("jenis", "")).strip() or None
    context: dict[str, object] = {
        "q": query,
        "area": area or "",
        "indikator": indicator or "",
        "belum_ditandai": untagged,
        "sampah": trashed,
        "tahun": year_text,
        "jenis": kind or "",
        "areas": here.workspace.catalogue.areas,
    }
    try:
        shown = min(MAX_HITS, max(HITS_STEP, int(str(request.GET.get("banyak", HITS_STEP)))))
    except ValueError:
        shown = HITS_STEP
    try:
        year = int(year_text) if year_text else None
    except ValueError:
        year = None
        messages.error(request, f"Tahun '{year_text}' bukan angka; saringan tahun diabaikan.")
    filters = SearchFilters(
        indicator=indicator,
        area=area,
        year=year,
        kind=kind,
        untagged=untagged,
        trashed=trashed,
    )
    try:
        if query:
            # one more hit than shown tells whether there are more
            result = found(here.workspace, query, filters.with_limit(shown + 1))
            placeholder = "0" * 64
            file_page = reverse("zi_web:berkas", kwargs={"ws": here.key, "sha": placeholder})
            context["hasil"] = [
                {
                    "judul": stored.title or stored.name,
                    "rincian": _hit_line(hit, stored),
                    "url": file_page.replace(placeholder, stored.sha256),
                    "potongan": _snippet_html(hit.snippet),
                }
                for hit, stored in result.hits[:shown]
                if stored is not None
            ]
            if len(result.hits) > shown and shown < MAX_HITS:
                more = request.GET.copy()
                more["banyak"] = str(shown + HITS_STEP)
                context["lebih_banyak"] = more.urlencode()
        else:
            listed = listing(here.workspace, filters)
            files = list(listed.files)
            context["berkas"] = files[:PAGE_SIZE]
            context["jumlah"] = len(files)
            context["total"] = listed.total
            context["di_sampah"] = listed.trashed
    except ZiError as err:
        return library_error(request, err)
    return render(request, "zi_web/arsip.html", context)


def _stored(request: HttpRequest, sha: str) -> StoredFile:
    here = request.zi  # type: ignore[attr-defined]
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise Http404("berkas tidak ada")
    try:
        return show(here.workspace, sha, excerpt=0).file
    except NotFoundError:
        raise Http404("berkas tidak ada") from None


@rule("baca")
def berkas(request: HttpRequest, sha: str) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    if len(sha) != 64:
        raise Http404("berkas tidak ada")
    try:
        detail = show(here.workspace, sha, excerpt=1200)
    except NotFoundError:
        raise Http404("berkas tidak ada") from None
    except ZiError as err:
        return library_error(request, err)
    catalogue = here.workspace.catalogue
    tags = []
    for t, label in zip(detail.file.tags, detail.indicator_labels, strict=True):
        node = catalogue.by_id.get(t.indicator)
        area = node.area if node is not None else None
        tags.append({"tag": t, "label": label, "boleh": here.can("unggah", area)})
    context = {
        "f": detail.file,
        "detail": detail,
        "tags": tags,
        "pratinjau": detail.file.kind in PREVIEWABLE,
        "boleh_tandai": "unggah" in here.role.capabilities,
        "boleh_buang": _may_trash(request, detail.file),
        **konsep_context(request, detail),
    }
    return render(request, "zi_web/berkas.html", context)


def _file_areas(request: HttpRequest, stored: StoredFile) -> list[str | None]:
    catalogue = request.zi.workspace.catalogue  # type: ignore[attr-defined]
    areas = []
    for t in stored.tags:
        node = catalogue.by_id.get(t.indicator)
        areas.append(node.area if node is not None else None)
    return areas


def _may_trash(request: HttpRequest, stored: StoredFile) -> bool:
    here = request.zi  # type: ignore[attr-defined]
    if "buang" not in here.role.capabilities:
        return False
    if not here.role.per_area:
        return True
    areas = _file_areas(request, stored)
    return bool(areas) and all(here.can("buang", a) for a in areas)


def _send(request: HttpRequest, sha: str, *, inline: bool) -> FileResponse:
    stored = _stored(request, sha)
    content_type = PREVIEWABLE.get(stored.kind) if inline else None
    if inline and content_type is None:
        raise Http404("pratinjau tidak tersedia untuk jenis berkas ini")
    response = FileResponse(
        open(stored.path, "rb"),  # noqa: SIM115 - FileResponse closes it
        as_attachment=not inline,
        filename=stored.name,
        content_type=content_type or "application/octet-stream",
    )
    if inline:
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'self'"
    return response


@rule("baca")
def unduh(request: HttpRequest, sha: str) -> FileResponse:
    return _send(request, sha, inline=False)


@rule("baca")
def pratinjau(request: HttpRequest, sha: str) -> FileResponse:
    return _send(request, sha, inline=True)


@rule("unggah", area_of=checked_in_view)
def ubah_tanda(request: HttpRequest, sha: str) -> HttpResponse:
    """Add (``aksi=tandai``) or remove (``aksi=lepas``) one indicator tag of a file."""
    here = request.zi  # type: ignore[attr-defined]
    if request.method != "POST":
        return redirect("zi_web:berkas", ws=here.key, sha=sha)
    stored = _stored(request, sha)
    wanted = str(request.POST.get("indikator", "")).strip()
    item = str(request.POST.get("butir", "")).strip() or None
    action = request.POST.get("aksi")
    try:
        node = here.workspace.catalogue.resolve(wanted)
    except NotFoundError as err:
        messages.error(request, str(err))
        return redirect("zi_web:berkas", ws=here.key, sha=sha)
    if not here.can("unggah", node.area):
        return render(
            request,
            "zi_web/ditolak.html",
            {"pesan": refusal(here.grant, "unggah", node.area)},
            status=403,
        )
    try:
        with acting_as(actor_name(request)):
            if action == "lepas":
                untag(here.workspace, stored.sha256, [node.id], item)
            else:
                tag(here.workspace, stored.sha256, [node.id], item)
    except ZiError as err:
        return library_error(request, err)
    verb = "dilepas dari" if action == "lepas" else "ditandai ke"
    record(
        request, here.key, "lepas" if action == "lepas" else "tandai", f"{stored.name} {node.id}"
    )
    messages.success(request, f"{stored.name} {verb} {node.id}.")
    return redirect("zi_web:berkas", ws=here.key, sha=sha)


@rule("buang", area_of=checked_in_view)
def buang(request: HttpRequest, sha: str) -> HttpResponse:
    """Move a file to the trash (``aksi=buang``) or back (``aksi=pulihkan``)."""
    here = request.zi  # type: ignore[attr-defined]
    if request.method != "POST":
        return redirect("zi_web:berkas", ws=here.key, sha=sha)
    stored = _stored(request, sha)
    if not _may_trash(request, stored):
        return render(
            request,
            "zi_web/ditolak.html",
            {"pesan": "Berkas ini ditandai ke indikator di luar area Anda; minta ketua tim."},
            status=403,
        )
    restoring = request.POST.get("aksi") == "pulihkan"
    try:
        with acting_as(actor_name(request)):
            (restore if restoring else remove)(here.workspace, [stored.sha256])
    except ZiError as err:
        return library_error(request, err)
    record(request, here.key, "pulihkan" if restoring else "buang", stored.name)
    messages.success(
        request,
        f"{stored.name} "
        + ("dipulihkan dari tempat sampah." if restoring else "dipindah ke tempat sampah."),
    )
    return redirect("zi_web:berkas", ws=here.key, sha=sha)
