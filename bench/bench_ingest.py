"""Ingest time of zi-docs versus a plain single-process script (target: ratio <= 0.7).

Generates, in one run, a corpus of multi-page text PDFs plus DOCX files, then times:
  * baseline: one process, pypdf / python-docx extraction, one whoosh index with the default
    analyzer (StandardAnalyzer), one commit at the end — nothing stored but the text index;
  * zi-docs: ``evidence.add_files`` on a fresh workspace — content hashing, type detection, parallel
    extraction on all cores, atomic fsynced copies into the object store, the SQLite catalogue
    with audit log, and the Indonesian search index in batched commits.
Prints both times and the ratio zi-docs / baseline.

    /work/venv/bin/python bench/bench_ingest.py [--pdfs 300] [--docx 100] [--pages 6] [--keep]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import docx  # noqa: E402
from pdfmake import make_pdf  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from whoosh import fields, index  # noqa: E402

from zi_docs import evidence  # noqa: E402
from zi_docs.workspace import init_workspace  # noqa: E402

TARGET = 0.7
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


def build_corpus(folder: Path, pdfs: int, docs: int, pages: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    files = []
    for i in range(pdfs):
        path = folder / f"laporan-{i:04d}.pdf"
        path.write_bytes(make_pdf([_page(rng) for _ in range(pages)]))
        files.append(path)
    for i in range(docs):
        path = folder / f"notulen-{i:04d}.docx"
        document = docx.Document()
        for _ in range(30):
            document.add_paragraph(" ".join(rng.choice(WORDS) for _ in range(14)))
        table = document.add_table(rows=6, cols=3)
        for row in table.rows:
            for cell in row.cells:
                cell.text = rng.choice(WORDS)
        document.save(str(path))
        files.append(path)
    return files


def baseline(files: list[Path], index_dir: Path) -> float:
    """The plain script: extract, add, one commit."""
    start = time.perf_counter()
    index_dir.mkdir()
    schema = fields.Schema(path=fields.ID(stored=True, unique=True), text=fields.TEXT())
    ix = index.create_in(str(index_dir), schema)
    writer = ix.writer()
    for path in files:
        if path.suffix == ".pdf":
            text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
        else:
            document = docx.Document(str(path))
            parts = [p.text for p in document.paragraphs]
            parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
            text = "\n".join(parts)
        writer.add_document(path=str(path), text=text)
    writer.commit()
    ix.close()
    return time.perf_counter() - start


def zi_docs(files: list[Path], folder: Path, workspace_dir: Path) -> tuple[float, int]:
    workspace = init_workspace(workspace_dir).workspace
    start = time.perf_counter()
    report = evidence.add_files(workspace, [folder], indicators=["P.MP.i.a"])
    elapsed = time.perf_counter() - start
    if report.rejected or len(report.added) != len(files):
        raise SystemExit(f"ingest incomplete: {report.rejected[:3]}")
    return elapsed, len(report.added)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfs", type=int, default=300)
    parser.add_argument("--docx", type=int, default=100)
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="zi-bench-ingest-"))
    try:
        corpus = tmp / "corpus"
        files = build_corpus(corpus, args.pdfs, args.docx, args.pages, args.seed)
        size = sum(p.stat().st_size for p in files)
        print(
            f"corpus: {args.pdfs} PDFs x {args.pages} pages + {args.docx} DOCX, "
            f"{size / 1e6:.1f} MB; cores: {os.cpu_count()}"
        )
        base = baseline(files, tmp / "baseline-index")
        ours, count = zi_docs(files, corpus, tmp / "ws")
        print(f"baseline (1 process, pypdf + whoosh default analyzer): {base:7.2f} s")
        print(f"zi-docs archive add ({count} files):                   {ours:7.2f} s")
        ratio = ours / base
        verdict = "OK" if ratio <= TARGET else "ABOVE TARGET"
        print(f"ratio zi-docs / baseline: {ratio:.2f} (target <= {TARGET}) {verdict}")
    finally:
        if args.keep:
            print(f"kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
