"""The Arsip page's search honours its two checkboxes: untagged only, and the trash."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from zi_docs.evidence import add_files, remove
from zi_docs.workspace import Workspace

from .conftest import KEY


@pytest.mark.django_db
def test_search_with_untagged_or_trash_ticked(
    login: Any, workspace: Workspace, stored: dict[str, str], tmp_path: Any
) -> None:
    loose = tmp_path / "masuk" / "Catatan rapat lepas.txt"
    loose.write_text("Catatan rapat tim kerja yang belum dipilah", encoding="utf-8")
    add_files(workspace, [loose])
    remove(workspace, [stored["mp"]])  # "Undangan rapat pembentukan tim" goes to the trash
    client = login("pengamat")
    url = reverse("zi_web:arsip", kwargs={"ws": KEY})

    def titles(**ticked: str) -> str:
        page = client.get(url, {"q": "rapat", **ticked})
        assert page.status_code == 200
        return str(page.content.decode())

    everything = titles()
    assert "Catatan rapat lepas" in everything and "Undangan rapat" not in everything
    untagged = titles(belum_ditandai="1")
    assert "Catatan rapat lepas" in untagged and "hanya berkas yang belum ditandai" in untagged
    trash = titles(sampah="1")
    assert "Undangan rapat pembentukan tim" in trash and "Catatan rapat lepas" not in trash
    assert "<mark>rapat</mark>" in trash
    assert "Tidak ada yang cocok" in titles(sampah="1", belum_ditandai="1")


@pytest.mark.django_db
def test_a_search_shows_a_first_page_of_hits_and_more_on_request(
    login: Any, workspace: Workspace, tmp_path: Any
) -> None:
    folder = tmp_path / "banyak"
    folder.mkdir()
    for number in range(30):
        (folder / f"notulen-{number:02d}.txt").write_text(
            f"Notulen evaluasi nomor {number}", encoding="utf-8"
        )
    add_files(workspace, sorted(folder.iterdir()))
    client = login("pengamat")
    url = reverse("zi_web:arsip", kwargs={"ws": KEY})
    first = client.get(url, {"q": "notulen"}).content.decode()
    assert first.count('class="potongan"') == 25 and "25 hasil pertama" in first
    assert 'id="lebih-banyak"' in first and "banyak=50" in first
    more = client.get(url, {"q": "notulen", "banyak": "50"}).content.decode()
    assert more.count('class="potongan"') == 30 and 'id="lebih-banyak"' not in more
    assert client.get(url, {"q": "notulen", "banyak": "x"}).status_code == 200
