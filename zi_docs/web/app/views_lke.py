"""The LKE tree and the indicator page: question, criteria, answer form, evidence, findings."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html_join

from zi_docs.assessment import StaleAnswerError, save_answer
from zi_docs.errors import InvalidInputError, ZiError
from zi_docs.evidence import acting_as, add_files, tag
from zi_docs.submission import CheckResult
from zi_docs.web.app.access import checked_in_view, indicator_area, rule
from zi_docs.web.app.activity import actor_name, record
from zi_docs.web.app.answer_form import answer_text, form_value
from zi_docs.web.app.read_only import why_read_only
from zi_docs.web.app.uploads_store import UploadProblem, saved_uploads
from zi_docs.web.app.views_home import library_error
from zi_docs.web.app.workspace_cache import answer, checked, listing

OTHER_FILES = 300
"""Files offered at most in "Tandai berkas yang sudah ada di arsip"."""


def _status_of(result: CheckResult, node_id: str) -> str:
    status = result.completeness.indicator(node_id)
    if status.complete:
        return "hijau"
    if status.answered or status.has_evidence:
        return "kuning"
    return "merah"


@rule("baca")
def pohon(request: HttpRequest) -> HttpResponse:
    """Every question of the catalogue with its answer and light, grouped by area."""
    here = request.zi  # type: ignore[attr-defined]
    try:
        result = checked(here.workspace)
    except ZiError as err:
        return library_error(request, err)
    catalogue = result.report.catalogue
    rows = []
    for node in catalogue.walk():
        if node.level in ("komponen", "bagian", "area", "sub"):
            rows.append({"node": node, "judul": True})
        elif node.is_question:
            status = result.completeness.indicator(node.id)
            rows.append(
                {
                    "node": node,
                    "judul": False,
                    "alias": catalogue.short_alias(node),
                    "jawaban": status.answer or "—",
                    "lampu": _status_of(result, node.id),
                    "berkas": len(status.files),
                    "boleh": here.can("jawab", node.area) or here.can("unggah", node.area),
                }
            )
    return render(request, "zi_web/lke.html", {"rows": rows})


def _shortened(text: str, most: int) -> str:
    """``text`` cut to ``most`` characters with an ellipsis (as ``truncatechars``)."""
    return text if len(text) <= most else text[: most - 1] + "…"


def _indicator_context(request: HttpRequest, indikator: str) -> dict[str, object]:
    here = request.zi  # type: ignore[attr-defined]
    workspace = here.workspace
    node = workspace.catalogue.resolve(indikator)
    result = checked(workspace)
    status = result.completeness.indicator(node.id)
    entry = answer(workspace, node.id)
    files = result.completeness.files
    placeholder = "0" * 64
    file_page = reverse("zi_web:berkas", kwargs={"ws": here.key, "sha": placeholder})

    def links(refs: Iterable[str]) -> list[dict[str, str]]:
        return [
            {"url": file_page.replace(placeholder, files[ref].sha256), "label": files[ref].label}
            for ref in refs
            if ref in files
        ]

    items = [
        {
            "key": item.key,
            "uraian": item.description,
            "wajib": item.required,
            "berkas": links(item.files),
        }
        for item in status.items
    ]
    # files tagged to the indicator but to no item (an upload "tanpa butir")
    in_items = {ref for item in status.items for ref in item.files}
    unitemised = links([ref for ref in status.files if ref not in in_items])
    tagged = {files[ref].sha256 for ref in status.files if ref in files}
    # the first 300 files not tagged here, without walking the rest of a big archive
    other_files = list(
        islice((f for f in listing(workspace).files if f.sha256 not in tagged), OTHER_FILES)
    )
    # built here, not in a template loop: hundreds of options cost most of the page's time
    other_options = format_html_join(
        "",
        '<option value="{}">{}</option>',
        ((f.sha256, _shortened(f.title or f.name, 90)) for f in other_files),
    )
    findings = [f for f in result.findings if f.field and f.field.split(" ", 1)[0] == node.id]
    return {
        "node": node,
        "alias": workspace.catalogue.short_alias(node),
        "path": [n.name for n in workspace.catalogue.ancestors(node)],
        "status": status,
        "lampu": _status_of(result, node.id),
        "entry": entry,
        "opsi": list(node.criteria.items()),
        "items": items,
        "tanpa_butir": unitemised,
        "berkas_lain": other_files,
        "opsi_berkas_lain": other_options,
        "temuan": findings,
        "boleh_jawab": here.can("jawab", node.area),
        "boleh_unggah": here.can("unggah", node.area),
        "alasan_jawab": why_read_only(here, "jawab", node.area, workspace.catalogue),
        "alasan_unggah": why_read_only(here, "unggah", node.area, workspace.catalogue),
        "nilai": status.value,
    }


@rule("baca", area_of=indicator_area)
def indikator(request: HttpRequest, indikator: str) -> HttpResponse:
    try:
        context = _indicator_context(request, indikator)
    except ZiError as err:
        return library_error(request, err)
    return render(request, "zi_web/indikator.html", context)


@rule("jawab", area_of=indicator_area)
def jawab(request: HttpRequest, indikator: str) -> HttpResponse:
    """Save the answer with the version the form was shown (refused when stale)."""
    here = request.zi  # type: ignore[attr-defined]
    if request.method != "POST":
        return redirect("zi_web:indikator", ws=here.key, indikator=indikator)
    node = here.workspace.catalogue.resolve(indikator)
    value = form_value(node, request.POST)
    problems: list[str] = []
    stale = None
    try:
        saved = save_answer(
            here.workspace, node.id, value, expected_version=str(request.POST.get("versi", ""))
        )
    except StaleAnswerError as err:
        stale = err
    except InvalidInputError as err:
        problems = [f.message for f in err.findings] or [str(err)]
    except ZiError as err:
        return library_error(request, err)
    else:
        record(request, here.key, "jawab", f"{node.id}: {answer_text(saved.raw)}")
        messages.success(request, f"Jawaban {node.id} disimpan.")
        return redirect("zi_web:indikator", ws=here.key, indikator=node.id)
    context = _indicator_context(request, node.id)
    context["kiriman"] = request.POST
    if stale is not None:
        context["basi"] = {"pesan": str(stale), "saran": stale.hint, "terbaru": stale.current}
    context["masalah"] = problems
    return render(request, "zi_web/indikator.html", context, status=409 if stale else 422)


@rule("unggah", area_of=indicator_area)
def unggah(request: HttpRequest, indikator: str) -> HttpResponse:
    """Upload one or more files as evidence for this indicator (and checklist item)."""
    here = request.zi  # type: ignore[attr-defined]
    node = here.workspace.catalogue.resolve(indikator)
    if request.method != "POST":
        return redirect("zi_web:indikator", ws=here.key, indikator=node.id)
    item = str(request.POST.get("butir", "")).strip() or None
    try:
        with saved_uploads(request, "berkas") as uploads, acting_as(actor_name(request)):
            report = add_files(
                here.workspace,
                [u.path for u in uploads],
                indicators=[node.id],
                item=item,
                display_names={u.path: u.name for u in uploads},
            )
    except UploadProblem as problem:
        messages.error(request, str(problem))
        return redirect("zi_web:indikator", ws=here.key, indikator=node.id)
    except ZiError as err:
        return library_error(request, err)
    added = [o.name for o in report.outcomes]
    for rejection in report.rejected:
        messages.error(request, f"{Path(rejection.source).name}: {rejection.reason}")
    if added:
        record(request, here.key, "unggah", f"{node.id}: {', '.join(added)}")
        messages.success(request, f"{len(added)} berkas disimpan untuk {node.id}.")
    return redirect("zi_web:indikator", ws=here.key, indikator=node.id)


@rule("unggah", area_of=indicator_area)
def tandai(request: HttpRequest, indikator: str) -> HttpResponse:
    """Tag files already in the archive to this indicator."""
    here = request.zi  # type: ignore[attr-defined]
    node = here.workspace.catalogue.resolve(indikator)
    if request.method == "POST":
        item = str(request.POST.get("butir", "")).strip() or None
        refs = request.POST.getlist("berkas")
        try:
            with acting_as(actor_name(request)):
                for ref in refs:
                    tag(here.workspace, ref, [node.id], item)
        except ZiError as err:
            return library_error(request, err)
        if refs:
            record(request, here.key, "tandai", f"{node.id}: {len(refs)} berkas")
            messages.success(request, f"{len(refs)} berkas ditandai ke {node.id}.")
    return redirect("zi_web:indikator", ws=here.key, indikator=node.id)


_ = checked_in_view
