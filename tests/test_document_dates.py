"""A document's date comes from what it says: a PDF's text ("pada tanggal ...", a dated
letter head) before its metadata, a photo's EXIF, a generated document's own tanggal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pdfmake import make_pdf
from PIL import Image

from zi_docs.dates_in_text import date_after, find_dates, letter_head_date
from zi_docs.evidence.extract import extract
from zi_docs.evidence.photo import photo_date

CONVERTED = "D:20261123082629Z"
"""When LibreOffice made the PDF: not the date of the document."""


def _pdf(tmp_path: Path, name: str, pages: list[str | None]) -> Path:
    path = tmp_path / name
    path.write_bytes(make_pdf(pages, creation_date=CONVERTED))
    return path


def test_signed_sk_is_dated_by_pada_tanggal_not_by_its_conversion(tmp_path: Path) -> None:
    sk = _pdf(tmp_path, "sk.pdf", [
        "KEPUTUSAN KEPALA DINAS\nNOMOR 800.1.2.2/015/DPMPTSP/2026\nDitetapkan di Sukamaju\n"
        "pada tanggal 12 Januari 2026\nKEPALA DINAS",
    ])  # fmt: skip
    result = extract(sk, "pdf")
    assert (result.date, result.date_source) == (dt.date(2026, 1, 12), "teks")


def test_a_dated_letter_head_dates_the_letter(tmp_path: Path) -> None:
    letter = _pdf(tmp_path, "undangan.pdf", [
        "PEMERINTAH KABUPATEN SUKAMAJU\nSukamaju, 9 Oktober 2026\nNomor: 005/231/DPMPTSP/2026",
    ])  # fmt: skip
    assert extract(letter, "pdf").date == dt.date(2026, 10, 9)


def test_without_a_date_in_the_text_the_metadata_is_used(tmp_path: Path) -> None:
    plain = _pdf(tmp_path, "rekap.pdf", ["Rekap pengaduan masyarakat"])
    result = extract(plain, "pdf")
    assert (result.date, result.date_source) == (dt.date(2026, 11, 23), "metadata")


def test_a_photo_is_dated_by_exif(tmp_path: Path) -> None:
    photo = tmp_path / "kegiatan.jpg"
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2026:08:14 09:30:00"
    Image.new("RGB", (8, 8), "white").save(photo, exif=exif)
    assert photo_date(photo) == dt.date(2026, 8, 14)
    result = extract(photo, "jpg")
    assert (result.date, result.date_source) == (dt.date(2026, 8, 14), "exif")
    bare = tmp_path / "tanpa-exif.png"
    Image.new("RGB", (8, 8)).save(bare)
    assert photo_date(bare) is None and extract(bare, "png").date is None


def test_dates_in_indonesian_text() -> None:
    text = "Rapat pada hari Rabu, 4 Okt 2023; notulen tgl. 05-10-2023; arsip 2023-10-06"
    assert [d for _, d in find_dates(text)] == [
        dt.date(2023, 10, 4),
        dt.date(2023, 10, 5),
        dt.date(2023, 10, 6),
    ]
    assert date_after("Ditetapkan di Kota Anu pada tanggal 31 Desember 2026") == dt.date(
        2026, 12, 31
    )
    assert date_after("tanggal 31 Februari 2026") is None
    assert letter_head_date("Kota Anu, 2 Mei 2027\nPerihal: Undangan") == dt.date(2027, 5, 2)
    assert letter_head_date("Nomor: 1/2, 2 Mei 2027 lampiran") is None


def test_the_archive_records_where_a_date_came_from(tmp_path: Path, workspace) -> None:  # type: ignore[no-untyped-def]
    from zi_docs.evidence import add_files, list_files

    sk = _pdf(tmp_path, "sk.pdf", ["Ditetapkan di Sukamaju\npada tanggal 12 Januari 2026"])
    plain = _pdf(tmp_path, "rekap.pdf", ["Rekap pengaduan"])
    add_files(workspace, [sk, plain], indicators=["P.MP.i.a"])
    dated = {f.name: (f.doc_date, f.date_source) for f in list_files(workspace).files}
    assert dated == {
        "sk.pdf": (dt.date(2026, 1, 12), "teks"),
        "rekap.pdf": (dt.date(2026, 11, 23), "metadata"),
    }
