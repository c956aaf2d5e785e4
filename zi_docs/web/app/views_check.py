"""Periksa dan ekspor: the completeness check with the area drill-down, the gates and the
deadline, the Word report, the evaluator bundle for download, and verifying a received bundle."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone

from zi_docs.documents import all_kinds
from zi_docs.errors import ZiError
from zi_docs.submission import (
    SYMBOL,
    export_bundle,
    finding_in_area,
    verify_bag,
    write_check_docx,
)
from zi_docs.web.app.access import rule
from zi_docs.web.app.activity import record
from zi_docs.web.app.check_words import GROUPS, grouped
from zi_docs.web.app.uploads_store import UploadProblem, saved_uploads
from zi_docs.web.app.views_home import library_error
from zi_docs.web.app.workspace_cache import checked

WEB_OUT = "web"
"""Folder under the workspace's ``out/`` where the web app writes reports and bundles."""


def _out_dir(request: HttpRequest) -> Path:
    here = request.zi  # type: ignore[attr-defined]
    folder: Path = here.workspace.out_dir / WEB_OUT
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _stamp() -> str:
    return timezone.localtime().strftime("%Y%m%d-%H%M%S-%f")


@rule("baca")
def periksa(request: HttpRequest) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    area = str(request.GET.get("area", "")).strip().upper() or None
    try:
        result = checked(here.workspace)
    except ZiError as err:
        return library_error(request, err)
    catalogue = result.report.catalogue
    if area is not None and area not in catalogue.areas:
        messages.error(request, f"Area '{area}' tidak dikenal; semua area ditampilkan.")
        area = None
    groups = [
        g
        for g in result.rollup.groups
        if g.level in ("area", "sub")
        and (area is None or g.area == area)
        and (area is not None or g.level == "area")
    ]
    findings = [f for f in result.findings if area is None or finding_in_area(result, f, area)]
    gates = [{"g": gate, "tanda": SYMBOL[gate.state]} for gate in result.gates.results]
    context = {
        "area": area,
        "areas": catalogue.areas,
        "groups": groups,
        "jumlah_temuan": len(findings),
        "kelompok": grouped(findings, here.key, catalogue, all_kinds(), gates=result.gates.results),
        "gerbang": gates,
        "gerbang_saran": "" if result.gates.all_met else GROUPS["prasyarat"][1],
        "batas": result.gates.deadline,
        "sisa_hari": result.gates.days_left,
        "lengkap": result.completeness.complete_count,
        "pertanyaan": len(result.completeness.indicators),
    }
    return render(request, "zi_web/periksa.html", context)


@rule("baca")
def laporan_word(request: HttpRequest) -> HttpResponseBase:
    """The Laporan Kelengkapan Data Dukung (``check --docx``) for download."""
    here = request.zi  # type: ignore[attr-defined]
    try:
        result = checked(here.workspace)
        path = write_check_docx(
            result, _out_dir(request) / f"laporan-kelengkapan-{_stamp()}.docx", dt.date.today()
        )
    except ZiError as err:
        return library_error(request, err)
    return FileResponse(open(path, "rb"), as_attachment=True, filename="laporan-kelengkapan.docx")


@rule("baca")
def ekspor(request: HttpRequest) -> HttpResponseBase:
    """Build the evaluator bundle (BagIt, zip) and send it."""
    here = request.zi  # type: ignore[attr-defined]
    if request.method != "POST":
        return redirect("zi_web:periksa", ws=here.key)
    target = _out_dir(request) / f"bundel-{_stamp()}.zip"
    try:
        result = export_bundle(
            here.workspace,
            target,
            now=dt.datetime.now(),
            link=False,
            make_zip=True,
            keep_folder=False,
        )
    except ZiError as err:
        return library_error(request, err)
    record(request, here.key, "ekspor", f"{result.unique_files} berkas bukti")
    assert result.zip is not None
    return FileResponse(open(result.zip, "rb"), as_attachment=True, filename="bundel-penilai.zip")


@rule("baca")
def verifikasi(request: HttpRequest) -> HttpResponse:
    """Check a received bundle (.zip) for missing, altered and unexpected files."""
    here = request.zi  # type: ignore[attr-defined]
    context: dict[str, object] = {}
    if request.method == "POST":
        try:
            with saved_uploads(request, "bundel") as uploads:
                upload = uploads[0]
                if not upload.name.lower().endswith(".zip"):
                    raise UploadProblem("Unggah bundel berupa berkas .zip hasil ekspor zi-docs.")
                with tempfile.TemporaryDirectory(dir=_out_dir(request)) as tmp:
                    copy = Path(tmp) / "bundel.zip"
                    copy.write_bytes(upload.path.read_bytes())
                    context["hasil"] = verify_bag(copy)
                    context["nama"] = upload.name
        except UploadProblem as problem:
            messages.error(request, str(problem))
        except ZiError as err:
            return library_error(request, err)
    context["ws"] = here.key
    return render(request, "zi_web/verifikasi.html", context)
