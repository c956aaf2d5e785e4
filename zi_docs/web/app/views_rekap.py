"""Rekap: one table over every unit the account holds a role in (an Inspektorat's units),
with the same numbers as ``zi-docs rekap``."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zi_docs.angka import angka
from zi_docs.submission import SORT_KEYS, build_rekap, cells, headers
from zi_docs.web.app.models import Grant
from zi_docs.web.app.workspace_cache import checked
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
    # each unit is checked again only when its files have changed (as its Beranda)
    table = build_rekap(list(by_folder), dt.date.today(), sort=sort, check=checked)
    rows = []
    for row in table.rows:
        shown = [
            angka(value) if isinstance(value, float) else ("—" if value is None else value)
            for value in cells(table, row)
        ]
        rows.append({"key": by_folder.get(row.folder), "cells": shown})
    return render(
        request,
        "zi_web/rekap.html",
        {"headers": headers(table), "rows": rows, "urut": sort, "pilihan_urut": SORT_KEYS},
    )


rekap.zi_rule = "akun-sendiri"  # type: ignore[attr-defined]
