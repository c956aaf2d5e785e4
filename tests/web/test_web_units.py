"""Many units on one server: roles per workspace, the rekap of the units granted, no others."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse

from zi_docs.submission import build_rekap
from zi_docs.web.app.models import Grant
from zi_docs.web.site import Site
from zi_docs.workspace import init_workspace

from .conftest import PASSWORD


@pytest.fixture
def three_units(tmp_path: Path) -> Any:
    roots = {}
    for key in ("satu", "dua", "tiga"):
        roots[key] = init_workspace(tmp_path / key).workspace.root
    site = Site(state=tmp_path / "state", workspaces=roots)
    (tmp_path / "state").mkdir()
    with override_settings(ZI_SITE=site):
        yield roots


@pytest.mark.django_db
def test_an_inspektorat_account_sees_the_rekap_of_its_units_only(three_units: Any) -> None:
    user = get_user_model().objects.create_user("itda", password=PASSWORD)
    for key in ("satu", "dua"):
        Grant.objects.create(user=user, workspace=key, role="penilai")
    client = Client()
    client.force_login(user)
    page = client.get(reverse("zi_web:rekap")).content.decode()
    assert page.count('href="/u/satu/"') == 1 and page.count('href="/u/dua/"') == 1
    assert "/u/tiga/" not in page
    expected = build_rekap(
        [three_units["satu"], three_units["dua"]], __import__("datetime").date.today()
    )
    from zi_docs.angka import angka

    assert angka(expected.rows[0].total) in page
    assert client.get(reverse("zi_web:beranda", kwargs={"ws": "satu"})).status_code == 200
    assert client.get(reverse("zi_web:beranda", kwargs={"ws": "tiga"})).status_code == 403
    chooser = client.get(reverse("zi_web:awal")).content.decode()
    assert "/u/satu/" in chooser and "/u/dua/" in chooser and "/u/tiga/" not in chooser


@pytest.mark.django_db
def test_rekap_shows_menuju_wbk_under_both_readings_as_the_beranda(
    login: Any, workspace: Any
) -> None:
    """The Rekap says which reading of the per-area rule each verdict uses, with the same
    verdicts as the unit's Beranda and ``zi-docs rekap`` (which passes a unit only under both)."""
    import datetime as dt

    from .conftest import KEY

    client = login("ketua")
    page = client.get(reverse("zi_web:rekap")).content.decode()
    head = page.split('id="tabel-rekap"')[1].split("</thead>")[0]
    assert "<th>Menuju WBK (tafsir gabungan)</th><th>Menuju WBK (tafsir terpisah)</th>" in head
    row = build_rekap([workspace.root], dt.date.today()).rows[0]
    words = {True: "memenuhi", False: "belum memenuhi"}
    readings = dict(row.wbk_by_reading)
    assert set(readings) == {"gabungan", "terpisah"}
    assert row.wbk == all(readings.values())
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    expected = f"<td>{words[readings['gabungan']]}</td><td>{words[readings['terpisah']]}</td>"
    assert expected in body
    beranda = client.get(reverse("zi_web:beranda", kwargs={"ws": KEY})).content.decode()
    verdicts = beranda.split('id="tabel-predikat"')[1].split("</tr>")[1]
    shown = re.findall(r'<td class="[a-z]+">([a-z ]+)</td>', verdicts)
    assert shown == [words[readings["gabungan"]], words[readings["terpisah"]]]
    assert "tafsir gabungan menilai" in page
