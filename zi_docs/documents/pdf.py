"""PDF through LibreOffice headless: the only place zi-docs runs ``soffice``.

One ``soffice`` process converts a whole batch (per output folder), with a private user
profile so it neither collides with a LibreOffice the user has open nor leaves state behind.
"""

from __future__ import annotations

import logging
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from zi_docs.errors import ToolMissingError, ZiError
from zi_docs.programs import find_program, install_hint

log = logging.getLogger(__name__)

INSTALL_HINT = (
    install_hint("soffice", "libreoffice-writer")
    + " (pemasang Windows/macOS: libreoffice.org), lalu jalankan lagi dengan --pdf"
)
DEFAULT_TIMEOUT = 300.0
"""Seconds for one batch before the conversion is given up."""


def find_soffice() -> str | None:
    """The LibreOffice program, or ``None`` when it is not installed (see
    :mod:`zi_docs.programs`: ``$ZI_DOCS_SOFFICE``, ``PATH``, Program Files on Windows)."""
    return find_program("soffice")


def convert_to_pdf(files: Sequence[Path], *, timeout: float = DEFAULT_TIMEOUT) -> list[Path]:
    """Convert ``.docx`` files to PDF beside them; return the PDFs in the order given."""
    if not files:
        return []
    program = find_soffice()
    if program is None:
        raise ToolMissingError(
            "LibreOffice tidak terpasang, jadi PDF tidak dapat dibuat", hint=INSTALL_HINT
        )
    by_folder: dict[Path, list[Path]] = {}
    for file in files:
        by_folder.setdefault(file.resolve().parent, []).append(file.resolve())
    for folder, batch in by_folder.items():
        _run(program, folder, batch, timeout)
    pdfs = [file.resolve().with_suffix(".pdf") for file in files]
    missing = [p for p in pdfs if not p.is_file()]
    if missing:
        raise ZiError(
            "LibreOffice tidak menghasilkan PDF untuk: " + ", ".join(p.name for p in missing),
            hint="buka .docx-nya di LibreOffice/Word untuk melihat apakah berkasnya rusak",
        )
    return pdfs


def _run(program: str, outdir: Path, batch: list[Path], timeout: float) -> None:
    with tempfile.TemporaryDirectory(prefix="zi-docs-lo-") as profile:
        command = [
            program,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, batch),
        ]
        log.info("soffice: %d berkas -> %s", len(batch), outdir)
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            raise ZiError(
                f"LibreOffice tidak selesai dalam {timeout:.0f} detik saat membuat PDF",
                hint="tutup jendela LibreOffice yang terbuka lalu coba lagi, atau buat PDF "
                "lebih sedikit sekaligus",
            ) from None
        except OSError as exc:
            raise ToolMissingError(
                f"LibreOffice tidak dapat dijalankan ({exc.strerror})", hint=INSTALL_HINT
            ) from None
        if done.returncode != 0:
            raise ZiError(
                f"LibreOffice gagal membuat PDF (kode {done.returncode}): "
                f"{(done.stderr or done.stdout).strip()[:300]}",
                hint="periksa apakah berkas .docx dapat dibuka di LibreOffice",
            )
