"""Build the example evidence archive of the demo workspace from its source ``archive/``.

Fictitious documents of DPMPTSP Kabupaten Sukamaju for 2026: undangan, daftar hadir,
notulen, SK, screenshots (PNG), a scanned page (image-only PDF, read by OCR), spreadsheets.
Word documents become PDFs through LibreOffice (once, here); everything is ingested through
the archive library, so the committed ``zi_docs/data/example-archive/`` is exactly the
on-disk format zi-docs writes. Deliberately imperfect, as real archives are, so that
``zi-docs check`` shows every kind of finding: one file dated in the previous year, one untagged file, tags imported from
the previous catalogue version (an indicator id and a checklist item the current catalogue
does not know, written through the catalogue layer with an audit entry saying so), and one
catalogue entry whose stored object was deleted from the archive folder (``archive verify``
reports it as missing; nothing in zi-docs restores it).

Run: /work/venv/bin/python tools/build_example_archive.py   (needs soffice and tesseract)
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import yaml
from openpyxl import Workbook
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zi_docs import evidence  # noqa: E402
from zi_docs.evidence.filing import open_archive  # noqa: E402
from zi_docs.refs import IndicatorRef  # noqa: E402
from zi_docs.workspace import Workspace, init_workspace  # noqa: E402

SOURCE = ROOT / "archive" / "dokumen.yaml"
"""The example archive's source: its fictitious documents, their tags and dates."""
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _tag(text: str) -> IndicatorRef:
    """``A.I.1.i.a [sk-tim]`` -> IndicatorRef("A.I.1.i.a", "sk-tim")."""
    indicator, _, item = text.partition(" [")
    return IndicatorRef(indicator, item.rstrip("]") or None)


_SOURCE = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
UNIT: str = _SOURCE["unit"]
KOP: list[str] = _SOURCE["kop"]
KADIS: str = _SOURCE["kepala_dinas"]
TIM = [(p["nama"], p["jabatan"], p["peran"]) for p in _SOURCE["tim"]]
# (file, kind, date, tags, title, body). Bodies are the documents' own words.
DOCS: list[tuple[str, str, dt.date | None, list[IndicatorRef], str, list[str]]] = [
    (d["berkas"], d["jenis"], d["tanggal"], [_tag(t) for t in d["tag"]], d["judul"], d["isi"])
    for d in _SOURCE["dokumen"]
]
OLD_CATALOGUE: str = _SOURCE["katalog_lama"]
# Tags carried over from last year's archive, written under the previous catalogue: an
# indicator id that no longer exists and a checklist item key that was renamed since.
OLD_TAGS = [(t["berkas"], _tag(t["tag"])) for t in _SOURCE["tag_lama"]]
LOST: str = _SOURCE["hilang"]
"""Its stored copy is deleted from the archive's objects/ after ingest (berkas hilang dari
folder arsip): the catalogue keeps the entry, ``archive verify`` reports it missing."""


def _docx(path: Path, lines: list[str]) -> None:
    document = docx.Document()
    for line in KOP:
        document.add_paragraph(line).alignment = 1
    for line in lines:
        document.add_paragraph(line)
    if path.stem.startswith("Daftar Hadir"):
        table = document.add_table(rows=1 + len(TIM), cols=4)
        for c, head in enumerate(("No", "Nama", "Jabatan", "Tanda Tangan")):
            table.cell(0, c).text = head
        for r, (name, job, _role) in enumerate(TIM, 1):
            for c, value in enumerate((str(r), name, job, "ttd")):
                table.cell(r, c).text = value
    if path.stem.startswith("SK Tim"):
        document.add_paragraph("LAMPIRAN: SUSUNAN TIM KERJA")
        for name, _job, role in TIM:
            document.add_paragraph(f"{role}: {name}")
    document.add_paragraph(f"Sukamaju, Kepala Dinas, {KADIS}")
    document.core_properties.author = "DPMPTSP Kabupaten Sukamaju"
    document.save(str(path))


def _xlsx(path: Path, title: str) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append([title.upper(), "", "", ""])
    sheet.append([UNIT])
    if "Rencana Kerja" in path.name:
        sheet.append(["No", "Kegiatan", "Target", "Jadwal"])
        rows = [
            ("Penyusunan SK tim", "SK", "Januari"),
            ("Sosialisasi ZI", "2 kali", "Feb-Mar"),
            ("Survei kepuasan masyarakat", "2 kali", "Jun, Des"),
            ("Monitoring dan evaluasi", "4 laporan", "Triwulanan"),
        ]
    else:
        sheet.append(["No", "Jabatan", "Kebutuhan", "Ada"])
        rows = [
            ("Analis Perizinan", "8", "5"),
            ("Pranata Komputer", "3", "2"),
            ("Arsiparis", "2", "1"),
        ]
    for number, row in enumerate(rows, 1):
        sheet.append([number, *row])
    book.save(str(path))


def _image(path: Path, lines: list[str], size: tuple[int, int], scan: bool = False) -> None:
    font = ImageFont.truetype(FONT, 30 if scan else 18)
    image = Image.new("L" if scan else "RGB", size, 245 if scan else "white")
    draw = ImageDraw.Draw(image)
    if not scan:
        draw.rectangle((0, 0, size[0], 36), fill=(40, 90, 160))
        draw.text((12, 8), lines[0] if lines else "", font=font, fill="white")
        body = lines[1:]
    else:
        body = lines
    for n, line in enumerate(body):
        draw.text(
            (60 if scan else 24, (90 if scan else 60) + n * (60 if scan else 34)),
            line,
            font=font,
            fill=20 if scan else (30, 30, 30),
        )
    if not lines:  # the photo: shapes only
        draw.ellipse((40, 40, 200, 200), fill=(200, 120, 60))
        draw.rectangle((260, 60, 420, 220), fill=(60, 140, 90))
    if scan:
        image.save(path, "PDF", resolution=100.0)
    else:
        image.quantize(16).save(path, "PNG", optimize=True)


def build_sources(folder: Path) -> list[tuple[Path, dt.date | None, list[IndicatorRef], str]]:
    to_pdf: list[Path] = []
    built = []
    for name, kind, date, tags, title, body in DOCS:
        target = folder / name
        if kind == "docx->pdf":
            source = folder / "word" / (target.stem + ".docx")
            source.parent.mkdir(parents=True, exist_ok=True)
            _docx(source, body)
            to_pdf.append(source)
        elif kind == "docx":
            _docx(target, body)
        elif kind == "xlsx":
            _xlsx(target, title)
        elif kind == "csv":
            target.write_text("\n".join(body) + "\n", encoding="utf-8")
        elif kind in ("screenshot", "photo"):
            _image(target, body, (640, 220) if body else (480, 260))
        elif kind == "scan":
            _image(target, body, (900, 560), scan=True)
        built.append((target, date, tags, title))
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, to_pdf),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return built


def _import_old_tags(workspace: Workspace) -> None:
    """Write tags the current catalogue does not know (the archive's own commands refuse
    them) straight through the archive's database, with an audit entry explaining them."""
    with open_archive(workspace) as archive, archive.writing():
        by_name = {f.name: f.sha256 for f in archive.db.files()}
        with archive.db.transaction() as tx:
            for name, tag in OLD_TAGS:
                sha = by_name[name]
                for added in tx.add_tags(sha, [tag]):
                    tx.bump(sha)
                    why = f"{added}; diimpor dari katalog lama ({OLD_CATALOGUE})"
                    tx.log("impor-tag", sha, why)
        archive.commit_index()


def _lose(workspace: Workspace, name: str) -> None:
    """Delete one stored object behind zi-docs' back, as a folder clean-up in Drive would."""
    stored = next(f for f in evidence.stored_files(workspace) if f.name == name)
    stored.path.unlink()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sources = build_sources(Path(tmp) / "sumber")
        workspace = init_workspace(Path(tmp) / "ws").workspace
        for path, date, tags, title in sources:
            report = evidence.add_files(workspace, [path], tags=tags, title=title, doc_date=date)
            if report.rejected:
                raise SystemExit(f"{path.name}: {report.rejected[0].reason}")
        _import_old_tags(workspace)
        _lose(workspace, LOST)
        problems = evidence.verify_archive(workspace).problems
        expected = [("missing", f"berkas tersimpan {LOST} hilang")]
        if [(p.kind, p.message) for p in problems] != expected:
            raise SystemExit(f"example archive has other problems than the lost file: {problems}")
        target = ROOT / "zi_docs" / "data" / "example-archive"
        if target.exists():
            shutil.rmtree(target)
        target.mkdir()
        with sqlite3.connect(workspace.archive_dir / "catalog.sqlite") as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("VACUUM INTO ?", (str(target / "catalog.sqlite"),))
        shutil.copytree(workspace.archive_dir / "objects", target / "objects")
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"{target.relative_to(ROOT)}: {len(DOCS)} files, {size / 1000:.0f} kB")


if __name__ == "__main__":
    main()
