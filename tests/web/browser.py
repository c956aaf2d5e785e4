"""Headless Chromium for the web app's real-browser tests (Selenium + Debian's chromedriver).

The app runs in-process under pytest-django's ``live_server``; each test gets fresh browsers
(its own profile folder, no cookies) and logs in through the Masuk form like a user.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

DESKTOP = (1366, 900)
PHONE = (390, 844)
WAIT_SECONDS = 20
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--lang=id-ID",  # asks for Indonesian pages, as a user here does
)


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


needs_browser = [
    pytest.mark.browser,
    # the browser marker checks chromium; Selenium also needs Debian's chromium-driver
    # (in CI it must be there: the test then fails instead of being skipped)
    pytest.mark.skipif(
        not _in_ci()
        and shutil.which("chromedriver") is None
        and not Path("/usr/bin/chromedriver").exists(),
        reason="chromedriver tidak terpasang",
    ),
]


def _program(name: str) -> str:
    return shutil.which(name) or f"/usr/bin/{name}"


@contextmanager
def chromium() -> Iterator[WebDriver]:
    """One headless Chromium with a fresh profile, closed (and its profile removed) after."""
    profile = Path(tempfile.mkdtemp(prefix="zi-web-profil-"))
    options = webdriver.ChromeOptions()
    options.binary_location = _program("chromium")
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={DESKTOP[0]},{DESKTOP[1]}")
    driver = webdriver.Chrome(service=Service(_program("chromedriver")), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait(driver: WebDriver) -> WebDriverWait[WebDriver]:
    return WebDriverWait(driver, WAIT_SECONDS)


def _next_page_ready(driver: WebDriver, marker: str) -> bool:
    """True once a new document (without this page's marker) has finished loading."""
    state = driver.execute_script(
        "return [window.ziSeite === arguments[0], document.readyState];", marker
    )
    return not state[0] and state[1] == "complete"


def submit(driver: WebDriver, button: WebElement) -> None:
    """Click a submit button and wait until the next page has replaced this one.

    The old page is told apart by a marker on its ``window`` (a new document has none), not
    by holding an element of it: asking Chromium about a node of a document being replaced
    fails with "Node with given id does not belong to the document" instead of a clean
    stale-element answer. While the documents change, a script can also fail to run; the
    wait retries those moments.
    """
    marker = f"kirim-{time.monotonic_ns()}"
    driver.execute_script("window.ziSeite = arguments[0];", marker)
    button.click()
    WebDriverWait(driver, WAIT_SECONDS, ignored_exceptions=(WebDriverException,)).until(
        lambda d: _next_page_ready(d, marker)
    )


def log_in(driver: WebDriver, base: str, username: str, password: str) -> None:
    """Log in through the Masuk form."""
    driver.get(f"{base}/masuk/")
    driver.find_element(By.ID, "id_username").send_keys(username)
    driver.find_element(By.ID, "id_password").send_keys(password)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def text_of(driver: WebDriver, css: str) -> str:
    return str(driver.find_element(By.CSS_SELECTOR, css).text)


def has(driver: WebDriver, css: str) -> bool:
    return bool(driver.find_elements(By.CSS_SELECTOR, css))


def emulate(driver: WebDriver, size: tuple[int, int], *, mobile: bool) -> None:
    """Lay the page out at ``size`` CSS pixels (a phone honours the viewport meta tag)."""
    width, height = size
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )


def page_metrics(driver: WebDriver) -> dict[str, Any]:
    """Layout facts of the current page. ``width`` is the layout viewport: a phone zooms out
    to show content wider than the screen, which makes ``innerWidth`` grow with the page."""
    metrics: dict[str, Any] = driver.execute_script(
        "var e = document.documentElement;"
        "return {scrollWidth: e.scrollWidth, width: Math.min(e.clientWidth, window.innerWidth),"
        " scrollHeight: e.scrollHeight, text: document.body.innerText.length,"
        " header: getComputedStyle(document.querySelector('header.atas')).backgroundColor};"
    )
    return metrics


def full_page_png(driver: WebDriver, width: int, height: int) -> bytes:
    """The whole page (up to ``height`` CSS pixels) as PNG bytes."""
    import base64

    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        },
    )
    return base64.b64decode(shot["data"])
