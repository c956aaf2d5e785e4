"""The LHE: golden text, both readings and the simpulan, no unit text in the template, input
errors, and its PDF layout (LibreOffice)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from doc_flow_helpers import check_golden, findings_of, line_of
from test_doc_generate import text_lines

from zi_docs.documents import generate
from zi_docs.errors import InvalidInputError
from zi_docs.evaluation.layer_edits import record
from zi_docs.resources import TEMPLATES, resource
from zi_docs.workspace import Workspace

INPUT = "lhe.yaml"


def _make(workspace: Workspace, pdf: bool = False) -> Path:
    result = generate(workspace, "lhe", workspace.inputs_dir / INPUT, pdf=pdf)
    return result.pdfs[0] if pdf else result.documents[0]


def test_golden_text(workspace: Workspace) -> None:
    lines = check_golden("lhe", _make(workspace))
    text = "\n".join(lines)
    for part in (
        "LAPORAN HASIL EVALUASI",
        "Yth. Bupati Sukamaju",
        "Tembusan:",
        "A. Landasan Penugasan",
        "| 3 | Dedi Supriadi, S.E., M.Ak. | 19820417 200604 1 003 | Ketua Tim |",
        "B. Dasar Hukum",
        "E. Metodologi",
        "F. Lingkup dan Batasan",
        "| NILAI TOTAL | 100,00 | 79,56 | 79,35 |",
        "| Terpisah | Belum memenuhi | SDM Reform 2,75 < 3,00 |",
        "| Gabungan | Memenuhi | semua area memenuhi |",
        "BAB III⏎REKOMENDASI",
        "LAMPIRAN⏎CATATAN HASIL EVALUASI PER INDIKATOR",
    ):
        assert part in text, part
    assert (
        "belum memenuhi kriteria untuk diajukan ke Tim Penilai Nasional (TPN): syarat nilai" in text
    )
    assert "perbaikan dan memperoleh pembinaan kembali" in text
    notes = [
        line for line in lines if line.startswith("| ") and "Putaran 1 (16 Maret 2026)" in line
    ]
    assert len(notes) == 3
    assert any("Kriteria seleksi anggota tim sedang disusun" in line for line in notes)


def test_passing_layer_gives_memenuhi(workspace: Workspace) -> None:
    record(
        workspace,
        "tpi-unit",
        "R.SDM.iii.a",
        answer="100",
        note=None,
        date=dt.date(2026, 4, 6),
        evaluator="Tim TPI",
        new_round=True,
    )
    text = "\n".join(text_lines(_make(workspace)))
    assert "Pintu memenuhi kriteria untuk diajukan ke Tim Penilai Nasional (TPN)." in text
    assert "pembinaan kembali" not in text
    assert "Hasil evaluasi putaran 2 (6 April 2026, Tim TPI)" in text


def test_template_holds_nothing_about_a_unit() -> None:
    with zipfile.ZipFile(resource(TEMPLATES) / "lhe.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    text = " ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))
    for word in ("Sukamaju", "Inspektorat", "Penanaman Modal", "DPMPTSP", "Bupati", "2026"):
        assert word not in text, word
    assert "{{ unit.nama }}" in text and "{{ lhe.penerbit.nama_kapital }}" in text


def test_missing_layer_and_team_are_reported_together(workspace: Workspace) -> None:
    path = workspace.inputs_dir / INPUT
    text = path.read_text(encoding="utf-8").replace("lapis: tpi-unit", "lapis: itjen")
    text = text.replace('nip: "199001252015032004"', "nip: 123")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        _make(workspace)
    found = {(f.line, f.field) for f in findings_of(caught)}
    assert (line_of(text, "lapis: itjen"), "lapis") in found
    assert (line_of(text, "nip: 123"), "tim[4].nip") in found
    layer = next(f for f in findings_of(caught) if f.field == "lapis")
    assert "lapis 'itjen' belum ada" in layer.message


def _page_texts(pdf: Path) -> list[str]:
    pages = int(re.search(rb"/Count (\d+)", pdf.read_bytes()).group(1))  # type: ignore[union-attr]
    texts = []
    for page in range(1, pages + 1):
        done = subprocess.run(
            [
                shutil.which("pdftotext") or "pdftotext",
                "-f",
                str(page),
                "-l",
                str(page),
                str(pdf),
                "-",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        texts.append(done.stdout)
    return texts


@pytest.mark.libreoffice
def test_pdf_layout(workspace: Workspace) -> None:
    pdf = _make(workspace, pdf=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    size = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", data)
    assert size is not None
    width, height = float(size.group(1)), float(size.group(2))
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (215, 330)  # F4
    pages = _page_texts(pdf)
    assert len(pages) >= 5
    assert "LAPORAN HASIL EVALUASI" in pages[0] and "Nomor: 700.1.2/045/ITDA/2026" in pages[0]
    letter = next(p for p in pages if "Yth. Bupati Sukamaju" in p)
    # a signature block is never alone on a page: the closing sentence stays with it
    for closing, office in (
        ("Demikian disampaikan", "Inspektur Kabupaten Sukamaju,"),
        ("Demikian laporan ini", "Mengetahui,"),
    ):
        page = next(p for p in pages if office in p and "NIP. 19680517" in p)
        assert closing in page
    assert "Demikian disampaikan" in letter
    assert "CATATAN HASIL EVALUASI PER INDIKATOR" in pages[-1]


def _cover_image(docx: Path) -> tuple[int, bytes]:
    """(height in EMU, bytes) of the first picture of the document: the cover logo."""
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
        rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
        height = int(re.search(r'<wp:extent cx="\d+" cy="(\d+)"', xml).group(1))  # type: ignore[union-attr]
        rid = re.search(r'r:embed="([^"]+)"', xml).group(1)  # type: ignore[union-attr]
        target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"', rels) or re.search(
            rf'Target="([^"]+)"[^>]*Id="{rid}"', rels
        )
        assert target is not None
        return height, archive.read("word/" + target.group(1))


def test_cover_carries_the_unit_logo_at_cover_size(workspace: Workspace) -> None:
    height, _image = _cover_image(_make(workspace))
    assert height == pytest.approx(35 * 36000, rel=0.01)  # 35 mm; the kop's logo is 24 mm


def test_cover_carries_the_evaluators_logo_when_named(workspace: Workspace) -> None:
    from io import BytesIO

    from PIL import Image

    Image.new("RGB", (60, 80), (200, 30, 30)).save(workspace.root / "logo-itda.png")
    path = workspace.inputs_dir / INPUT
    text = path.read_text(encoding="utf-8").replace(
        "  nama: Inspektorat Daerah\n", "  nama: Inspektorat Daerah\n  logo: logo-itda.png\n", 1
    )
    path.write_text(text, encoding="utf-8")
    height, image = _cover_image(_make(workspace))
    assert height == pytest.approx(35 * 36000, rel=0.01)
    with Image.open(BytesIO(image)) as shown:
        assert shown.convert("RGB").getpixel((30, 40)) == (200, 30, 30)


def test_missing_evaluator_logo_is_named_with_its_line(workspace: Workspace) -> None:
    path = workspace.inputs_dir / INPUT
    text = path.read_text(encoding="utf-8").replace(
        "  nama: Inspektorat Daerah\n", "  nama: Inspektorat Daerah\n  logo: tidak-ada.png\n", 1
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        _make(workspace)
    [finding] = [f for f in findings_of(caught) if f.field == "penerbit.logo"]
    assert finding.line == line_of(text, "logo: tidak-ada.png")
    assert "berkas logo 'tidak-ada.png' tidak ada di folder ruang kerja" in finding.message
