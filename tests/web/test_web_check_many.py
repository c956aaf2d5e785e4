"""Periksa on a big archive: thousands of one warning are shown as a few and a count."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from zi_docs.evidence import add_files
from zi_docs.web.app.check_words import SHOWN_PER_GROUP
from zi_docs.workspace import Workspace

from .conftest import KEY


@pytest.mark.django_db
def test_many_findings_of_one_kind_are_cut_short_with_their_count(
    login: Any, workspace: Workspace, tmp_path: Any
) -> None:
    folder = tmp_path / "lama"
    folder.mkdir()
    extra = 7
    for number in range(SHOWN_PER_GROUP + extra):
        (folder / f"foto-lama-{number:02d}.txt").write_text(f"lama {number}", encoding="utf-8")
    add_files(
        workspace, sorted(folder.iterdir()), indicators=["A.I.1.i.a"], doc_date=dt.date(2019, 5, 1)
    )
    page = login("pengamat").get(reverse("zi_web:periksa", kwargs={"ws": KEY})).content.decode()
    group = page.split("Berkas bertanggal di luar periode penilaian")[1].split("</details>")[0]
    assert group.count('class="tingkat-') == SHOWN_PER_GROUP
    assert f'<span class="jumlah">{SHOWN_PER_GROUP + extra}</span>' in group
    assert f"dan {extra} temuan serupa lainnya; semuanya tercantum di laporan Word" in group
