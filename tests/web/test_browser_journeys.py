"""What a team member does in a real browser: log in, answer, upload, be refused, collide.

Headless Chromium (Debian's package) through Selenium against the app served in-process by
pytest-django's ``live_server``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from zi_docs.assessment import read_answer
from zi_docs.evidence import list_files
from zi_docs.workspace import Workspace

from .browser import chromium, has, log_in, needs_browser, submit, text_of
from .conftest import KEY, PASSWORD

pytestmark = needs_browser

UNANSWERED_PW = "A.I.5.iv.c"  # no answer and no evidence in the example workspace (merah)
ANSWERED_PW = "A.I.5.i.a"
MP_UPLOAD = "A.I.1.i.a"
MP_SHARED = "A.I.1.i.b"  # ABC, area MP: both the ketua and the koordinator MP may answer it


@pytest.fixture(autouse=True)
def _quick_hashes(settings: Any) -> None:
    """Accounts are made per test; the slow production hasher would dominate the run."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def base(live_server: Any, site: Any, accounts: dict[str, Any]) -> str:
    return str(live_server.url)


def _number(text: str) -> float:
    return float(text.strip().replace(".", "").replace(",", "."))


def _indicator_url(base: str, indicator: str) -> str:
    return f"{base}/u/{KEY}/lke/{indicator}/"


def _choose(driver: Any, option: str) -> None:
    radio = f"form.jawab input[name=jawaban][value='{option}']"
    driver.find_element(By.CSS_SELECTOR, radio).click()


def _save_answer(driver: Any) -> None:
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.jawab button[type=submit]"))


def test_log_in_wrong_then_right_password_then_log_out(base: str) -> None:
    with chromium() as driver:
        log_in(driver, base, "ketua", "bukan-sandinya-2026")
        assert driver.current_url.endswith("/masuk/")
        assert "Nama pengguna atau sandi salah" in text_of(driver, ".galat")

        log_in(driver, base, "ketua", PASSWORD)
        assert driver.current_url == f"{base}/u/{KEY}/"
        assert driver.title.startswith("Beranda")
        assert "ketua" in text_of(driver, ".akun")
        assert _number(text_of(driver, "#nilai-total")) > 0

        submit(driver, driver.find_element(By.CSS_SELECTOR, "header .akun button"))
        driver.get(f"{base}/u/{KEY}/")
        assert "/masuk/" in driver.current_url


def test_answer_changes_the_light_and_the_score(base: str, workspace: Workspace) -> None:
    with chromium() as driver:
        log_in(driver, base, "ketua", PASSWORD)
        before = _number(text_of(driver, "#nilai-pengungkit"))

        driver.get(_indicator_url(base, UNANSWERED_PW))
        light = driver.find_element(By.ID, "lampu-indikator")
        assert "merah" in str(light.get_attribute("class"))
        _choose(driver, "A")
        _save_answer(driver)

        assert f"Jawaban {UNANSWERED_PW} disimpan." in text_of(driver, ".pesan")
        assert "kuning" in str(driver.find_element(By.ID, "lampu-indikator").get_attribute("class"))
        assert text_of(driver, "#jawaban-sekarang") == "A"
        assert read_answer(workspace, UNANSWERED_PW).option == "A"

        driver.get(f"{base}/u/{KEY}/")
        after = _number(text_of(driver, "#nilai-pengungkit"))
        assert after > before
        assert "ketua" in text_of(driver, "main") and UNANSWERED_PW in text_of(driver, "main")


def test_upload_two_files_then_find_them_in_the_archive(
    base: str, workspace: Workspace, tmp_path: Path
) -> None:
    first = tmp_path / "pilih" / "Notulen rapat kalibrasi.txt"
    second = tmp_path / "pilih" / "rekap-survei-internal.txt"
    first.parent.mkdir()
    first.write_text("Notulen rapat kalibrasi timbangan bersama tim", encoding="utf-8")
    second.write_text("Rekapitulasi survei internal integritas pegawai", encoding="utf-8")

    with chromium() as driver:
        log_in(driver, base, "koor_mp", PASSWORD)
        driver.get(_indicator_url(base, MP_UPLOAD))
        chooser = driver.find_element(By.CSS_SELECTOR, "form.unggah input[type=file]")
        chooser.send_keys(f"{first}\n{second}")
        items = Select(driver.find_element(By.ID, "butir"))
        item_key = str(items.options[1].get_attribute("value"))
        items.select_by_index(1)
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.unggah button[type=submit]"))

        assert f"2 berkas disimpan untuk {MP_UPLOAD}." in text_of(driver, ".pesan")
        stored = {f.name: f for f in list_files(workspace).files}
        assert set(stored) >= {first.name, second.name}
        assert all(
            (t.indicator, t.item) == (MP_UPLOAD, item_key)
            for name in (first.name, second.name)
            for t in stored[name].tags
        )

        driver.get(f"{base}/u/{KEY}/arsip/")
        listing = text_of(driver, "#daftar-berkas")
        assert first.name in listing and second.name in listing

        box = driver.find_element(By.CSS_SELECTOR, ".saringan input[name=q]")
        box.send_keys("kalibrasi")
        submit(driver, driver.find_element(By.CSS_SELECTOR, ".saringan button"))
        results = text_of(driver, ".hasil-cari")
        assert first.name in results and second.name not in results
        marked = [m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, ".hasil-cari mark")]
        assert "kalibrasi" in marked

        driver.find_element(By.LINK_TEXT, stored[first.name].title or first.name).click()
        assert first.name in text_of(driver, ".rincian")

        driver.get(f"{base}/u/{KEY}/log/")
        assert "koor_mp" in text_of(driver, "#log-arsip")
        assert "koor_mp" in text_of(driver, "#log-web")


def test_koordinator_mp_is_refused_on_a_pw_indicator(base: str, workspace: Workspace) -> None:
    before = read_answer(workspace, ANSWERED_PW)
    with chromium() as driver:
        log_in(driver, base, "koor_mp", PASSWORD)
        driver.get(_indicator_url(base, ANSWERED_PW))
        assert not has(driver, "form.jawab") and not has(driver, "form.unggah")
        assert before.option is not None and before.option in text_of(driver, "#jawaban-sekarang")

        # A hand-crafted request: the MP form, pointed at the PW indicator, with a valid token.
        driver.get(_indicator_url(base, MP_SHARED))
        assert has(driver, "form.jawab")
        driver.execute_script(
            "document.querySelector('form.jawab').action = arguments[0];",
            f"/u/{KEY}/lke/{ANSWERED_PW}/jawab/",
        )
        _choose(driver, "C")
        _save_answer(driver)

        assert driver.title.startswith("Ditolak")
        refusal = text_of(driver, "main")
        assert "hanya boleh mengubah indikator area Anda (MP)" in refusal
        assert "area PW" in refusal
    assert read_answer(workspace, ANSWERED_PW).version == before.version


def test_two_browsers_save_the_same_indicator_and_the_second_is_told(
    base: str, workspace: Workspace
) -> None:
    with chromium() as ketua, chromium() as koordinator:
        log_in(ketua, base, "ketua", PASSWORD)
        log_in(koordinator, base, "koor_mp", PASSWORD)
        ketua.get(_indicator_url(base, MP_SHARED))
        koordinator.get(_indicator_url(base, MP_SHARED))

        _choose(ketua, "A")
        _save_answer(ketua)
        assert f"Jawaban {MP_SHARED} disimpan." in text_of(ketua, ".pesan")

        _choose(koordinator, "C")
        koordinator.find_element(By.ID, "catatan").send_keys("catatan koordinator")
        _save_answer(koordinator)
        told = text_of(koordinator, "#pesan-basi")
        assert "Jawaban terbaru: A" in told
        assert read_answer(workspace, MP_SHARED).option == "A"

        # Having seen the newer value, the koordinator decides and saves again: now it holds.
        _choose(koordinator, "C")
        _save_answer(koordinator)
        assert f"Jawaban {MP_SHARED} disimpan." in text_of(koordinator, ".pesan")
        assert read_answer(workspace, MP_SHARED).option == "C"
