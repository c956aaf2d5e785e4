"""Page images of a PDF (evidence/preview.py): one set per version, drawn once, safe to ask
for from several threads, and a clerk's sentence for a PDF that cannot be read."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PIL import Image

from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.evidence import page_image, preview


def _pdf(path: Path, shade: int, pages: int = 2) -> Path:
    sheets = [Image.new("RGB", (300, 420), (shade, 120, 40 * n)) for n in range(pages)]
    sheets[0].save(path, "PDF", save_all=True, append_images=sheets[1:])
    return path


def test_each_version_has_its_own_images(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = preview(_pdf(tmp_path / "a.pdf", 10), cache)
    image = page_image(tmp_path / "a.pdf", first, 2)
    assert first.pages == first.shown == 2
    with Image.open(image) as drawn:
        assert drawn.size[0] == 900
    again = preview(_pdf(tmp_path / "a.pdf", 200), cache)  # the same name, new content
    assert again.sha256 != first.sha256 and again.folder != first.folder
    assert not again.image(2).exists()
    with pytest.raises(NotFoundError):
        first.image(3)


def test_threads_asking_for_the_same_page_all_get_a_whole_png(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "b.pdf", 90, pages=1)
    shown = preview(pdf, tmp_path / "cache")
    got: list[Path] = []
    workers = [
        threading.Thread(target=lambda: got.append(page_image(pdf, shown, 1))) for _ in range(6)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(got) == 6 and len(set(got)) == 1
    with Image.open(got[0]) as drawn:
        drawn.verify()
    assert not list(shown.folder.glob("*.tmp"))


def test_a_broken_pdf_is_told_in_words(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.pdf"
    broken.write_bytes(b"%PDF-1.4 bukan isi pdf")
    with pytest.raises(InvalidInputError, match="rusak atau berkata sandi"):
        preview(broken, tmp_path / "cache")
