"""The command line: the only layer that knows click. Each command parses options, calls one
library function, and formats what comes back."""

from __future__ import annotations

from collections.abc import Sequence

import click

from zi_docs import __version__
from zi_docs.cli._base import AliasedOption, RootGroup, option, workspace_dir_option

# command -> (its module under zi_docs.cli, its short help as --help lists it). A module is
# imported when one of its commands runs; tests/test_startup_imports.py checks the table
# against the commands themselves.
COMMAND_TABLE: dict[str, tuple[str, str]] = {
    "archive": (
        "archive",
        "Arsip data dukung: tambah, tandai ke indikator LKE, cari, dan periksa keutuhan berkas.",
    ),
    "check": (
        "submission",
        "Periksa kelengkapan data dukung sebelum pengajuan.",
    ),
    "demo": (
        "workspace",
        "Jalankan pekerjaan utama pada contoh unit kerja fiktif.",
    ),
    "export": (
        "submission",
        "Buat bundel untuk penilai (BagIt, RFC 8493) di folder KELUARAN.",
    ),
    "generate": (
        "documents",
        "Buat dokumen JENIS dari INPUT.yaml (atau semua masukan dengan --semua).",
    ),
    "init": (
        "workspace",
        "Buat ruang kerja baru untuk satu unit kerja dan satu tahun di FOLDER.",
    ),
    "lapis": (
        "evaluation",
        "Lapis evaluasi (TPI unit, Inspektorat...): jawaban penilai per putaran dan "
        "tanggapan unit.",
    ),
    "lke": (
        "lke",
        "Telusuri katalog LKE (indikator, kriteria, bobot, data dukung).",
    ),
    "rekap": (
        "submission",
        "Rekap beberapa unit kerja sekaligus (untuk Inspektorat/TPI).",
    ),
    "score": (
        "score",
        "Hitung nilai penilaian mandiri LKE terhadap ambang WBK/WBBM.",
    ),
    "survei": (
        "survey",
        "Survei Kepuasan Masyarakat (IKM, PermenPANRB 14/2017) dan survei internal SPAK/SPKP.",
    ),
    "templates": (
        "documents",
        "Templat dokumen: daftar, isian yang diperlukan, dan pemeriksaan templat.",
    ),
    "tindak-lanjut": (
        "followup",
        "Register tindak lanjut: catatan penilai, rekomendasi, hasil monev dan survei.",
    ),
    "web": (
        "web",
        "Layani ruang kerja untuk seluruh tim lewat peramban (browser).",
    ),
}


@click.group(cls=RootGroup, lazy=COMMAND_TABLE, context_settings={"max_content_width": 100})
@click.version_option(
    __version__,
    "--versi",
    "--version",
    cls=AliasedOption,
    hidden_aliases=("--version",),
    message="zi-docs %(version)s",
    help="Tampilkan versi lalu keluar.",
)
@workspace_dir_option(
    "Folder ruang kerja untuk semua perintah (bawaan: $ZI_DOCS_WORKSPACE, atau folder ini dan "
    "induknya)."
)
@option(
    "-v",
    "--rinci",
    "verbose",
    old=("--verbose",),
    count=True,
    help="Tampilkan juga pesan kemajuan; ulangi (-vv) untuk rincian teknis.",
)
@click.option("-q", "--senyap", is_flag=True, help="Hanya tampilkan galat, tanpa peringatan.")
@click.pass_context
def cli(ctx: click.Context, workspace_dir: str | None, verbose: int, senyap: bool) -> None:
    """zi-docs: dokumen, data dukung, dan penilaian mandiri Zona Integritas (WBK/WBBM).

    Mulai dengan 'zi-docs init FOLDER' untuk membuat ruang kerja, atau 'zi-docs demo' untuk
    melihat semuanya bekerja pada contoh unit kerja fiktif.
    """
    if verbose and senyap:
        raise click.UsageError("--rinci dan --senyap tidak dapat dipakai bersamaan")
    from zi_docs.cli._logging import configure_logging  # not loaded for --help

    configure_logging(verbose, senyap)
    ctx.obj = {"workspace_dir": workspace_dir}


def main(args: Sequence[str] | None = None) -> None:
    """Entry point of the ``zi-docs`` command."""
    cli.main(args=args, prog_name="zi-docs")
