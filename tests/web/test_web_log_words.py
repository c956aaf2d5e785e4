"""The Log page in words: newest first, verbs instead of action codes, sizes in KB/MB,
indicators with their names and items' titles, accounts by name and role."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from zi_docs.web.app.log_words import size_words
from zi_docs.web.app.models import Activity

from .conftest import KEY


@pytest.mark.django_db
def test_log_is_newest_first_and_in_words(
    login: Any, workspace: Any, stored: dict[str, str]
) -> None:
    from zi_docs.evidence import acting_as, tag

    with acting_as("web:koor_mp"):
        tag(workspace, stored["pw"], ["A.I.1.i.a"], item="undangan")
    Activity.objects.create(
        username="koor_mp", workspace=KEY, action="jawab", detail="A.I.1.i.a: Ya"
    )
    page = login("ketua").get(reverse("zi_web:log", kwargs={"ws": KEY})).content.decode()
    arsip = page.split('id="log-arsip"')[1].split("</table>")[0]
    web = page.split('id="log-web"')[1].split("</table>")[0]
    for raw in ("<td>tambah</td>", "bita", "#undangan", "web:koor_mp", "<td>tambah-tag</td>"):
        assert raw not in arsip, raw
    rows = arsip.split("<tr>")[2:]
    assert "menandai berkas ke indikator" in rows[0]
    assert "koor_mp (Koordinator Pokja MP)" in rows[0]
    assert "menambahkan berkas ke arsip" in rows[-1]
    assert "(lewat baris perintah)" in rows[-1]
    assert " KB, TXT)" in arsip
    node = workspace.catalogue.by_id["A.I.1.i.a"]
    item = node.checklist_item("undangan")
    assert f"A.I.1.i.a {node.name} — {item.description}" in rows[0]
    assert "menjawab pertanyaan LKE" in web
    assert "koor_mp (Koordinator Pokja MP)" in web


def test_sizes_are_in_kb_and_mb() -> None:
    assert size_words(16770) == "16,4 KB"
    assert size_words(147) == "0,1 KB"
    assert size_words(3 * 1024 * 1024) == "3,0 MB"


@pytest.mark.django_db
def test_beranda_shows_web_and_archive_activity_newest_first(
    login: Any, workspace: Any, stored: dict[str, str]
) -> None:
    """Files added outside the web (the archive log) show on the Beranda beside web activity."""
    page = login("pengamat").get(reverse("zi_web:beranda", kwargs={"ws": KEY})).content.decode()
    recent = page.split('id="kegiatan-terakhir"')[1].split("</ul>")[0]
    assert "Belum ada kegiatan" not in recent
    assert recent.count("menambahkan berkas ke arsip") == 2
    assert "foto-sosialisasi.png" in recent
    Activity.objects.create(
        username="koor_mp", workspace=KEY, action="jawab", detail="A.I.1.i.a: Ya"
    )
    page = login("pengamat").get(reverse("zi_web:beranda", kwargs={"ws": KEY})).content.decode()
    recent = page.split('id="kegiatan-terakhir"')[1].split("</ul>")[0]
    items = recent.split("<li>")[1:]
    assert "koor_mp (Koordinator Pokja MP) menjawab pertanyaan LKE" in items[0]
    assert "menambahkan berkas ke arsip" in items[1]
    assert "bita" not in recent


@pytest.mark.django_db
def test_beranda_without_any_activity_says_so(login: Any) -> None:
    page = login("pengamat").get(reverse("zi_web:beranda", kwargs={"ws": KEY})).content.decode()
    assert "Belum ada kegiatan." in page.split('id="kegiatan-terakhir"')[1].split("</ul>")[0]
