"""``zi-docs archive ...``: the evidence archive (data dukung) of the workspace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from zi_docs import evidence
from zi_docs.cli._base import ExitCode, ZiGroup, emit_json, option, workspace_option
from zi_docs.cli.archive_common import Bar, parse_date, size_and_json_options, tags_text
from zi_docs.cli.archive_manage import MANAGE_COMMANDS
from zi_docs.cli.archive_search import SEARCH_COMMANDS
from zi_docs.workspace import Workspace


@click.group("archive", cls=ZiGroup)
def archive() -> None:
    """Arsip data dukung: tambah, tandai ke indikator LKE, cari, dan periksa keutuhan berkas.

    Setiap berkas disimpan sekali menurut isinya (SHA-256) di folder archive/ ruang kerja,
    tidak pernah diubah, dan dicatat di katalog beserta tag indikatornya.
    """


@archive.command("add")
@click.argument(
    "paths", metavar="BERKAS...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@option(
    "--indikator",
    "-i",
    "indicators",
    old=("--indicator",),
    multiple=True,
    help="Id atau alias indikator LKE (mis. P.MP.i.a atau 1.i.a); boleh berulang.",
)
@option(
    "--butir",
    "item",
    old=("--item",),
    default=None,
    help="Kunci butir data dukung (mis. sk-tim, undangan).",
)
@click.option(
    "--sama-dengan",
    "same_as",
    metavar="NOMOR",
    default=None,
    help="Tandai sama seperti dokumen bernomor NOMOR yang sudah diarsipkan (mis. pindaian SK "
    "yang sudah ditandatangani).",
)
@click.option(
    "--tanggal",
    callback=parse_date,
    metavar="TTTT-BB-HH",
    default=None,
    help="Tanggal dokumen (bawaan: dari metadata berkas bila ada).",
)
@click.option("--judul", default=None, help="Judul dokumen (bawaan: dari nama berkas).")
@click.option("--catatan", default="", help="Catatan bebas untuk berkas ini.")
@size_and_json_options
@workspace_option
def add(
    workspace: Workspace,
    paths: tuple[Path, ...],
    indicators: tuple[str, ...],
    item: str | None,
    same_as: str | None,
    tanggal: dt.date | None,
    judul: str | None,
    catatan: str,
    maks_mb: float,
    as_json: bool,
) -> int:
    """Tambahkan berkas atau folder (rekursif) ke arsip, ditandai ke indikator.

    Berkas yang isinya sudah ada tidak disalin lagi; tagnya saja yang ditambahkan. Berkas
    yang bermasalah (rusak, berpassword, kosong, terlalu besar, jenis tidak didukung)
    ditolak satu per satu dan sisanya tetap diproses.

    Berkas baru yang teksnya diawali nomor dokumen yang sudah diarsipkan (mis. pindaian SK
    yang ditandatangani, 'Nomor: 800.1.2.2/015/DPMPTSP/2026') otomatis mendapat tag dokumen
    itu.
    """
    with Bar("Memproses berkas", enabled=not as_json) as bar:
        report = evidence.add_files(
            workspace,
            list(paths),
            indicators=indicators,
            item=item,
            same_as=same_as,
            title=judul,
            notes=catatan,
            doc_date=tanggal,
            max_mb=maks_mb,
            progress=bar,
        )
    return _ingest_output(report, as_json)


def _ingest_output(report: evidence.IngestReport, as_json: bool) -> int:
    if as_json:
        emit_json(_ingest_json(report))
    else:
        if report.same_as:
            click.echo(f"Tag dari dokumen bernomor sama: {tags_text(report.same_as)}")
        for o in report.outcomes:
            if o.added:
                click.echo(
                    f"+ ditambahkan  {o.source} ({o.sha256[:12]}) -> {tags_text(o.new_tags)}"
                    + ("" if o.text_status in ("ok", "") else f" [teks: {o.text_status}]")
                )
                if o.matched:
                    click.echo(
                        f"  nomor {o.number} sama dengan dokumen di arsip; tag ikut "
                        f"ditambahkan: {tags_text(o.matched)}"
                    )
                if o.superseded:
                    click.echo(
                        "  versi bertanda tangan ini menggantikan konsep "
                        + ", ".join(s[:12] for s in o.superseded)
                        + " (konsep dipindah ke tempat sampah dan keluar dari bundel)"
                    )
            else:
                extra = f"tag baru: {tags_text(o.new_tags)}" if o.new_tags else "tidak ada tag baru"
                if o.restored:
                    extra += "; dikembalikan dari tempat sampah"
                click.echo(
                    f"= sudah ada    {o.source} ({o.sha256[:12]}): isi yang sama sudah "
                    f"tersimpan, tidak disalin lagi; {extra}"
                )
        for r in report.rejected:
            click.secho(f"! ditolak      {r.source}: {r.reason}", fg="red", err=True)
        matched = sum(1 for o in report.added if o.matched)
        click.echo(
            f"Ringkasan: {len(report.added)} ditambahkan, {len(report.present)} sudah "
            f"ada, {len(report.rejected)} ditolak"
            + (f"; {matched} ditandai otomatis dari nomor dokumen." if matched else ".")
        )
    return ExitCode.ERROR if report.rejected else ExitCode.OK


def _ingest_json(report: evidence.IngestReport) -> dict[str, Any]:
    return {
        "sama_dengan": [str(t) for t in report.same_as],
        "ditambahkan": [_outcome(o) for o in report.added],
        "sudah_ada": [_outcome(o) for o in report.present],
        "ditolak": [_rejection(r) for r in report.rejected],
    }


def _rejection(r: evidence.Rejection) -> dict[str, str]:
    return {"berkas": r.source, "alasan": r.reason, "kode": r.code}


def _outcome(o: evidence.Outcome) -> dict[str, Any]:
    return {
        "berkas": o.source,
        "sha256": o.sha256,
        "nama": o.name,
        "tag_baru": [str(t) for t in o.new_tags],
        "status_teks": o.text_status,
        "dikembalikan": o.restored,
        "nomor": o.number,
        "tag_dari_nomor": [str(t) for t in o.matched],
        "konsep": o.draft,
        "menggantikan_konsep": list(o.superseded),
    }


@archive.command("import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@option(
    "--coba",
    "dry_run",
    old=("--dry-run",),
    is_flag=True,
    help="Uji coba: tampilkan rencana tanpa mengubah arsip.",
)
@size_and_json_options
@workspace_option
def import_(
    workspace: Workspace, folder: Path, dry_run: bool, maks_mb: float, as_json: bool
) -> int:
    """Impor folder data dukung yang tersusun seperti LKE dan tandai berkas dari jalurnya.

    Contoh susunan: 'AREA I/i. Penyusunan Tim Kerja/1.i.a SK TIM.pdf', cabang 'II. REFORM',
    atau folder bernama id/alias indikator ('P.MP.i.a'). Berkas yang tidak bisa ditempatkan
    didaftar dan tidak ditambahkan.
    """
    with Bar("Mengimpor berkas", enabled=not as_json) as bar:
        result = evidence.import_tree(
            workspace, folder, dry_run=dry_run, max_mb=maks_mb, progress=bar
        )
    if as_json:
        emit_json(
            {
                "rencana": [
                    {"berkas": p.relative, "tag": [str(t) for t in p.tags]}
                    for p in result.placements
                ],
                "tidak_ditempatkan": [
                    {"berkas": p.relative, "alasan": p.reason} for p in result.unplaced
                ],
                "ditolak": [_rejection(r) for r in result.rejected],
                "hasil": None if result.ingest is None else _ingest_json(result.ingest),
            }
        )
    elif dry_run:
        for p in result.placements:
            click.echo(f"  {p.relative} -> {tags_text(p.tags)}")
    for p in result.unplaced:
        click.secho(f"? tidak ditempatkan  {p.relative}: {p.reason}", fg="yellow", err=True)
    for r in result.rejected:
        click.secho(f"! ditolak      {r.source}: {r.reason}", fg="red", err=True)
    if result.ingest is not None and not as_json:
        _ingest_output(result.ingest, as_json=False)
    if dry_run and not as_json:
        click.echo(
            f"Uji coba: {len(result.placements)} berkas akan ditambahkan, "
            f"{len(result.unplaced)} tidak bisa ditempatkan. Arsip tidak diubah."
        )
    if result.unplaced and not as_json:
        click.echo(
            "Ganti nama berkas yang tidak ditempatkan (awali dengan nomor butir, mis. "
            "'1.i.a ...') atau tambahkan dengan: zi-docs archive add BERKAS --indikator ID"
        )
    rejected = result.rejected or (result.ingest is not None and result.ingest.rejected)
    return ExitCode.ERROR if rejected else ExitCode.OK


for _command in (*MANAGE_COMMANDS, *SEARCH_COMMANDS):
    archive.add_command(_command)

COMMANDS: list[click.Command] = [archive]
