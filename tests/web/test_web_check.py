"""Periksa, the Word report, the evaluator bundle and verifying a received bundle."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .conftest import KEY


@pytest.mark.django_db
def test_check_page_with_area_drill_down(login: Any, stored: dict[str, str]) -> None:
    client = login("pengamat")
    url = reverse("zi_web:periksa", kwargs={"ws": KEY})
    whole = client.get(url).content.decode()
    assert "Manajemen Perubahan" in whole and "Prasyarat pengajuan" in whole
    drilled = client.get(url, {"area": "MP"}).content.decode()
    table = drilled.split('id="tabel-periksa"')[1].split("</table>")[0]
    assert "Penyusunan Tim Kerja" in table and "Penguatan Pengawasan" not in table
    unknown = client.get(url, {"area": "XX"}, follow=True).content.decode()
    assert "tidak dikenal" in unknown


@pytest.mark.django_db
def test_word_report_downloads(login: Any, stored: dict[str, str]) -> None:
    response = login("penilai").get(reverse("zi_web:laporan_word", kwargs={"ws": KEY}))
    body = b"".join(response.streaming_content)
    assert response.status_code == 200 and body[:2] == b"PK"
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(body)).namelist()


@pytest.mark.django_db
def test_export_then_verify_a_good_and_a_damaged_bundle(login: Any, stored: dict[str, str]) -> None:
    client = login("penilai")
    response = client.post(reverse("zi_web:ekspor", kwargs={"ws": KEY}))
    bundle = b"".join(response.streaming_content)
    assert response.status_code == 200 and bundle[:2] == b"PK"
    verify = reverse("zi_web:verifikasi", kwargs={"ws": KEY})
    good = client.post(verify, {"bundel": SimpleUploadedFile("bundel.zip", bundle)})
    assert "Bundel utuh" in good.content.decode()
    source = zipfile.ZipFile(io.BytesIO(bundle))
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".txt") and "/data/" in info.filename:
                data += b" diubah"
            out.writestr(info, data)
    bad = client.post(verify, {"bundel": SimpleUploadedFile("bundel.zip", damaged.getvalue())})
    assert "Bundel bermasalah" in bad.content.decode()
    assert "berubah" in bad.content.decode()
