"""``zi-docs demo``: the main job on the bundled example workspace, inside one output folder.

Written against the packages' front doors, as any client would: documents, then the evidence
archive, then the self-assessment score, then the completeness check and evaluator bundle.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from zi_docs.angka import angka
from zi_docs.assessment import SCORE_JSON, WORKBOOK, report_to_dict, score_workspace, write_workbook
from zi_docs.documents import OUTPUT_FOLDER, find_soffice, generate_all
from zi_docs.errors import WorkspaceError
from zi_docs.evaluation import answers_fingerprint, evaluator_groups
from zi_docs.evidence import (
    DB_FILE,
    SearchFilters,
    add_files,
    install_example_archive,
    verify_archive,
)
from zi_docs.evidence import search as search_archive
from zi_docs.outputs import output_folder
from zi_docs.submission import (
    CheckResult,
    check_markdown,
    export_bundle,
    run_check,
    write_check_docx,
)
from zi_docs.workspace import EXAMPLE_DIR, Workspace

Progress = Callable[[str], None]
Outputs = list[tuple[str, Path]]
Step = Callable[[Workspace, Progress], Outputs]
MARKER = ".zi-docs-demo"


@dataclass(frozen=True)
class DemoReport:
    """Where the demo put its results."""

    workspace: Workspace
    outputs: tuple[tuple[str, Path], ...]


def run_demo(output: Path, *, progress: Progress = lambda _: None) -> DemoReport:
    """Copy the example workspace into ``output`` and run every step of the main job there.

    A previous demo output (recognised by its marker file) is replaced; any other non-empty
    folder is refused, so the demo never deletes a user's files.
    """
    output = output.expanduser()
    if output.exists() and any(output.iterdir()):
        if not (output / MARKER).is_file():
            raise WorkspaceError(
                f"folder {output} sudah berisi berkas lain; demo tidak menimpanya",
                hint="pilih folder kosong atau folder baru dengan -o",
            )
        shutil.rmtree(output)
    output.mkdir(parents=True, exist_ok=True)
    (output / MARKER).write_text(
        "Folder ini dibuat oleh 'zi-docs demo' dan boleh dihapus.\n", encoding="utf-8"
    )
    shutil.copytree(
        EXAMPLE_DIR,
        output,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    workspace = Workspace(output.resolve())
    progress(f"Contoh ruang kerja disalin ke {output}")
    outputs: Outputs = [("Ruang kerja contoh", workspace.root)]
    for step in STEPS:
        outputs.extend(step(workspace, progress))
    return DemoReport(workspace=workspace, outputs=tuple(outputs))


# ---- documents --------------------------------------------------------------------------------
def documents_step(workspace: Workspace, progress: Progress) -> Outputs:
    """Generate every document (with PDFs when LibreOffice is installed); raise on a failure."""
    with_pdf = find_soffice() is not None
    progress(
        "Membuat dokumen"
        + (" dan PDF" if with_pdf else " (tanpa PDF: LibreOffice tidak terpasang)")
        + " ..."
    )
    summary = generate_all(workspace, pdf=with_pdf)
    if summary.failures:
        raise summary.failures[0][1]
    outputs: Outputs = [("Dokumen", workspace.out_dir / OUTPUT_FOLDER)]
    for result in summary.results:
        count = len(result.documents)
        progress(
            f"  {result.kind} ({result.input.name}): {count} berkas .docx"
            + (" + PDF" if result.pdfs else "")
        )
    return outputs


# ---- evidence archive -------------------------------------------------------------------------
DEMO_QUERY = "pembangunan zona integritas"
_EXTRA = (
    (
        "Notulen Rapat Monev Triwulan II.md",
        "A.I.1.iii.b",
        "notulen",
        dt.date(2026, 7, 9),
        "# Notulen Rapat Monitoring dan Evaluasi Triwulan II\n\nRapat membahas kemajuan "
        "pembangunan zona integritas: 16 dari 18 kegiatan terlaksana. Tindak lanjut: "
        "memperluas sosialisasi maklumat pelayanan ke seluruh kecamatan.\n",
    ),
    (
        "Undangan Sosialisasi Maklumat Pelayanan.txt",
        "A.I.6.i.b",
        None,
        dt.date(2026, 7, 20),
        "Undangan sosialisasi maklumat pelayanan DPMPTSP Kabupaten Sukamaju kepada pelaku usaha, "
        "Senin 27 Juli 2026 pukul 09.00 WIB di Mal Pelayanan Publik.\n",
    ),
)


def archive_step(workspace: Workspace, progress: Progress) -> Outputs:
    """The demo's archive step: example archive, two more files, a search, a verification."""
    if not (workspace.archive_dir / DB_FILE).exists():
        count = install_example_archive(workspace)
        progress(f"Arsip data dukung contoh disalin: {count} berkas")
    inbox = workspace.root / "masuk"
    inbox.mkdir(exist_ok=True)
    added = 0
    for name, indicator, item, date, text in _EXTRA:
        (inbox / name).write_text(text, encoding="utf-8")
        added += len(
            add_files(
                workspace, [inbox / name], indicators=[indicator], item=item, doc_date=date
            ).added
        )
    progress(f"Berkas baru ditambahkan ke arsip: {added}")
    result = search_archive(workspace, DEMO_QUERY, SearchFilters(limit=10))
    lines = [f'Pencarian arsip: "{DEMO_QUERY}" ({len(result.hits)} hasil)', ""]
    for number, (hit, _stored) in enumerate(result.hits, 1):
        when = hit.date.isoformat() if hit.date else "tanpa tanggal"
        lines.append(f"{number}. {hit.title} ({when}; {', '.join(hit.indicators)})")
        lines.append(f"   {hit.snippet}")
    progress(f"Pencarian '{DEMO_QUERY}': {len(result.hits)} hasil")
    report = verify_archive(workspace)
    lines += [
        "",
        f"Verifikasi arsip: {report.files_checked} berkas diperiksa dengan SHA-256; "
        + ("utuh." if report.ok else f"{len(report.problems)} masalah:"),
    ]
    lines += [f"  - {finding}" for finding in report.findings]
    progress("Verifikasi arsip: " + ("utuh" if report.ok else f"{len(report.problems)} masalah"))
    out = output_folder(workspace.out_dir) / "arsip-pencarian-dan-verifikasi.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [("Arsip data dukung", workspace.archive_dir), ("Pencarian dan verifikasi arsip", out)]


# ---- self-assessment --------------------------------------------------------------------------
def score_step(workspace: Workspace, progress: Progress) -> Outputs:
    """Score the example answers, write ``out/skor.json`` and the LKE workbook."""
    report = score_workspace(workspace)
    workspace.out_dir.mkdir(parents=True, exist_ok=True)
    json_path = workspace.out_dir / SCORE_JSON
    json_path.write_text(
        json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    xlsx_path = write_workbook(
        report,
        workspace.out_dir / WORKBOOK,
        layers=evaluator_groups(workspace),
        fingerprint=answers_fingerprint(workspace, report.answers_file),
    )
    verdict = report.verdict(report.target)
    state = ", ".join(
        f"{'memenuhi' if ok else 'belum memenuhi'} ({reading})"
        for reading, ok in verdict.passed_by_reading.items()
    )
    progress(f"Penilaian mandiri: total {angka(report.total)}; {verdict.name}: {state}")
    return [("Skor penilaian mandiri (JSON)", json_path), ("Kertas kerja LKE (Excel)", xlsx_path)]


# ---- completeness check and evaluator bundle ----------------------------------------------------
def _ensure_cases(workspace: Workspace, result: CheckResult) -> bool:
    """Add the few example files a realistic archive has but the example may lack: a file
    nobody tagged, last year's notulen, and partial evidence for a top answer. True if added."""
    present = {f.code for f in result.findings}
    year = workspace.profile.year
    added = False
    with tempfile.TemporaryDirectory(prefix="zi-docs-demo-") as tmp:
        folder = Path(tmp)
        if "belum-ditandai" not in present:
            path = folder / "foto-apel-pagi.txt"
            path.write_text("Foto apel pagi pegawai (keterangan gambar).\n", encoding="utf-8")
            add_files(workspace, [path], doc_date=dt.date(year, 3, 2))
            added = True
        if "di-luar-periode" not in present:
            path = folder / "notulen-rapat-pokja-tahun-lalu.txt"
            path.write_text(
                f"Notulen rapat Pokja Manajemen Perubahan tahun {year - 1}.\n", encoding="utf-8"
            )
            add_files(
                workspace,
                [path],
                indicators=["A.I.1.iii.b"],
                item="notulen",
                doc_date=dt.date(year - 1, 11, 20),
                title="Notulen rapat Pokja",
            )
            added = True
        if "wajib-kurang" not in present:
            target = next(
                (
                    s
                    for s in result.completeness.indicators
                    if s.top
                    and not s.has_evidence
                    and any(not i.required for i in s.items)
                    and any(i.required for i in s.items)
                ),
                None,
            )
            if target is not None:
                item = next(i for i in target.items if not i.required)
                path = folder / f"{item.key}.txt"
                path.write_text(f"{item.description}.\n", encoding="utf-8")
                add_files(
                    workspace,
                    [path],
                    indicators=[target.id],
                    item=item.key,
                    doc_date=dt.date(year, 4, 15),
                    title=item.description,
                )
                added = True
    return added


def submission_step(
    workspace: Workspace, progress: Callable[[str], None]
) -> list[tuple[str, Path]]:
    """Check completeness (Markdown and Word report) and export the evaluator bundle."""
    today = dt.date.today()
    result = run_check(workspace, today)
    if _ensure_cases(workspace, result):
        result = run_check(workspace, today)
    out = workspace.out_dir
    out.mkdir(parents=True, exist_ok=True)
    markdown = out / "kelengkapan.md"
    markdown.write_text(check_markdown(result), encoding="utf-8")
    docx = write_check_docx(result, out / "kelengkapan.docx", today)
    kinds = sorted({f.code for f in result.findings})
    progress(
        f"Kelengkapan: {result.completeness.complete_count} dari "
        f"{len(result.completeness.indicators)} pertanyaan lengkap; temuan: {', '.join(kinds)}"
    )
    bundle = export_bundle(
        workspace,
        out / "bundel",
        now=dt.datetime.now().replace(microsecond=0),
        make_zip=True,
        keep_folder=True,
    )
    progress(
        f"Bundel penilai: {bundle.placements} berkas bukti, BagIt di {bundle.folder} dan "
        f"{bundle.zip}"
    )
    outputs: list[tuple[str, Path]] = [
        ("Laporan kelengkapan (Markdown)", markdown),
        ("Laporan Kelengkapan Data Dukung (Word)", docx),
    ]
    if bundle.folder is not None:
        outputs.append(("Bundel penilai (buka index.html)", bundle.folder / "index.html"))
    if bundle.zip is not None:
        outputs.append(("Bundel penilai (zip)", bundle.zip))
    return outputs


STEPS: tuple[Step, ...] = (documents_step, archive_step, score_step, submission_step)
"""The main job in order."""
