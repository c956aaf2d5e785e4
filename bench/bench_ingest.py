"""Ingest: zi-docs ``archive add`` versus a fair Pool + pypdf + one whoosh writer script.

Target: zi-docs <= 0.5x the baseline.

The corpus: text PDFs made by LibreOffice (``--lo`` documents of ``--lo-pages`` pages,
converted once in one ``soffice`` call and cached in the temp folder), hand-made multi-page
PDFs, and DOCX files. The baseline is what a competent user writes with the same libraries:
``multiprocessing.Pool`` (one worker per core) extracting with pypdf / python-docx, and one
whoosh writer in the parent adding documents as they arrive, one commit at the end — nothing
stored but the text index. zi-docs does far more (hashing, type detection, atomic fsynced
copies, the SQLite catalogue with audit log, the Indonesian analyzer); each side runs at least
three times, interleaved, each run into a fresh folder.

    python bench/bench_ingest.py [--pdfs 200] [--pages 6] [--docx 60] [--lo 30] [--runs 3]
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "tests"))

import docx  # noqa: E402
from _common import interleaved, load, report  # noqa: E402
from pdfmake import make_pdf  # noqa: E402

TARGET = 0.5
_TEXT = (
    "pembangunan zona integritas wilayah bebas korupsi birokrasi bersih melayani pelayanan "
    "publik perizinan berusaha pengaduan masyarakat tindak lanjut monitoring evaluasi laporan "
    "rapat undangan daftar hadir notulen keputusan kepala dinas tim kerja rencana sosialisasi "
    "pegawai kinerja akuntabilitas pengawasan gratifikasi benturan kepentingan standar maklumat "
    "survei kepuasan inovasi teknologi informasi aplikasi layanan daring kecamatan kabupaten "
    "sukamaju anggaran realisasi capaian target indikator sasaran strategis penguatan penataan "
    "tatalaksana prosedur operasional dokumen arsip bukti dukung penilaian mandiri"
)
WORDS = tuple(_TEXT.split())


def _page(rng: random.Random, lines: int = 38) -> str:
    return "\n".join(" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(lines))


def _docx(path: Path, rng: random.Random, paragraphs: int = 30, breaks: int = 0) -> None:
    document = docx.Document()
    for n in range(paragraphs):
        document.add_paragraph(" ".join(rng.choice(WORDS) for _ in range(14)))
        if breaks and n % (paragraphs // breaks or 1) == 0 and n:
            document.add_page_break()
    table = document.add_table(rows=6, cols=3)
    for row in table.rows:
        for cell in row.cells:
            cell.text = rng.choice(WORDS)
    document.save(str(path))


def libreoffice_pdfs(folder: Path, count: int, pages: int, seed: int) -> list[Path]:
    """``count`` PDFs made by LibreOffice from DOCX (cached by count, pages and seed)."""
    if count <= 0 or shutil.which("soffice") is None:
        return []
    cache = Path(tempfile.gettempdir()) / f"zi-bench-lo-{count}-{pages}-{seed}"
    if len(list(cache.glob("*.pdf"))) < count:
        shutil.rmtree(cache, ignore_errors=True)
        source = cache / "docx"
        source.mkdir(parents=True)
        rng = random.Random(seed)
        for i in range(count):
            _docx(source / f"surat-lo-{i:03d}.docx", rng, paragraphs=pages * 12, breaks=pages)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(cache)]
            + [str(p) for p in sorted(source.glob("*.docx"))],
            check=True,
            capture_output=True,
            env={**os.environ, "HOME": str(cache)},
        )
    found = []
    for pdf in sorted(cache.glob("*.pdf"))[:count]:
        shutil.copy2(pdf, folder / pdf.name)
        found.append(folder / pdf.name)
    return found


def build_corpus(
    folder: Path, pdfs: int, docs: int, pages: int, seed: int, lo: int = 0, lo_pages: int = 8
) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    files = libreoffice_pdfs(folder, lo, lo_pages, seed)
    for i in range(pdfs):
        path = folder / f"laporan-{i:04d}.pdf"
        path.write_bytes(make_pdf([_page(rng) for _ in range(pages)]))
        files.append(path)
    for i in range(docs):
        path = folder / f"notulen-{i:04d}.docx"
        _docx(path, rng)
        files.append(path)
    return files


def _extract(path: Path) -> tuple[str, str]:
    from pypdf import PdfReader

    if path.suffix == ".pdf":
        text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    else:
        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
        text = "\n".join(parts)
    return str(path), text


def baseline(files: list[Path], index_dir: Path) -> None:
    """The fair script: a Pool over the cores for extraction, one whoosh writer."""
    from whoosh import fields, index

    index_dir.mkdir()
    schema = fields.Schema(path=fields.ID(stored=True, unique=True), text=fields.TEXT())
    ix = index.create_in(str(index_dir), schema)
    writer = ix.writer()
    with multiprocessing.Pool(os.cpu_count() or 1) as pool:
        for path, text in pool.imap_unordered(_extract, files, chunksize=4):
            writer.add_document(path=path, text=text)
    writer.commit()
    ix.close()


def zi_docs(folder: Path, workspace_dir: Path, expected: int) -> None:
    from zi_docs import evidence
    from zi_docs.workspace import init_workspace

    workspace = init_workspace(workspace_dir).workspace
    report_ = evidence.add_files(workspace, [folder], indicators=["P.MP.i.a"])
    if report_.rejected or len(report_.added) != expected:
        raise SystemExit(f"ingest incomplete: {report_.rejected[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfs", type=int, default=200)
    parser.add_argument("--docx", type=int, default=60)
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--lo", type=int, default=30, help="LibreOffice-made PDFs")
    parser.add_argument("--lo-pages", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    print(load())
    tmp = Path(tempfile.mkdtemp(prefix="zi-bench-ingest-"))
    try:
        corpus = tmp / "corpus"
        files = build_corpus(
            corpus, args.pdfs, args.docx, args.pages, args.seed, args.lo, args.lo_pages
        )
        unique = len({hashlib.sha256(p.read_bytes()).hexdigest() for p in files})
        size = sum(p.stat().st_size for p in files)
        made_by_lo = sum(1 for p in files if p.name.startswith("surat-lo-"))
        print(
            f"korpus: {made_by_lo} PDF LibreOffice x ~{args.lo_pages} hlm + {args.pdfs} PDF x "
            f"{args.pages} hlm + {args.docx} DOCX = {len(files)} berkas, {size / 1e6:.1f} MB"
        )
        counter = iter(range(1000))

        def fresh() -> Path:
            return tmp / f"run-{next(counter)}"

        times = interleaved(
            {
                "Pool+pypdf+whoosh": lambda: baseline(files, fresh()),
                "zi-docs archive add": lambda: zi_docs(corpus, fresh(), unique),
            },
            args.runs,
        )
        report(times, "Pool+pypdf+whoosh", target=TARGET)
        print(load())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
