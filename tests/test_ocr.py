"""OCR through Tesseract: images, scanned PDF pages, the SHA-256 cache, a missing Tesseract."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from zi_docs import programs
from zi_docs.errors import ToolMissingError
from zi_docs.evidence import extract as ex
from zi_docs.evidence import ocr

SHA = "ab" * 32
LINES = ["DAFTAR HADIR RAPAT", "PEMBANGUNAN ZONA INTEGRITAS", "PELAYANAN PENGADUAN"]


def scan(path: Path) -> Path:
    """Render Indonesian text into an image the way a scanner would (PNG, or PDF by suffix)."""
    image = Image.new("L", (1400, 420), color=255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=56)
    for number, line in enumerate(LINES):
        draw.text((60, 50 + 120 * number), line, fill=0, font=font)
    image.save(path, resolution=200.0)
    return path


def words(text: str) -> set[str]:
    return set(text.upper().split())


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every OCR tool command run, while still running it."""
    calls: list[list[str]] = []
    real = ocr._run_tool

    def record(args: list[str], what: str | None = None) -> subprocess.CompletedProcess[str]:
        calls.append(args)
        return real(args, what)

    monkeypatch.setattr(ocr, "_run_tool", record)
    return calls


@pytest.mark.tesseract
def test_image_is_read_in_indonesian_and_cached(tmp_path: Path, spy: list[list[str]]) -> None:
    image = scan(tmp_path / "daftar-hadir.png")
    cache = tmp_path / "cache"
    first = ex.extract(image, "png", sha256=SHA, ocr_cache=cache)
    assert first.status == ex.STATUS_OK
    assert {"PEMBANGUNAN", "ZONA", "INTEGRITAS", "PENGADUAN"} <= words(first.text)
    assert first.ocr_pages == (0,)
    assert ocr.cache_file(cache, SHA, 0, "ind").is_file()
    assert any(call[-2:] == ["-l", "ind"] for call in spy)
    spy.clear()
    second = ex.extract(image, "png", sha256=SHA, ocr_cache=cache)
    assert second.text == first.text
    assert spy == []


@pytest.mark.tesseract
def test_scanned_pdf_page_is_rendered_then_read(tmp_path: Path, spy: list[list[str]]) -> None:
    pdf = scan(tmp_path / "pindaian.pdf")
    without = ex.extract(pdf, "pdf")
    assert (without.status, without.pages_without_text) == (ex.STATUS_PENDING, (1,))
    result = ex.extract(pdf, "pdf", sha256=SHA, ocr_cache=tmp_path / "cache")
    assert (result.status, result.ocr_pages, result.pages_without_text) == (ex.STATUS_OK, (1,), ())
    assert {"DAFTAR", "HADIR", "RAPAT"} <= words(result.text)
    assert [Path(c[0]).stem for c in spy] == ["pdftoppm", "tesseract"]
    assert spy[0][1:7] == ["-r", "200", "-f", "1", "-l", "1"]
    spy.clear()
    assert ex.extract(pdf, "pdf", sha256=SHA, ocr_cache=tmp_path / "cache").text == result.text
    assert spy == []


@pytest.mark.tesseract
def test_ocr_pending_reads_every_pending_file(tmp_path: Path) -> None:
    class Stored:
        def __init__(self, sha256: str, path: Path, kind: str) -> None:
            self.sha256, self.path, self.kind = sha256, path, kind

    files = [
        Stored("1" * 64, scan(tmp_path / "a.png"), "png"),
        Stored("2" * 64, scan(tmp_path / "b.pdf"), "pdf"),
    ]
    results = dict(ex.ocr_pending(files, tmp_path / "cache"))
    assert set(results) == {"1" * 64, "2" * 64}
    assert all(r.status == ex.STATUS_OK and "RAPAT" in words(r.text) for r in results.values())


def test_missing_tesseract_keeps_the_file_pending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(programs.shutil, "which", lambda name: None)
    monkeypatch.delenv("ZI_DOCS_TESSERACT", raising=False)
    ocr.ocr_language.cache_clear()
    try:
        image = tmp_path / "foto.png"
        Image.new("L", (10, 10), 255).save(image)
        result = ex.extract(image, "png", sha256=SHA, ocr_cache=tmp_path / "cache")
        assert result.status == ex.STATUS_PENDING
        assert result.notes and "Tesseract OCR tidak terpasang" in result.notes[0]
        with pytest.raises(ToolMissingError, match="tidak terpasang"):
            list(ex.ocr_pending([], tmp_path / "cache"))
    finally:
        ocr.ocr_language.cache_clear()


def test_english_is_used_only_when_indonesian_is_missing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    listing = subprocess.CompletedProcess([], 0, "List of available languages (2):\neng\nosd\n", "")
    monkeypatch.setattr(programs.shutil, "which", lambda name: "/usr/bin/" + name)
    monkeypatch.setattr(ocr, "_run_tool", lambda args, what=None: listing)
    ocr.ocr_language.cache_clear()
    try:
        assert ocr.ocr_language() == "eng"
        assert "tesseract-ocr-ind" in caplog.text
    finally:
        ocr.ocr_language.cache_clear()


@pytest.mark.tesseract
def test_unreadable_image_fails_but_is_not_rejected(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    result = ex.extract(broken, "png", sha256=SHA, ocr_cache=tmp_path / "cache")
    assert result.status == ex.STATUS_FAILED and result.failure is None
    assert result.error is not None and "rusak.png" in result.error
