"""Documents, konsep and the many-units rekap in a real browser: fill an SK with an error, fix
it, generate and download the PDF; sign a konsep; an Inspektorat sees the rekap of its three
units and is refused a fourth. A last test keeps screenshots of every documents, templates,
check and rekap page at desktop (1280) and phone (390) width
(``ZI_DOCS_WEB_SCREENSHOTS=folder``)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from selenium.webdriver.common.by import By

from zi_docs.angka import angka
from zi_docs.evidence import list_files, show
from zi_docs.submission import build_rekap
from zi_docs.web.app.models import Grant
from zi_docs.web.site import Site
from zi_docs.workspace import Workspace, init_workspace

from .browser import chromium, emulate, has, log_in, needs_browser, submit, text_of, wait
from .conftest import KEY, PASSWORD
from .test_browser_pages import _check
from .test_web_konsep import scan_pdf

pytestmark = needs_browser

GOOD_NIP = "197503122000032004"  # the example's ketua: 18 digits, birth date and TMT agree
SHOT_DESKTOP = (1280, 900)
SHOT_PHONE = (390, 844)


@pytest.fixture(autouse=True)
def _quick_hashes(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def base(live_server: Any, site: Any, accounts: dict[str, Any]) -> str:
    return str(live_server.url)


def _form(base: str) -> str:
    return f"{base}/u/{KEY}/dokumen/isian/sk-tim/sk-tim/"


def _field(driver: Any, name: str) -> Any:
    return driver.find_element(By.CSS_SELECTOR, f"[name='{name}']")


def _retype(driver: Any, name: str, value: str) -> None:
    box = _field(driver, name)
    box.clear()
    box.send_keys(value)


def _generate(driver: Any, *, pdf: bool, konsep: bool) -> None:
    for flag, wanted in (("pdf", pdf), ("arsipkan", konsep)):
        box = _field(driver, flag)
        if box.is_selected() != wanted:
            box.click()
    submit(driver, driver.find_element(By.CSS_SELECTOR, "button[name=aksi][value=buat]"))


def _images_drawn(driver: Any, css: str) -> int:
    """How many of the images under ``css`` the browser has loaded and drawn."""
    wait(driver).until(
        lambda d: d.execute_script(
            "return [...document.querySelectorAll(arguments[0])].every(i => i.complete);", css
        )
    )
    drawn: int = driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])]"
        ".filter(i => i.naturalWidth > 100).length;",
        css,
    )
    return drawn


def _download_to(driver: Any, folder: Path) -> None:
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
    )


@pytest.mark.libreoffice
def test_sk_form_with_an_error_then_fixed_generates_and_downloads_the_pdf(
    base: str, workspace: Workspace, tmp_path: Path
) -> None:
    downloads = tmp_path / "unduhan"
    downloads.mkdir()
    before = (workspace.inputs_dir / "sk-tim.yaml").read_bytes()
    with chromium() as driver:
        log_in(driver, base, "ketua", PASSWORD)
        driver.get(_form(base))
        _retype(driver, "tim.ketua.nip", "1980")
        _generate(driver, pdf=True, konsep=False)

        assert "Isian belum disimpan" in text_of(driver, ".pesan")
        summary = driver.find_element(
            By.CSS_SELECTOR, "#ringkasan-salah a[href='#f-tim.ketua.nip']"
        )
        assert "NIP" in summary.text  # the top of the page says where, far above the field
        beside = driver.find_element(
            By.XPATH, "//input[@name='tim.ketua.nip']/ancestor::div[contains(@class,'isian')]"
        )
        assert "salah" in str(beside.get_attribute("class"))
        assert beside.find_elements(By.CSS_SELECTOR, ".galat")
        assert (workspace.inputs_dir / "sk-tim.yaml").read_bytes() == before

        _retype(driver, "tim.ketua.nip", GOOD_NIP)
        _generate(driver, pdf=True, konsep=False)
        assert driver.title.startswith("Dokumen dibuat")
        assert "sk-tim.pdf" in text_of(driver, "#hasil-dokumen")
        assert _images_drawn(driver, ".pratinjau-dokumen img") >= 1  # the PDF's pages

        _download_to(driver, downloads)
        driver.find_element(By.LINK_TEXT, "sk-tim.pdf").click()
        wait(driver).until(lambda _d: (downloads / "sk-tim.pdf").is_file())
    assert (downloads / "sk-tim.pdf").read_bytes()[:5] == b"%PDF-"


def test_a_signed_scan_uploaded_on_the_konsep_supersedes_it(
    base: str, workspace: Workspace, tmp_path: Path
) -> None:
    scan = scan_pdf(tmp_path, "SK Tim ditandatangani.pdf", pages=2)
    with chromium() as driver:
        log_in(driver, base, "ketua", PASSWORD)
        driver.get(_form(base))
        _generate(driver, pdf=False, konsep=True)
        assert "diarsipkan sebagai konsep" in text_of(driver, ".pesan")

        driver.find_element(By.CSS_SELECTOR, "#konsep-diarsipkan a").click()
        wait(driver).until(lambda d: has(d, "#konsep"))
        assert "belum dihitung sebagai data dukung" in text_of(driver, "#konsep")
        konsep = next(f for f in list_files(workspace).files if f.draft)

        driver.find_element(By.ID, "berkas-ttd").send_keys(str(scan))
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.unggah-ttd button"))

        assert "menggantikan konsep" in text_of(driver, ".pesan")
        assert not has(driver, "#konsep")
        assert _images_drawn(driver, ".halaman-halaman img") == 2  # the scan's two pages
    signed = next(f for f in list_files(workspace).files if f.name == scan.name)
    assert not signed.draft and set(konsep.tags) <= set(signed.tags)
    assert show(workspace, konsep.sha256).file.trashed


@pytest.fixture
def four_units(tmp_path: Path, db: Any) -> Any:
    roots = {key: init_workspace(tmp_path / key).workspace.root for key in ("a", "b", "c", "d")}
    state = tmp_path / "state-banyak"
    (state / "unggah").mkdir(parents=True)
    with override_settings(
        ZI_SITE=Site(state=state, workspaces=roots), FILE_UPLOAD_TEMP_DIR=str(state / "unggah")
    ):
        yield roots


def test_an_inspektorat_sees_the_rekap_of_three_units_and_not_a_fourth(
    live_server: Any, four_units: dict[str, Path]
) -> None:
    user = get_user_model().objects.create_user("itda", password=PASSWORD)
    for key in ("a", "b", "c"):
        Grant.objects.create(user=user, workspace=key, role="penilai")
    base = str(live_server.url)
    expected = build_rekap([four_units[k] for k in ("a", "b", "c")], dt.date.today())
    with chromium() as driver:
        log_in(driver, base, "itda", PASSWORD)
        driver.get(f"{base}/rekap/")
        rows = driver.find_elements(By.CSS_SELECTOR, "#tabel-rekap tbody tr")
        assert len(rows) == 3
        links = {
            str(a.get_attribute("href")).rstrip("/").rsplit("/", 1)[-1]
            for a in driver.find_elements(By.CSS_SELECTOR, "#tabel-rekap tbody a")
        }
        assert links == {"a", "b", "c"}
        assert angka(expected.rows[0].total) in text_of(driver, "#tabel-rekap")

        driver.get(f"{base}/u/b/")
        assert driver.title.startswith("Beranda")
        driver.get(f"{base}/u/d/")
        assert driver.title.startswith("Ditolak")
        assert "tidak mempunyai peran" in text_of(driver, "main")


def _shoot(driver: Any, name: str, folder: Path) -> list[str]:
    problems = _check(driver, name, SHOT_DESKTOP, phone=False, folder=folder)
    problems += _check(driver, name, SHOT_PHONE, phone=True, folder=folder)
    emulate(driver, SHOT_DESKTOP, mobile=False)
    return problems


@pytest.mark.libreoffice
def test_screenshots_of_the_documents_check_and_rekap_pages(
    base: str, workspace: Workspace, tmp_path: Path
) -> None:
    named = os.environ.get("ZI_DOCS_WEB_SCREENSHOTS", "").strip()
    folder = Path(named) if named else tmp_path / "halaman"
    folder.mkdir(parents=True, exist_ok=True)
    ws = f"{base}/u/{KEY}"
    problems: list[str] = []
    with chromium() as driver:
        log_in(driver, base, "ketua", PASSWORD)
        for name, url in {
            "dokumen": f"{ws}/dokumen/",
            "isian-sk-tim": _form(base),
            "templat": f"{ws}/templat/",
            "periksa": f"{ws}/periksa/",
            "periksa-area": f"{ws}/periksa/?area=MP",
            "verifikasi": f"{ws}/verifikasi/",
            "rekap": f"{base}/rekap/",
        }.items():
            driver.get(url)
            problems += _shoot(driver, name, folder)

        driver.get(_form(base))
        _retype(driver, "tim.ketua.nip", "1980")
        _generate(driver, pdf=False, konsep=False)
        problems += _shoot(driver, "isian-salah", folder)

        driver.get(_form(base))
        _generate(driver, pdf=True, konsep=True)
        _images_drawn(driver, ".pratinjau-dokumen img")
        problems += _shoot(driver, "dokumen-dibuat", folder)

        driver.find_element(By.CSS_SELECTOR, "#konsep-diarsipkan a").click()
        wait(driver).until(lambda d: has(d, "#konsep"))
        _images_drawn(driver, ".halaman-halaman img")
        problems += _shoot(driver, "berkas-konsep", folder)

        driver.find_element(By.ID, "berkas-ttd").send_keys(str(scan_pdf(tmp_path)))
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.unggah-ttd button"))
        _images_drawn(driver, ".halaman-halaman img")
        problems += _shoot(driver, "berkas-bertanda-tangan", folder)
    assert not problems, "\n".join(problems)
