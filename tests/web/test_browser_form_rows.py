"""The repeated groups of a document form in a real browser: on the SK Tim form a member row is
added ("Tambah baris"), moved ("naik", "turun") and removed ("hapus"); saving writes the
input YAML with the members in the order the page shows them."""

from __future__ import annotations

from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from zi_docs.workspace import Workspace
from zi_docs.yamlio import load_yaml

from .browser import chromium, log_in, needs_browser, submit
from .conftest import KEY, PASSWORD

pytestmark = needs_browser

MEMBERS = "fieldset[data-daftar$='anggota']"
"""The first Pokja's member list (Manajemen Perubahan: Rina Marlina, Yusuf Hidayat)."""
NEW = "Budi Santoso, S.E."


@pytest.fixture(autouse=True)
def _quick_hashes(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _rows(driver: Any) -> list[WebElement]:
    members = driver.find_element(By.CSS_SELECTOR, MEMBERS)
    return list(members.find_elements(By.CSS_SELECTOR, ":scope > .baris-baris > .baris"))


def _name(row: WebElement) -> str:
    return str(row.find_element(By.CSS_SELECTOR, "input[name$='.nama']").get_attribute("value"))


def _names(driver: Any) -> list[str]:
    return [_name(row) for row in _rows(driver)]


def _click(row: WebElement, button: str) -> None:
    row.find_element(By.CSS_SELECTOR, f":scope > .alat-baris > button[data-{button}]").click()


def _fill(row: WebElement, field: str, value: str) -> None:
    box = row.find_element(By.CSS_SELECTOR, f"input[name$='.{field}']")
    box.clear()
    box.send_keys(value)


def test_member_rows_added_moved_and_removed_are_saved_in_that_order(
    live_server: Any, site: Any, accounts: dict[str, Any], workspace: Workspace
) -> None:
    base = str(live_server.url)
    with chromium() as driver:
        log_in(driver, base, "ketua", PASSWORD)
        driver.get(f"{base}/u/{KEY}/dokumen/isian/sk-tim/sk-tim/")
        assert _names(driver) == ["Rina Marlina, S.Kom.", "Yusuf Hidayat"]

        members = driver.find_element(By.CSS_SELECTOR, MEMBERS)
        members.find_element(By.CSS_SELECTOR, ":scope > button[data-tambah]").click()
        added = _rows(driver)[-1]
        _fill(added, "nama", NEW)
        _fill(added, "nip", "-")
        _fill(added, "jabatan", "Analis Kebijakan")
        assert _names(driver) == ["Rina Marlina, S.Kom.", "Yusuf Hidayat", NEW]

        _click(added, "naik")
        assert _names(driver) == ["Rina Marlina, S.Kom.", NEW, "Yusuf Hidayat"]
        _click(_rows(driver)[0], "turun")
        assert _names(driver) == [NEW, "Rina Marlina, S.Kom.", "Yusuf Hidayat"]
        _click(_rows(driver)[2], "hapus")
        assert _names(driver) == [NEW, "Rina Marlina, S.Kom."]

        submit(driver, driver.find_element(By.CSS_SELECTOR, "button[name=aksi][value=simpan]"))
        assert _names(driver) == [NEW, "Rina Marlina, S.Kom."]  # the saved form shown again

    saved = load_yaml(workspace.inputs_dir / "sk-tim.yaml").data
    first = saved["tim"]["pokja"][0]
    assert first["area"] == "Manajemen Perubahan"
    assert [m["nama"] for m in first["anggota"]] == [NEW, "Rina Marlina, S.Kom."]
    assert first["anggota"][0]["jabatan"] == "Analis Kebijakan"
    assert [p["area"] for p in saved["tim"]["pokja"]][1] == "Penataan Tata Laksana"
