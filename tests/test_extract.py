"""Text extraction: PDF (text layer, missing pages, encrypted, corrupt), DOCX, XLSX, plain text."""

from __future__ import annotations

import datetime as dt
import io
import pickle
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import docx
import openpyxl
import pytest
from pdfmake import make_pdf
from pypdf import PdfReader, PdfWriter

from zi_docs.evidence import extract as ex
from zi_docs.evidence.extract import extract

DATE = "D:20240115093000+07'00'"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_pdf_text_per_page_pages_without_text_and_date(tmp_path: Path) -> None:
    pdf = write(
        tmp_path,
        "sk.pdf",
        make_pdf(
            ["Keputusan Kepala Dinas tentang Tim Kerja", None, "Pembangunan Zona Integritas"],
            creation_date=DATE,
        ),
    )
    result = extract(pdf, "pdf")
    assert result.status == ex.STATUS_PENDING
    assert result.page_count == 3
    assert result.pages_without_text == (2,)
    assert result.text == "Keputusan Kepala Dinas tentang Tim Kerja\n\nPembangunan Zona Integritas"
    assert result.date == dt.date(2024, 1, 15)
    assert (result.error, result.failure) == (None, None)


def test_pdf_with_a_text_layer_on_every_page_is_ok(tmp_path: Path) -> None:
    result = extract(write(tmp_path, "a.pdf", make_pdf(["satu", "dua"])), "pdf")
    assert (result.status, result.pages_without_text, result.date) == (ex.STATUS_OK, (), None)


def _encrypt(source: bytes, user: str, owner: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_protected_pdf_fails_with_a_clear_message(tmp_path: Path) -> None:
    pdf = write(tmp_path, "rahasia.pdf", _encrypt(make_pdf(["isi"]), "rahasia", "pemilik"))
    result = extract(pdf, "pdf")
    assert (result.status, result.failure) == (ex.STATUS_FAILED, ex.FAILURE_ENCRYPTED)
    assert (
        result.error is not None and "kata sandi" in result.error and "rahasia.pdf" in result.error
    )


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    pdf = write(tmp_path, "dikunci.pdf", _encrypt(make_pdf(["Daftar hadir rapat"]), "", "pemilik"))
    result = extract(pdf, "pdf")
    assert (result.status, result.text) == (ex.STATUS_OK, "Daftar hadir rapat")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n1 0 obj << /Type /Catalog",
        make_pdf(["isi"])[:60],
        b"%PDF-1.7\n" + bytes(range(256)) * 4,
    ],
    ids=["truncated-header", "cut-short", "garbage"],
)
def test_corrupt_pdf_fails_as_corrupt(tmp_path: Path, data: bytes) -> None:
    result = extract(write(tmp_path, "rusak.pdf", data), "pdf")
    assert (result.status, result.failure) == (ex.STATUS_FAILED, ex.FAILURE_CORRUPT)
    assert result.error is not None and "rusak.pdf" in result.error


def test_docx_paragraphs_and_tables_in_order_with_created_date(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("NOTULEN RAPAT POKJA")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "No", "Nama"
    table.cell(1, 0).text, table.cell(1, 1).text = "1", "Siti Aminah"
    document.add_paragraph("Rapat ditutup pukul 12.00 WIB.")
    document.core_properties.created = dt.datetime(2024, 3, 5, 8, 0)
    path = tmp_path / "notulen.docx"
    document.save(str(path))
    result = extract(path, "docx")
    assert result.status == ex.STATUS_OK
    assert result.text.splitlines() == [
        "NOTULEN RAPAT POKJA",
        "No\tNama",
        "1\tSiti Aminah",
        "Rapat ditutup pukul 12.00 WIB.",
    ]
    assert result.date == dt.date(2024, 3, 5)


def test_xlsx_cells_row_by_row_with_created_date(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Rekap"
    sheet.append(["Bulan", "Jumlah pengaduan"])
    sheet.append(["Januari", 12])
    sheet.append([dt.datetime(2024, 2, 1), 7.0])
    workbook.properties.created = dt.datetime(2024, 2, 29, 10, 0)
    path = tmp_path / "rekap.xlsx"
    workbook.save(path)
    result = extract(path, "xlsx")
    assert result.text.splitlines() == [
        "Rekap",
        "Bulan\tJumlah pengaduan",
        "Januari\t12",
        "2024-02-01\t7",
    ]
    assert (result.status, result.date) == (ex.STATUS_OK, dt.date(2024, 2, 29))


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Pengaduan masyarakat – café".encode(), "Pengaduan masyarakat – café"),
        (b"\xef\xbb\xbfNo;Nama\n1;Budi", "No;Nama\n1;Budi"),
        ("Rp 1.000 – café".encode("cp1252"), "Rp 1.000 – café"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252"],
)
def test_plain_text_encodings(tmp_path: Path, data: bytes, text: str) -> None:
    for kind in ("txt", "csv", "md"):
        result = extract(write(tmp_path, f"catatan.{kind}", data), kind)
        assert (result.text, result.status) == (text, ex.STATUS_OK)


def test_broken_docx_and_xlsx_fail_as_corrupt(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<bukan xml")
        archive.writestr("word/document.xml", "<bukan xml")
    for kind in ("docx", "xlsx"):
        result = extract(write(tmp_path, f"rusak.{kind}", buffer.getvalue()), kind)
        assert (result.status, result.failure) == (ex.STATUS_FAILED, ex.FAILURE_CORRUPT), kind


def test_images_wait_for_ocr_and_other_kinds_have_no_text(tmp_path: Path) -> None:
    image = write(tmp_path, "foto.png", b"\x89PNG\r\n\x1a\n")
    assert extract(image, "png").status == ex.STATUS_PENDING
    assert extract(write(tmp_path, "video.mp4", b"\0\0\0\x18ftypmp42"), "mp4").status == (
        ex.STATUS_NONE
    )


def test_unreadable_file_fails_without_raising(tmp_path: Path) -> None:
    result = extract(tmp_path / "hilang.pdf", "txt")
    assert result.status == ex.STATUS_FAILED and result.error and "hilang.pdf" in result.error
    assert "Errno" not in result.error and "; periksa" in result.error


def test_extraction_runs_in_worker_processes(tmp_path: Path) -> None:
    paths = [write(tmp_path, f"{n}.pdf", make_pdf([f"halaman dokumen {n}"])) for n in range(3)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(extract, paths, ["pdf"] * 3))
    assert [r.text for r in results] == [f"halaman dokumen {n}" for n in range(3)]
    assert pickle.loads(pickle.dumps(results[0])) == results[0]


def test_libreoffice_style_creation_date_is_read(tmp_path: Path) -> None:
    """LibreOffice writes ``D:20260315082629Z'`` (a stray apostrophe) that pypdf refuses."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/CreationDate": "D:20260315082629Z'"})
    path = tmp_path / "lo.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    assert extract(path, "pdf").date == dt.date(2026, 3, 15)
