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
from zi_docs.submission import SORT_KEYS, Rekap, build_rekap, cells, headers
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
        return headers(made), _body(made, by_folder)

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
