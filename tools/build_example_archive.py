"""Build the example evidence archive (top-level ``archive/``) of the demo workspace.

Fictitious documents of DPMPTSP Kabupaten Sukamaju for 2026: undangan, daftar hadir,
notulen, SK, screenshots (PNG), a scanned page (image-only PDF, read by OCR), spreadsheets.
Word documents become PDFs through LibreOffice (once, here); everything is ingested through
the archive library, so the committed ``archive/`` is exactly the on-disk format zi-docs
writes. Deliberately imperfect, as real archives are, so that ``zi-docs check`` shows every
kind of finding: one file dated in the previous year, one untagged file, tags imported from
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
from openpyxl import Workbook
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zi_docs import evidence  # noqa: E402
from zi_docs.evidence.filing import open_archive  # noqa: E402
from zi_docs.refs import IndicatorRef  # noqa: E402
from zi_docs.workspace import Workspace, init_workspace  # noqa: E402

UNIT = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sukamaju"
KOP = [
    "PEMERINTAH KABUPATEN SUKAMAJU",
    "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
    "Jalan Merdeka Nomor 17, Sukamaju 45111, Telepon (0231) 321654",
]
KADIS = "Dr. Hj. Ratna Kusumawardani, S.E., M.Si."
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TIM = [
    ("Dr. Hj. Ratna Kusumawardani, S.E., M.Si.", "Kepala Dinas", "Penanggung Jawab"),
    ("Ir. Bambang Setiadi, M.T.", "Sekretaris", "Ketua"),
    ("Siti Nurhaliza, S.Sos.", "Kepala Subbagian Umum", "Sekretaris Tim"),
    ("Agus Priyanto, S.Kom.", "Pranata Komputer", "Koordinator Pelayanan Publik"),
    ("Dewi Lestari, S.H.", "Analis Perizinan", "Koordinator Pengawasan"),
]

# (file, kind, date, tags, title, body). Bodies are the documents' own words.
DOCS: list[tuple[str, str, dt.date | None, list[IndicatorRef], str, list[str]]] = [
    (
        "SK Tim Pembangunan ZI 2026.pdf",
        "docx->pdf",
        dt.date(2026, 1, 12),
        [IndicatorRef("A.I.1.i.a", "sk-tim"), IndicatorRef("A.I.1.i.b", "sk-tim")],
        "Keputusan Kepala Dinas tentang Tim Pembangunan Zona Integritas",
        [
            "KEPUTUSAN KEPALA DINAS PENANAMAN MODAL DAN PTSP KABUPATEN SUKAMAJU",
            "NOMOR 800/012/DPMPTSP/2026",
            "TENTANG PEMBENTUKAN TIM KERJA PEMBANGUNAN ZONA INTEGRITAS MENUJU WILAYAH BEBAS DARI "
            "KORUPSI",
            "Menimbang: bahwa dalam rangka pembangunan zona integritas menuju WBK perlu dibentuk tim "
            "kerja yang bertugas menyusun rencana kerja, melaksanakan, dan memantau pembangunan.",
            "Mengingat: Peraturan Menteri PANRB Nomor 90 Tahun 2021.",
            "MEMUTUSKAN: Menetapkan susunan Tim Kerja Pembangunan Zona Integritas sebagaimana "
            "tercantum dalam lampiran.",
        ],
    ),
    (
        "Undangan Rapat Pembentukan Tim ZI.pdf",
        "docx->pdf",
        dt.date(2026, 1, 8),
        [IndicatorRef("A.I.1.i.a", "undangan")],
        "Undangan rapat pembentukan tim Zona Integritas",
        [
            "Nomor: 005/004/DPMPTSP/2026",
            "Perihal: Undangan Rapat Pembentukan Tim Zona Integritas",
            "Dengan hormat, kami mengundang Bapak/Ibu untuk menghadiri rapat pembentukan tim kerja "
            "pembangunan zona integritas pada hari Jumat, 9 Januari 2026, pukul 09.00 WIB, di Ruang "
            "Rapat Lantai 2 DPMPTSP Kabupaten Sukamaju.",
            "Acara: pemilihan anggota tim secara terbuka.",
        ],
    ),
    (
        "Daftar Hadir Rapat Tim ZI.pdf",
        "docx->pdf",
        dt.date(2026, 1, 9),
        [IndicatorRef("A.I.1.i.a", "daftar-hadir")],
        "Daftar hadir rapat pembentukan tim ZI",
        [
            "DAFTAR HADIR",
            "Rapat Pembentukan Tim Kerja Pembangunan Zona Integritas",
            "Hari/Tanggal: Jumat, 9 Januari 2026",
            "Tempat: Ruang Rapat Lantai 2",
        ],
    ),
    (
        "Notulen Rapat Pembentukan Tim ZI.docx",
        "docx",
        dt.date(2026, 1, 9),
        [IndicatorRef("A.I.1.i.a", "notulen"), IndicatorRef("A.I.1.i.b", "notulen")],
        "Notulen rapat pembentukan tim Zona Integritas",
        [
            "NOTULEN RAPAT",
            "Pimpinan rapat: Kepala Dinas. Peserta: 18 orang (daftar hadir terlampir).",
            "Pembahasan: pembangunan zona integritas menuju WBK tahun 2026; "
            "mekanisme pemilihan anggota tim melalui usulan bidang dan kriteria integritas.",
            "Keputusan: tim kerja ditetapkan dengan SK Kepala Dinas; rencana kerja disusun paling "
            "lambat 31 Januari 2026.",
        ],
    ),
    (
        "Rencana Kerja Pembangunan ZI 2026.xlsx",
        "xlsx",
        dt.date(2026, 1, 30),
        [
            IndicatorRef("A.I.1.ii.a", "rencana-kerja"),
            IndicatorRef("A.I.1.ii.b", "rencana-kerja"),
            IndicatorRef("A.II.1.ii.a", "rencana-kerja"),
        ],
        "Rencana kerja pembangunan Zona Integritas 2026",
        [],
    ),
    (
        "Laporan Monev Triwulan I.pdf",
        "docx->pdf",
        dt.date(2026, 4, 10),
        [
            IndicatorRef("A.I.1.iii.b", "laporan-monev"),
            IndicatorRef("A.II.1.ii.a", "laporan-monev"),
        ],
        "Laporan monitoring dan evaluasi pembangunan ZI triwulan I",
        [
            "LAPORAN MONITORING DAN EVALUASI TRIWULAN I TAHUN 2026",
            "Capaian: 14 dari 18 kegiatan rencana kerja terlaksana (78%).",
            "Kendala: sosialisasi maklumat pelayanan belum menjangkau seluruh kecamatan.",
            "Tindak lanjut: sosialisasi melalui media sosial dan mal pelayanan publik.",
        ],
    ),
    (
        "SOP Penerbitan Izin Usaha.pdf",
        "docx->pdf",
        dt.date(2026, 2, 3),
        [IndicatorRef("A.I.2.i.a", "sop"), IndicatorRef("A.I.2.i.b", "sop")],
        "SOP penerbitan izin usaha",
        [
            "STANDAR OPERASIONAL PROSEDUR",
            "Nama SOP: Penerbitan Izin Usaha melalui OSS",
            "1. Pemohon mengajukan permohonan melalui OSS.",
            "2. Petugas memverifikasi berkas.",
            "3. Kepala Bidang menandatangani izin secara elektronik.",
        ],
    ),
    (
        "Tangkapan Layar PPID.png",
        "screenshot",
        dt.date(2026, 3, 2),
        [IndicatorRef("A.I.2.iii.a", "tangkapan-layar")],
        "Tangkapan layar laman PPID DPMPTSP",
        [
            "dpmptsp.sukamajukab.go.id/ppid",
            "Pejabat Pengelola Informasi dan Dokumentasi",
            "Daftar Informasi Publik 2026",
            "Permohonan Informasi Online",
        ],
    ),
    (
        "Rencana Kebutuhan Pegawai 2026.xlsx",
        "xlsx",
        dt.date(2026, 2, 12),
        [IndicatorRef("A.I.3.i.a", "rencana-kebutuhan-pegawai")],
        "Rencana kebutuhan pegawai 2026",
        [],
    ),
    (
        "Perjanjian Kinerja Kepala Dinas 2026.pdf",
        "docx->pdf",
        dt.date(2026, 1, 31),
        [
            IndicatorRef("A.I.4.ii.a", "perjanjian-kinerja"),
            IndicatorRef("A.I.4.i.b", "perjanjian-kinerja"),
        ],
        "Perjanjian kinerja Kepala Dinas tahun 2026",
        [
            "PERJANJIAN KINERJA TAHUN 2026",
            "Sasaran: meningkatnya kualitas pelayanan perizinan.",
            "Indikator: indeks kepuasan masyarakat minimal 85; waktu penyelesaian izin 3 hari.",
        ],
    ),
    (
        "SK Unit Pengendalian Gratifikasi.pdf",
        "docx->pdf",
        dt.date(2026, 2, 20),
        [IndicatorRef("A.I.5.i.b", "sk-upg")],
        "Keputusan tentang Unit Pengendalian Gratifikasi",
        [
            "KEPUTUSAN KEPALA DINAS NOMOR 800/031/DPMPTSP/2026",
            "TENTANG UNIT PENGENDALIAN GRATIFIKASI",
            "Unit bertugas menerima laporan gratifikasi "
            "dan meneruskannya kepada KPK paling lambat 30 hari kerja.",
        ],
    ),
    (
        "Surat Pernyataan Benturan Kepentingan (pindaian).pdf",
        "scan",
        dt.date(2026, 3, 16),
        [IndicatorRef("A.I.5.v.c", "surat-pernyataan")],
        "Surat pernyataan tidak memiliki benturan kepentingan",
        [
            "SURAT PERNYATAAN",
            "Yang bertanda tangan di bawah ini menyatakan",
            "tidak memiliki",
            "benturan kepentingan dalam",
            "pelayanan perizinan.",
            "Sukamaju, 16 Maret 2026",
        ],
    ),
    (
        "Standar Pelayanan Perizinan.pdf",
        "docx->pdf",
        dt.date(2026, 1, 20),
        [IndicatorRef("A.I.6.i.a", "standar-pelayanan")],
        "Standar pelayanan perizinan berusaha",
        [
            "STANDAR PELAYANAN PERIZINAN BERUSAHA",
            "Persyaratan, sistem dan prosedur, jangka "
            "waktu penyelesaian 3 hari kerja, biaya: tidak dipungut biaya.",
            "Pengaduan: aplikasi SP4N-LAPOR!, WhatsApp 0812-0000-1717, kotak saran.",
        ],
    ),
    (
        "Tangkapan Layar Survei Kepuasan.png",
        "screenshot",
        dt.date(2026, 6, 30),
        [IndicatorRef("A.I.6.iv.b", "publikasi-online")],
        "Publikasi hasil survei kepuasan masyarakat",
        [
            "Hasil Survei Kepuasan Masyarakat Semester I 2026",
            "Indeks: 87,4 (Baik)",
            "Responden: 412 orang",
        ],
    ),
    (
        "Laporan Inovasi SIPANDU.pdf",
        "docx->pdf",
        dt.date(2026, 5, 18),
        [
            IndicatorRef("A.II.6.i.a", "laporan-inovasi"),
            IndicatorRef("A.I.6.ii.f", "dokumen-inovasi"),
        ],
        "Laporan inovasi pelayanan SIPANDU",
        [
            "LAPORAN INOVASI SIPANDU (Sistem Informasi Perizinan Terpadu)",
            "Dampak: waktu penyelesaian izin turun dari 7 hari menjadi 3 hari.",
            "Pemohon dapat memantau status berkas secara daring.",
        ],
    ),
    (
        "Rekap Pengaduan Masyarakat 2026.csv",
        "csv",
        dt.date(2026, 6, 30),
        [
            IndicatorRef("A.II.5.ii.a", "laporan-pengaduan"),
            IndicatorRef("A.I.5.iii.b", "laporan-pengaduan"),
        ],
        "Rekap pengaduan masyarakat semester I",
        [
            "tanggal,kanal,perihal,status",
            "2026-02-03,SP4N-LAPOR,antrean layanan lama,selesai",
            "2026-03-11,WhatsApp,persyaratan izin tidak jelas,selesai",
            "2026-05-20,kotak saran,ruang tunggu panas,selesai",
            "2026-06-14,SP4N-LAPOR,status berkas tidak berubah,diproses",
        ],
    ),
    (
        "Notulen Evaluasi Akhir Tahun 2025.docx",
        "docx",
        dt.date(2025, 12, 19),
        [IndicatorRef("A.I.1.iii.c", "tindak-lanjut")],
        "Notulen evaluasi akhir tahun 2025",
        [
            "NOTULEN RAPAT EVALUASI AKHIR TAHUN 2025",
            "Pembahasan tindak lanjut hasil evaluasi pembangunan zona integritas tahun sebelumnya.",
        ],
    ),
    (
        "Foto Kegiatan Apel Pagi.png",
        "photo",
        dt.date(2026, 2, 2),
        [],
        "Foto kegiatan apel pagi",
        [],
    ),
    (
        "Rekap Kehadiran Apel Pimpinan Februari 2026.csv",
        "csv",
        dt.date(2026, 2, 27),
        [IndicatorRef("A.I.1.iv.a", "rekap-kehadiran")],
        "Rekap kehadiran pimpinan pada apel pagi",
        [
            "tanggal,pimpinan,hadir",
            "2026-02-02,Kepala Dinas,ya",
            "2026-02-09,Kepala Dinas,ya",
            "2026-02-16,Kepala Dinas,ya",
            "2026-02-23,Kepala Dinas,tidak (dinas luar)",
        ],
    ),
]

OLD_CATALOGUE = "PermenPANRB 10/2019 (penilaian 2025)"
# Tags carried over from last year's archive, written under the previous catalogue: an
# indicator id that no longer exists and a checklist item key that was renamed since.
OLD_TAGS = [
    ("Notulen Evaluasi Akhir Tahun 2025.docx", IndicatorRef("A.I.2.iv.a")),
    ("SOP Penerbitan Izin Usaha.pdf", IndicatorRef("A.I.2.i.a", "sop-pelayanan")),
]
LOST = "Rekap Kehadiran Apel Pimpinan Februari 2026.csv"
"""Its stored copy is deleted from archive/objects/ after ingest (berkas hilang dari folder
arsip): the catalogue keeps the entry, ``archive verify`` reports it missing."""


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
        target = ROOT / "archive"
        if target.exists():
            shutil.rmtree(target)
        target.mkdir()
        with sqlite3.connect(workspace.archive_dir / "catalog.sqlite") as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("VACUUM INTO ?", (str(target / "catalog.sqlite"),))
        shutil.copytree(workspace.archive_dir / "objects", target / "objects")
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"archive/: {len(DOCS)} files, {size / 1000:.0f} kB")


if __name__ == "__main__":
    main()
