"""The evaluators in a real browser: a penilai records a note, the koordinator answers it, the
LHE is generated; and every Evaluasi / Tindak lanjut page at desktop (1280) and phone width
(screenshots kept in ``ZI_DOCS_WEB_SCREENSHOTS`` when set)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions

from zi_docs.evaluation import (
    add_items,
    load_layer,
    open_round,
    read_layer_entry,
    save_layer_entry,
)
from zi_docs.workspace import Workspace

from .browser import PHONE, chromium, emulate, log_in, needs_browser, submit, text_of, wait
from .conftest import KEY, PASSWORD
from .test_browser_pages import _check

pytestmark = needs_browser

DESKTOP_1280 = (1280, 900)
LAYER = "tpi-unit"
QUESTION = "A.I.1.ii.b"  # area MP, no note in the example layer


@pytest.fixture(autouse=True)
def _quick_hashes(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def base(live_server: Any, site: Any, accounts: dict[str, Any]) -> str:
    return str(live_server.url)


def _log_out(driver: Any) -> None:
    submit(driver, driver.find_element(By.CSS_SELECTOR, "header .akun button"))


def test_penilai_notes_koordinator_answers_lhe_is_generated(
    base: str, workspace: Workspace
) -> None:
    page = f"{base}/u/{KEY}/evaluasi/lapis/{LAYER}/{QUESTION}/"
    with chromium() as driver:
        log_in(driver, base, "penilai", PASSWORD)
        driver.get(page)
        assert not driver.find_elements(By.ID, "form-tanggapi")
        driver.find_element(By.CSS_SELECTOR, "#form-catat input[name=jawaban][value='B']").click()
        driver.find_element(By.ID, "catatan").send_keys("Notulen rapat evaluasi belum dilampirkan.")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "#form-catat button[type=submit]"))
        assert "disimpan" in text_of(driver, ".pesan")
        assert "Notulen rapat evaluasi" in text_of(driver, "#catatan .catatan-penilai")
        _log_out(driver)

        log_in(driver, base, "koor_mp", PASSWORD)
        driver.get(f"{base}/u/{KEY}/lke/{QUESTION}/")  # the unit's own indicator page
        assert "Notulen rapat evaluasi" in text_of(driver, "#catatan-penilai")
        submit_link = driver.find_element(By.CSS_SELECTOR, "#catatan-penilai a.tombol")
        page_before = driver.find_element(By.TAG_NAME, "html")
        submit_link.click()
        wait(driver).until(expected_conditions.staleness_of(page_before))
        assert driver.current_url == page
        assert not driver.find_elements(By.ID, "form-catat")
        driver.find_element(By.ID, "tanggapan").send_keys("Notulen sudah diunggah ke arsip.")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "#form-tanggapi button[type=submit]"))
        assert "Notulen sudah diunggah" in text_of(driver, ".tanggapan-unit")
        _log_out(driver)

        log_in(driver, base, "penilai", PASSWORD)
        driver.get(f"{base}/u/{KEY}/evaluasi/lapis/{LAYER}/lhe/")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "#isian-lhe button[type=submit]"))
        assert "LHE lapis" in text_of(driver, ".pesan")
        link = driver.find_element(By.CSS_SELECTOR, "#hasil-lhe a")
        assert link.text == "lhe-tpi-unit.docx"
    layer = load_layer(workspace, LAYER)
    assert layer.notes(QUESTION)[-1][2] == "Notulen sudah diunggah ke arsip."
    assert (workspace.out_dir / "dokumen" / "lhe-tpi-unit.docx").is_file()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    named = os.environ.get("ZI_DOCS_WEB_SCREENSHOTS", "").strip()
    folder = Path(named) if named else tmp_path / "halaman"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _widths(driver: Any, name: str, folder: Path) -> list[str]:
    problems = _check(driver, name, DESKTOP_1280, phone=False, folder=folder)
    problems += _check(driver, name, PHONE, phone=True, folder=folder)
    emulate(driver, DESKTOP_1280, mobile=False)
    return problems


def test_every_evaluation_page_at_desktop_and_phone_width(
    base: str, workspace: Workspace, stored: dict[str, str], shots: Path
) -> None:
    [late, _open] = add_items(
        workspace,
        [
            {
                "uraian": "Tetapkan kriteria seleksi anggota Tim Kerja dengan SK revisi",
                "sumber": "catatan",
                "asal": "lapis tpi-unit putaran 1",
                "indikator": "A.I.1.i.b",
                "pemilik": "Pokja Manajemen Perubahan",
                "batas_waktu": dt.date.today() - dt.timedelta(days=10),
            },
            {
                "uraian": "Lengkapi berita acara evaluasi seluruh SOP",
                "sumber": "catatan",
                "indikator": "A.I.2.i.c",
                "pemilik": "Pokja Penataan Tatalaksana",
                "batas_waktu": dt.date.today() + dt.timedelta(days=20),
            },
        ],
    )
    ws = f"{base}/u/{KEY}"
    lapis = f"{ws}/evaluasi/lapis/{LAYER}"
    problems: list[str] = []
    with chromium() as driver:
        log_in(driver, base, "penilai", PASSWORD)
        pages = {
            "evaluasi": f"{ws}/evaluasi/",
            "banding": f"{ws}/evaluasi/banding/",
            "lapis": f"{lapis}/",
            "lapis-indikator-penilai": f"{lapis}/A.I.1.i.b/",
            "lhe": f"{lapis}/lhe/",
        }
        for name, address in pages.items():
            driver.get(address)
            problems += _widths(driver, name, shots)
        # a new layer from the Buka putaran form, and its LHE page before any LHE input
        driver.get(f"{ws}/evaluasi/")
        field = driver.find_element(By.ID, "lapis")
        field.clear()
        field.send_keys("inspektorat")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "#form-putaran button[type=submit]"))
        assert driver.current_url.endswith("/evaluasi/lapis/inspektorat/")
        problems += _widths(driver, "lapis-baru", shots)
        driver.get(f"{ws}/evaluasi/lapis/inspektorat/lhe/")
        problems += _widths(driver, "lhe-tanpa-isian", shots)
        # someone else saves first: this browser's form is stale
        driver.get(f"{lapis}/A.I.2.i.c/")
        shown = read_layer_entry(workspace, LAYER, "A.I.2.i.c")
        save_layer_entry(
            workspace,
            LAYER,
            "A.I.2.i.c",
            answer="C",
            note="Berita acara evaluasi 31 SOP sudah dilihat.",
            expected_version=shown.version,
            date=dt.date.today(),
            evaluator="lain",
        )
        driver.find_element(By.CSS_SELECTOR, "#form-catat input[value='B']").click()
        submit(driver, driver.find_element(By.CSS_SELECTOR, "#form-catat button[type=submit]"))
        assert driver.find_elements(By.ID, "pesan-basi")
        problems += _widths(driver, "lapis-indikator-basi", shots)
        open_round(workspace, LAYER, date=dt.date.today(), evaluator="Tim TPI putaran 2")
        second = read_layer_entry(workspace, LAYER, "A.I.1.i.b")
        save_layer_entry(
            workspace,
            LAYER,
            "A.I.1.i.b",
            answer="B",
            note="Kriteria seleksi sudah ditetapkan; lampirkan SK revisinya.",
            expected_version=second.version,
            date=dt.date.today(),
            evaluator=None,
        )
        driver.get(f"{lapis}/putaran/2/")
        problems += _widths(driver, "perubahan", shots)
        _log_out(driver)

        log_in(driver, base, "ketua", PASSWORD)
        pages = {
            "beranda-terlambat": f"{ws}/",
            "indikator-unit-catatan": f"{ws}/lke/A.I.1.i.b/",
            "lapis-indikator-ketua": f"{lapis}/A.I.1.i.b/",
            "tindak-lanjut": f"{ws}/tindak-lanjut/",
            "tindak-lanjut-butir": f"{ws}/tindak-lanjut/{late}/",
        }
        for name, address in pages.items():
            driver.get(address)
            problems += _widths(driver, name, shots)
        assert driver.find_elements(By.ID, "form-butir")
    assert problems == []
