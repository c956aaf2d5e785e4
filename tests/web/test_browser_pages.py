"""Every page in a real browser at desktop and phone width: styled, not blank, and never
wider than a phone's screen. The screenshots are kept for a person to look at
(``ZI_DOCS_WEB_SCREENSHOTS=folder``; otherwise in the test's temporary folder)."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from typing import Any

import pytest
from pdfmake import make_pdf
from PIL import Image, ImageStat
from selenium.webdriver.common.by import By

from zi_docs.assessment import read_answer, save_answer
from zi_docs.evidence import add_files
from zi_docs.web.accounts import setup_token
from zi_docs.workspace import Workspace

from .browser import (
    DESKTOP,
    PHONE,
    chromium,
    emulate,
    full_page_png,
    log_in,
    needs_browser,
    page_metrics,
    submit,
)
from .conftest import KEY, PASSWORD

pytestmark = needs_browser

HEADER_BLUE = "rgb(29, 78, 137)"  # --biru of gaya.css: the style sheet was applied
MAX_SHOT_HEIGHT = 4000
STALE_QUESTION = "A.I.1.i.b"
PDF_VIEWER_SECONDS = 2.0


@pytest.fixture(autouse=True)
def _quick_hashes(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    named = os.environ.get("ZI_DOCS_WEB_SCREENSHOTS", "").strip()
    folder = Path(named) if named else tmp_path / "halaman"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def pdf_sha(workspace: Workspace, tmp_path: Path) -> str:
    pdf = tmp_path / "masuk" / "SK Tim Kerja Pembangunan ZI.pdf"
    pdf.parent.mkdir(exist_ok=True)
    pdf.write_bytes(make_pdf(["KEPUTUSAN KEPALA DINAS\nNomor: 800/123/2026\nTentang Tim Kerja ZI"]))
    return add_files(workspace, [pdf], indicators=["A.I.1.i.a"], item="sk-tim").outcomes[0].sha256


def _check(
    driver: Any, name: str, size: tuple[int, int], *, phone: bool, folder: Path
) -> list[str]:
    """Lay the current page out at ``size``, save its screenshot, and say what is wrong."""
    emulate(driver, size, mobile=phone)
    driver.execute_script("window.scrollTo(0, 0)")
    metrics = page_metrics(driver)
    height = min(max(int(metrics["scrollHeight"]), size[1]), MAX_SHOT_HEIGHT)
    png = full_page_png(driver, size[0], height)
    label = f"{name}-{'ponsel' if phone else 'desktop'}"
    (folder / f"{label}.png").write_bytes(png)
    image = Image.open(io.BytesIO(png)).convert("L")
    problems = []
    colours = image.getcolors(maxcolors=1 << 16)
    if ImageStat.Stat(image).stddev[0] < 10 or (colours is not None and len(colours) < 16):
        problems.append(f"{label}: gambar kosong")
    if metrics["text"] < 20:
        problems.append(f"{label}: hampir tanpa teks ({metrics['text']} huruf)")
    if metrics["header"] != HEADER_BLUE:
        problems.append(f"{label}: gaya.css tidak terpakai (kepala {metrics['header']})")
    if metrics["scrollWidth"] > metrics["width"]:
        problems.append(
            f"{label}: bergulir mendatar ({metrics['scrollWidth']} > {metrics['width']})"
        )
    return problems


def _both_widths(driver: Any, name: str, folder: Path) -> list[str]:
    problems = _check(driver, name, DESKTOP, phone=False, folder=folder)
    problems += _check(driver, name, PHONE, phone=True, folder=folder)
    emulate(driver, DESKTOP, mobile=False)
    return problems


def test_every_page_at_desktop_and_phone_width(
    live_server: Any,
    site: Any,
    accounts: dict[str, Any],
    stored: dict[str, str],
    pdf_sha: str,
    workspace: Workspace,
    shots: Path,
) -> None:
    base = str(live_server.url)
    ws = f"{base}/u/{KEY}"
    problems: list[str] = []
    with chromium() as driver:
        driver.get(f"{base}/masuk/")
        problems += _both_widths(driver, "masuk", shots)
        driver.get(f"{base}/siapkan/{setup_token(KEY)}/")
        problems += _both_widths(driver, "siapkan", shots)

        log_in(driver, base, "ketua", PASSWORD)
        driver.get(f"{ws}/lke/A.I.5.iv.c/")
        driver.find_element(By.CSS_SELECTOR, "form.jawab input[value='B']").click()
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.jawab button[type=submit]"))

        pages = {
            "beranda": f"{ws}/",
            "lke": f"{ws}/lke/",
            "indikator": f"{ws}/lke/A.I.1.i.a/",
            "arsip": f"{ws}/arsip/",
            "cari": f"{ws}/arsip/?q=rapat",
            "berkas-gambar": f"{ws}/arsip/{stored['pw']}/",
            "berkas-pdf": f"{ws}/arsip/{pdf_sha}/",
            "log": f"{ws}/log/",
            "periksa": f"{ws}/periksa/",
            "periksa-area": f"{ws}/periksa/?area=MP",
            "dokumen": f"{ws}/dokumen/",
            "isian-sk-tim": f"{ws}/dokumen/isian/sk-tim/sk-tim/",
            "templat": f"{ws}/templat/",
            "ganti-sandi": f"{base}/ganti-sandi/",
        }
        for name, url in pages.items():
            driver.get(url)
            if name == "berkas-pdf":
                time.sleep(PDF_VIEWER_SECONDS)  # the viewer draws after the page has loaded
            problems += _both_widths(driver, name, shots)

        # someone else saves first: the form this browser shows is stale
        driver.get(f"{ws}/lke/{STALE_QUESTION}/")
        current = read_answer(workspace, STALE_QUESTION)
        save_answer(workspace, STALE_QUESTION, "A", expected_version=current.version)
        driver.find_element(By.CSS_SELECTOR, "form.jawab input[value='C']").click()
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.jawab button[type=submit]"))
        assert driver.find_elements(By.ID, "pesan-basi")
        problems += _both_widths(driver, "indikator-basi", shots)

        submit(driver, driver.find_element(By.CSS_SELECTOR, "header .akun button"))
        log_in(driver, base, "admin", PASSWORD)
        driver.get(f"{ws}/akun/")
        problems += _both_widths(driver, "akun", shots)

        submit(driver, driver.find_element(By.CSS_SELECTOR, "header .akun button"))
        log_in(driver, base, "koor_mp", PASSWORD)
        driver.get(f"{ws}/lke/A.I.5.i.a/jawab/")
        assert driver.title.startswith("Ditolak")
        problems += _both_widths(driver, "ditolak", shots)

    assert not problems, "\n".join(problems)
    assert len(list(shots.glob("*-ponsel.png"))) >= 19
