"""The evaluator's index.html in a real headless Chromium, opened from disk."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from PIL import Image, ImageStat
from submission_helpers import Fake, make_archive

from zi_docs.evidence import view
from zi_docs.submission.export import export_bundle
from zi_docs.workspace import Workspace

pytestmark = pytest.mark.browser
WIDTH, HEIGHT = 1280, 2000


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    program = shutil.which("chromium") or "/usr/bin/chromium"
    return subprocess.run(
        [
            program,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profil'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def bundle(workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(view, "integrity", lambda _report: ())
    make_archive(
        workspace,
        [
            Fake("sk.pdf", b"%PDF sk", [("A.I.1.i.a", "sk-tim")], title="SK Tim Kerja ZI #1"),
            Fake(
                "foto.jpg",
                b"jpg",
                [("A.I.1.i.a", "foto-kegiatan"), ("A.II.6.ii.a", None)],
                title="Foto rapat 100% hadir",
            ),
            Fake("n.pdf", b"n", [("A.I.5.i.a", None)], title="Notulen & daftar hadir"),
        ],
    )
    export_bundle(workspace, tmp_path / "bundel", now=dt.datetime(2026, 11, 1, 9, 0))
    return tmp_path / "bundel"


class _Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.evidence: list[str] = []
        self.questions = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "tr" and "soal" in (found.get("class") or ""):
            self.questions += 1
        if tag == "a" and "bukti" in (found.get("class") or ""):
            self.evidence.append(str(found["href"]))


def test_index_renders_and_every_evidence_link_resolves(bundle: Path, tmp_path: Path) -> None:
    done = chromium(tmp_path, "--dump-dom", (bundle / "index.html").as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = _Dom()
    dom.feed(done.stdout)
    assert {"ringkasan", "kelengkapan", "prasyarat", "pohon-lke"} <= dom.ids
    assert dom.questions == 113
    assert "Manajemen Perubahan" in done.stdout and "Total" in done.stdout
    assert len(dom.evidence) == 4
    for link in dom.evidence:
        parsed = urlparse(link)
        target = Path(unquote(parsed.path)) if parsed.scheme == "file" else bundle / unquote(link)
        assert target.is_file(), link


def test_index_screenshot(bundle: Path, tmp_path: Path) -> None:
    shot = tmp_path / "index.png"
    done = chromium(
        tmp_path,
        f"--screenshot={shot}",
        f"--window-size={WIDTH},{HEIGHT}",
        "--hide-scrollbars",
        (bundle / "index.html").as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (WIDTH, HEIGHT)
    stats = ImageStat.Stat(image)
    assert max(stats.stddev) > 20  # not a blank page
    header = image.crop((0, 0, WIDTH, 40)).resize((1, 1)).getpixel((0, 0))
    assert header[2] > header[0]  # the blue header bar rendered (inline CSS applied)
