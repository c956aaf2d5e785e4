"""Templat: the built-in and the unit's own templates, their check results, and uploading a
unit template (checked before it replaces anything)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zi_docs.documents import all_kinds, check_templates
from zi_docs.errors import ZiError
from zi_docs.web.app.access import rule
from zi_docs.web.app.activity import record
from zi_docs.web.app.uploads_store import UploadProblem, saved_uploads
from zi_docs.web.app.views_home import library_error
from zi_docs.web.app.workspace_cache import template_reports


@rule("baca")
def templat(request: HttpRequest) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    try:
        entries, checked_reports = template_reports(here.workspace)
        reports = {Path(r.template).name: r for r in checked_reports}
    except ZiError as err:
        return library_error(request, err)
    rows = [{"e": entry, "laporan": reports.get(entry.template.name)} for entry in entries]
    return render(
        request,
        "zi_web/templat.html",
        {
            "rows": rows,
            "boleh": here.can("dokumen"),
            "jenis": [(code, kind.title) for code, kind in all_kinds().items()],
        },
    )


@rule("dokumen")
def unggah_templat(request: HttpRequest) -> HttpResponse:
    """Check an uploaded .docx against a kind; only a clean one goes into ``templates/``."""
    here = request.zi  # type: ignore[attr-defined]
    if request.method != "POST":
        return redirect("zi_web:templat", ws=here.key)
    kind_name = str(request.POST.get("jenis", ""))
    kinds = all_kinds()
    if kind_name not in kinds:
        messages.error(request, f"Jenis dokumen '{kind_name}' tidak dikenal.")
        return redirect("zi_web:templat", ws=here.key)
    kind = kinds[kind_name]
    try:
        with saved_uploads(request, "templat") as uploads:
            upload = uploads[0]
            with tempfile.TemporaryDirectory(dir=here.workspace.root) as tmp:
                candidate = Path(tmp) / kind.template
                shutil.copyfile(upload.path, candidate)
                reports = check_templates(here.workspace, str(candidate), kind_name)
                problems = [f for r in reports for f in r.findings]
                if any(not r.ok for r in reports):
                    for finding in problems:
                        messages.error(
                            request, f"{upload.name}: {finding.where()} {finding.message}"
                        )
                    messages.error(request, "Templat belum dipakai; perbaiki lalu unggah lagi.")
                    return redirect("zi_web:templat", ws=here.key)
                target = here.workspace.templates_dir / kind.template
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(candidate, target)
    except UploadProblem as problem:
        messages.error(request, str(problem))
        return redirect("zi_web:templat", ws=here.key)
    except ZiError as err:
        return library_error(request, err)
    record(request, here.key, "templat", f"{kind_name}: {upload.name}")
    messages.success(request, f"Templat {kind.title} milik unit dipakai mulai sekarang.")
    return redirect("zi_web:templat", ws=here.key)
