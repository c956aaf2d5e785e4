"""A page the account may only read says why and whom to ask, instead of silently showing no
form."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from .conftest import KEY


def _page(login: Any, who: str, indicator: str) -> str:
    url = reverse("zi_web:indikator", kwargs={"ws": KEY, "indikator": indicator})
    return str(login(who).get(url).content.decode())


def _reason(page: str, section: str) -> str:
    return page.split(f'id="alasan-{section}">')[1].split("</p>")[0]


@pytest.mark.django_db
def test_koordinator_on_another_area_is_told_who_answers(login: Any, workspace: Any) -> None:
    page = _page(login, "koor_mp", "A.I.5.i.a")  # a PW indicator
    assert "Simpan jawaban" not in page
    pw = workspace.catalogue.areas["PW"]
    mp = workspace.catalogue.areas["MP"]
    reason = _reason(page, "jawab")
    assert reason.startswith(
        f"Anda dapat membaca indikator ini; jawaban diisi oleh koordinator pokja area {pw} "
        "atau ketua tim / pimpinan."
    )
    assert f"Akun Anda (Koordinator Pokja) mengisi area {mp}." in reason
    assert _reason(page, "unggah").startswith(
        f"Anda dapat membaca indikator ini; data dukung diunggah dan ditandai oleh "
        f"koordinator pokja area {pw}, anggota pokja area {pw} atau ketua tim / pimpinan."
    )


@pytest.mark.django_db
def test_pengamat_is_told_the_page_is_read_only_by_role(login: Any) -> None:
    page = _page(login, "pengamat", "A.I.1.i.a")
    assert "Simpan jawaban" not in page and 'name="berkas"' not in page
    assert "Peran Anda (Pengamat) tidak mengubah bagian ini." in _reason(page, "jawab")
    assert "Peran Anda (Pengamat) tidak mengubah bagian ini." in _reason(page, "unggah")


@pytest.mark.django_db
def test_an_account_that_may_write_sees_the_form_and_no_reason(login: Any) -> None:
    page = _page(login, "koor_mp", "A.I.1.i.a")
    assert "Simpan jawaban" in page
    assert 'id="alasan-jawab"' not in page and 'id="alasan-unggah"' not in page
