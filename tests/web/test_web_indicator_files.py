"""Files uploaded to an indicator without a checklist item stay visible on its page."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .conftest import KEY

MP_QUESTION = "A.I.1.i.b"


def _block(page: str) -> str:
    return page.split('id="berkas-tanpa-butir"')[1].split("</ul>")[0]


@pytest.mark.django_db
def test_uploads_without_an_item_are_listed_on_the_indicator_page(login: Any) -> None:
    client = login("koor_mp")
    page_url = reverse("zi_web:indikator", kwargs={"ws": KEY, "indikator": MP_QUESTION})
    before = client.get(page_url).content.decode()
    assert "Data dukung lain untuk indikator ini" in before
    assert "belum ada" in _block(before)
    response = client.post(
        reverse("zi_web:unggah", kwargs={"ws": KEY, "indikator": MP_QUESTION}),
        {
            "berkas": [
                SimpleUploadedFile("Notula rapat tim.txt", b"Notula rapat pembentukan tim"),
                SimpleUploadedFile("Daftar hadir tim.csv", b"nama,unsur\nAni,Sekretariat\n"),
            ],
            "butir": "",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "2 berkas disimpan" in page
    listed = _block(page)
    assert "Notula rapat tim" in listed and "Daftar hadir tim" in listed
    assert listed.count("<li>") == 2
