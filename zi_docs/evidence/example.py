"""The example evidence archive of the demo workspace, and the demo's archive step."""

from __future__ import annotations

import datetime as dt
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

from zi_docs.errors import WorkspaceError
from zi_docs.evidence import filing as api
from zi_docs.evidence import reading as textops
from zi_docs.evidence.archive import OBJECTS_DIR
from zi_docs.evidence.db import DB_FILE as CATALOG_FILE
from zi_docs.outputs import output_folder
from zi_docs.resources import example_archive_dir
from zi_docs.workspace import Workspace

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


def install_example_archive(workspace: Workspace, source: Path | None = None) -> int:
    """Copy the bundled example archive into the workspace's empty ``archive/``.

    Returns the number of stored files copied. Stored files are made read-only; the search
    index is not copied (it is rebuilt from the database on first use).
    """
    source = source or example_archive_dir()
    if not (source / CATALOG_FILE).is_file():
        raise WorkspaceError(
            f"arsip contoh tidak ditemukan di {source}", hint="pasang ulang zi-docs"
        )
    target = workspace.archive_dir
    if (target / CATALOG_FILE).exists() or (target / OBJECTS_DIR).exists():
        raise WorkspaceError(
            f"{target} sudah berisi arsip; arsip contoh tidak disalin",
            hint="pakai ruang kerja baru untuk contoh",
        )
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / CATALOG_FILE, target / CATALOG_FILE)
    shutil.copytree(source / OBJECTS_DIR, target / OBJECTS_DIR)
    copied = 0
    for path in (target / OBJECTS_DIR).glob("*/*"):
        path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        copied += 1
    return copied


def demo_step(workspace: Workspace, progress: Callable[[str], None]) -> list[tuple[str, Path]]:
    """The demo's archive step: example archive, two more files, a search, a verification."""
    if not (workspace.archive_dir / CATALOG_FILE).exists():
        count = install_example_archive(workspace)
        progress(f"Arsip data dukung contoh disalin: {count} berkas")
    inbox = workspace.root / "masuk"
    inbox.mkdir(exist_ok=True)
    added = 0
    for name, indicator, item, date, text in _EXTRA:
        (inbox / name).write_text(text, encoding="utf-8")
        added += len(
            api.add_files(
                workspace, [inbox / name], indicators=[indicator], item=item, doc_date=date
            ).added
        )
    progress(f"Berkas baru ditambahkan ke arsip: {added}")
    result = textops.search(workspace, DEMO_QUERY, limit=10)
    lines = [f'Pencarian arsip: "{DEMO_QUERY}" ({len(result.hits)} hasil)', ""]
    for number, (hit, _stored) in enumerate(result.hits, 1):
        when = hit.date.isoformat() if hit.date else "tanpa tanggal"
        lines.append(f"{number}. {hit.title} ({when}; {', '.join(hit.indicators)})")
        lines.append(f"   {hit.snippet}")
    progress(f"Pencarian '{DEMO_QUERY}': {len(result.hits)} hasil")
    report = api.verify_archive(workspace)
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
