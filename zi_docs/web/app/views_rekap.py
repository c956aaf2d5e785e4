"""Rekap: one table over every unit the account holds a role in (an Inspektorat's units),
with the same numbers as ``zi-docs rekap``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from zi_docs.angka import angka
from zi_docs.submission import SORT_KEYS, Rekap, RekapRow, build_rekap, cells, headers
from zi_docs.web.app.models import Grant
from zi_docs.web.app.workspace_cache import checked, kept_over
from zi_docs.web.setup import current_site


@login_required
def rekap(request: HttpRequest) -> HttpResponse:
    site = current_site()
    granted = Grant.objects.filter(user=request.user)
    keys = [g.workspace for g in granted if g.workspace in site.workspaces]
    sort = str(request.GET.get("urut", "total"))
    if sort not in SORT_KEYS:
        sort = "total"
    by_folder = {site.workspaces[key]: key for key in keys}
    today = dt.date.today()

    def table() -> tuple[list[str], SafeString]:
        # each unit is checked again only when its files have changed (as its Beranda)
        made = build_rekap(list(by_folder), today, sort=sort, check=checked)
        return _headers(made), _body(made, by_folder)

    units = [site.workspace(key) for key in keys]
    header, body = kept_over(units, ("rekap", sort, today), table) if units else table()
    return render(
        request,
        "zi_web/rekap.html",
        {
            "headers": header,
            "baris": body,
            "ada": bool(keys),
            "urut": sort,
            "pilihan_urut": SORT_KEYS,
        },
    )


VERDICT = "Menuju WBK"
"""The ``zi-docs rekap`` column (passes under both readings) the page splits in two."""
READINGS = ("gabungan", "terpisah")


def _headers(table: Rekap) -> list[str]:
    """The ``zi-docs rekap`` headers with Menuju WBK under each reading of the per-area rule,
    as the Beranda shows it."""
    shown = []
    for header in headers(table):
        if header == VERDICT:
            shown += [f"{VERDICT} (tafsir {reading})" for reading in READINGS]
        else:
            shown.append(header)
    return shown


def _verdicts(row: RekapRow) -> list[str]:
    by_reading = dict(row.wbk_by_reading)
    if row.error is not None or not by_reading:
        return ["—"] * len(READINGS)
    return ["memenuhi" if by_reading.get(r) else "belum memenuhi" for r in READINGS]


def _body(table: Rekap, by_folder: dict[Path, str]) -> SafeString:
    """The table's rows as HTML, every cell escaped (built here: a template loop over 50 units
    and their cells was a third of the page's time)."""
    placeholder = "unit-placeholder"
    unit_page = reverse("zi_web:beranda", kwargs={"ws": placeholder})
    rows = []
    for row in table.rows:
        shown = [
            angka(value) if isinstance(value, float) else ("—" if value is None else str(value))
            for value in cells(table, row)
        ]
        at = headers(table).index(VERDICT)
        shown[at : at + 1] = _verdicts(row)
        key = by_folder.get(row.folder)
        first = (
            format_html('<a href="{}">{}</a>', unit_page.replace(placeholder, key), shown[0])
            if key and shown
            else shown[0]
        )
        tds = format_html_join("", "<td>{}</td>", ((c,) for c in [first, *shown[1:]]))
        rows.append(format_html("<tr>{}</tr>", tds))
    return format_html_join("", "{}", ((r,) for r in rows))


rekap.zi_rule = "akun-sendiri"  # type: ignore[attr-defined]
