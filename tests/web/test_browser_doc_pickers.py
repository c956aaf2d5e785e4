"""In a real browser, a name picked from the staff list fills the empty NIP and jabatan
beside it and leaves a filled one as typed."""

from __future__ import annotations

from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .browser import chromium, log_in, needs_browser
from .conftest import KEY, PASSWORD

pytestmark = needs_browser


@pytest.fixture(autouse=True)
def _quick_hashes(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_a_picked_name_fills_its_empty_nip_and_jabatan(
    live_server: Any, site: Any, accounts: dict[str, Any]
) -> None:
    with chromium() as driver:
        log_in(driver, str(live_server.url), "ketua", PASSWORD)
        driver.get(f"{live_server.url}/u/{KEY}/dokumen/isian/sk-tim/sk-tim/")
        field = {
            n: driver.find_element(By.CSS_SELECTOR, f"[name='tim.ketua.{n}']")
            for n in ("nama", "nip", "jabatan")
        }
        field["nip"].clear()
        field["jabatan"].clear()
        field["jabatan"].send_keys("Ketua Tim")
        field["nama"].clear()
        field["nama"].send_keys("Agus Salim, S.H., M.H.", Keys.TAB)
        assert field["nip"].get_attribute("value") == "19780610 200312 1 002"
        assert field["jabatan"].get_attribute("value") == "Ketua Tim"  # typed, kept
