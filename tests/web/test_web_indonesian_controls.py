"""Controls the browser would word in English: file inputs get an Indonesian "Pilih berkas"
button, and ``/keluar/`` opened by GET gets an Indonesian page with the logout button."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from .conftest import KEY

MP_QUESTION = "A.I.1.i.b"


def _file_inputs(page: str) -> list[str]:
    return re.findall(r'<input type="file"[^>]*>', page)


@pytest.mark.django_db
def test_every_file_input_has_a_pilih_berkas_button(login: Any) -> None:
    client = login("ketua")
    pages = [
        reverse("zi_web:indikator", kwargs={"ws": KEY, "indikator": MP_QUESTION}),
        reverse("zi_web:templat", kwargs={"ws": KEY}),
    ]
    shown = {url: client.get(url).content.decode() for url in pages}
    for url, page in shown.items():
        inputs = _file_inputs(page)
        assert inputs, url
        for tag in inputs:
            assert 'class="tersembunyi"' in tag  # hidden visually, still focusable
            assert "hidden" not in tag.replace('class="tersembunyi"', "")
            ident = re.search(r'id="([^"]+)"', tag)
            assert ident is not None
            button = f'<label for="{ident[1]}" class="tombol-berkas">Pilih berkas</label>'
            assert button in page
            assert f'id="{ident[1]}-terpilih"' in page
    upload_form = shown[pages[0]].split("data-seret")[1].split("</form>")[0]
    assert 'type="file"' in upload_form and "multiple" in upload_form  # drag-and-drop kept


@pytest.mark.django_db
def test_keluar_by_get_shows_an_indonesian_page_and_post_logs_out(login: Any) -> None:
    client = login("ketua", csrf=True)
    response = client.get(reverse("zi_web:keluar"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Keluar sekarang" in page and 'method="post"' in page
    assert "csrfmiddlewaretoken" in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    assert client.get(reverse("zi_web:ganti_sandi")).status_code == 200  # still logged in
    done = client.post(reverse("zi_web:keluar"), {"csrfmiddlewaretoken": token[1]})
    assert done.status_code == 302
    again = client.get(reverse("zi_web:ganti_sandi"))
    assert again.status_code == 302 and reverse("zi_web:masuk") in again["Location"]
