"""The landing pages: which workspaces an account has, and a workspace's Beranda."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zi_docs.angka import angka, persen
from zi_docs.errors import ZiError
from zi_docs.web import roles
from zi_docs.web.app.access import rule
from zi_docs.web.app.log_words import Line, log_lines
from zi_docs.web.app.models import Activity, Grant
from zi_docs.web.app.overdue import overdue
from zi_docs.web.app.workspace_cache import checked, kept
from zi_docs.web.setup import current_site


@login_required
def awal(request: HttpRequest) -> HttpResponse:
    """The workspace chooser; with one workspace, straight to its Beranda."""
    site = current_site()
    grants = [g for g in Grant.objects.filter(user=request.user) if g.workspace in site.workspaces]
    if len(grants) == 1:
        return redirect("zi_web:beranda", ws=grants[0].workspace)
    units = []
    for grant in grants:
        try:
            name = site.workspace(grant.workspace).profile.unit_name
        except ZiError:
            name = grant.workspace
        units.append({"key": grant.workspace, "nama": name, "peran": roles.role(grant.role).label})
    return render(request, "zi_web/awal.html", {"units": units})


awal.zi_rule = "akun-sendiri"  # type: ignore[attr-defined]


def library_error(request: HttpRequest, err: ZiError) -> HttpResponse:
    """A library problem shown as a page (the same sentences as the CLI)."""
    findings = [str(f) for f in getattr(err, "findings", ())]
    return render(
        request,
        "zi_web/galat.html",
        {"pesan": str(err), "rincian": findings, "saran": err.hint},
        status=422,
    )


@rule("baca")
def beranda(request: HttpRequest) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    try:
        result = checked(here.workspace)
    except ZiError as err:
        return library_error(request, err)
    report = result.report
    areas = []
    for group in result.rollup.of_level("area"):
        areas.append(
            {
                "kode": group.area,
                "nama": group.name,
                "bagian": group.part,
                "nilai": angka(group.value),
                "bobot": angka(group.weight),
                "persen": persen(group.share * 100),
                "minimum": persen(group.minimum * 100),
                "lampu": group.light.value,
                "lengkap": f"{group.complete_questions}/{group.questions}",
            }
        )
    verdicts = [
        {
            "kode": v.code,
            "nama": v.name,
            "gabungan": v.passed_by_reading.get("gabungan"),
            "terpisah": v.passed_by_reading.get("terpisah"),
            "gagal": [r.description + (f" ({r.subject})" if r.subject else "") for r in v.failed],
        }
        for v in report.verdicts
    ]
    activity = latest_activity(here.key, here.workspace, result.report.catalogue)
    context = {
        "unit": result.unit_name,
        "tahun": result.year,
        "pengungkit": angka(report.pengungkit),
        "hasil": angka(report.hasil),
        "total": angka(report.total),
        "verdicts": verdicts,
        "areas": areas,
        "batas": result.gates.deadline,
        "sisa_hari": result.gates.days_left,
        "aktivitas": activity,
        "dijawab": sum(1 for i in result.completeness.indicators if i.answered),
        "pertanyaan": len(result.completeness.indicators),
        "tl_terlambat": overdue(here.workspace),
    }
    return render(request, "zi_web/beranda.html", context)


RECENT = 10
"""How many activities the Beranda shows."""


def latest_activity(key: str, workspace: Any, catalogue: Any) -> list[Line]:
    """The latest activity through the web and in the archive's audit log, newest first."""
    from zi_docs.evidence import audit_log

    try:  # kept while no file of the workspace changed (the log is in the catalogue)
        archive = kept(
            workspace, ("aktivitas", RECENT), lambda: tuple(audit_log(workspace, RECENT))
        )
    except ZiError:
        archive = ()
    web = Activity.objects.filter(workspace=key)[:RECENT]
    return log_lines(key, web, archive, catalogue)[:RECENT]


@rule("baca")
def log(request: HttpRequest) -> HttpResponse:
    """Who did what and when: the web activity and the archive's audit log."""
    from zi_docs.evidence import audit_log

    here = request.zi  # type: ignore[attr-defined]
    try:
        archive_lines = audit_log(here.workspace, limit=200)
    except ZiError as err:
        return library_error(request, err)
    try:
        catalogue = checked(here.workspace).report.catalogue
    except ZiError:
        catalogue = None
    web_lines = Activity.objects.filter(workspace=here.key)[:200]
    lines = log_lines(here.key, web_lines, archive_lines, catalogue)
    return render(
        request,
        "zi_web/log.html",
        {
            "web": [line for line in lines if line.source == "web"],
            "arsip": [line for line in lines if line.source == "arsip"],
        },
    )
