"""The demo step of the submission flow: check, report, bundle."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from zi_docs.submission.check import CheckResult, run_check
from zi_docs.submission.docx_report import write_check_docx
from zi_docs.submission.export import export_bundle
from zi_docs.submission.report import check_markdown
from zi_docs.workspace import Workspace


def _ensure_cases(workspace: Workspace, result: CheckResult) -> bool:
    """Add the few example files a realistic archive has but the example may lack: a file
    nobody tagged, last year's notulen, and partial evidence for a top answer. True if added."""
    from zi_docs.evidence import add_files

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


def demo_step(workspace: Workspace, progress: Callable[[str], None]) -> list[tuple[str, Path]]:
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
