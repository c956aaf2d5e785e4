"""``zi-docs archive list/show/tag/untag/edit/remove/restore/empty-trash/log``."""

from __future__ import annotations

import datetime as dt

import click

from zi_docs import evidence
from zi_docs.cli._base import (
    ExitCode,
    ZiCommand,
    emit_json,
    option,
    workspace_option,
)
from zi_docs.cli.archive_common import (
    checked_filters,
    file_json,
    limit_option,
    narrowing_options,
    parse_date,
    short,
    tags_text,
)
from zi_docs.workspace import Workspace


@click.command(cls=ZiCommand, name="list")
@narrowing_options(
    "Hanya berkas untuk indikator ini (id/alias; sub-komponen atau area juga boleh).",
    "Hanya berkas untuk area ini (MP, TTL, SDM, AK, PW, PP).",
)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@workspace_option
def list_(workspace: Workspace, filters: evidence.SearchFilters, as_json: bool) -> int:
    """Daftar berkas di arsip beserta tanggal dan tag indikatornya."""
    listing = evidence.list_files(workspace, checked_filters(workspace, filters))
    if as_json:
        emit_json([file_json(f) for f in listing.files])
        return ExitCode.OK
    for f in listing.files:
        date = f.doc_date.isoformat() if f.doc_date else "tanpa tanggal"
        konsep = " (konsep)" if f.draft else ""
        click.echo(f"{short(f)}  {date:<13} {f.kind:<5} {f.name}{konsep}  [{tags_text(f.tags)}]")
    click.echo(
        f"{len(listing.files)} berkas ditampilkan; arsip berisi {listing.total} berkas"
        f" ({listing.trashed} di tempat sampah)."
    )
    return ExitCode.OK


@click.command(cls=ZiCommand, name="show")
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@workspace_option
def show(workspace: Workspace, ref: str, as_json: bool) -> int:
    """Rincian satu berkas (awalan SHA-256 atau nama berkas): tag, tanggal, riwayat."""
    detail = evidence.show(workspace, ref)
    f = detail.file
    if as_json:
        data = file_json(f)
        data["riwayat"] = [
            {"waktu": h.at, "oleh": h.who, "aksi": h.action, "rincian": h.detail}
            for h in detail.history
        ]
        emit_json(data)
        return ExitCode.OK
    rows = [
        ("SHA-256", f.sha256),
        ("Nama asli", "; ".join(f.names)),
        ("Judul", f.title),
        ("Jenis", f"{f.kind} ({f.mime})"),
        ("Ukuran", f"{f.size} bita"),
        (
            "Tanggal dokumen",
            f"{f.doc_date.isoformat()} (dari {f.date_source})" if f.doc_date else "tidak diketahui",
        ),
        ("Ditambahkan", f"{f.added_at:%Y-%m-%d %H:%M} UTC oleh {f.added_by}"),
        ("Status teks", f.text_status),
        ("Catatan", f.notes or "-"),
        ("Disimpan di", str(f.path)),
    ]
    if f.draft:
        rows.append(("Status", "konsep (belum ditandatangani; belum dihitung data dukung)"))
    if f.trashed_at:
        rows.append(("Tempat sampah", f"sejak {f.trashed_at:%Y-%m-%d %H:%M}"))
    for label, value in rows:
        click.echo(f"{label + ':':<17}{value}")
    click.echo("Indikator:")
    for line in detail.indicator_labels or ("(belum ditandai)",):
        click.echo(f"  - {line}")
    if detail.text_excerpt:
        click.echo(f"Cuplikan teks: {detail.text_excerpt}")
    click.echo("Riwayat:")
    for h in detail.history:
        click.echo(f"  {h.at:%Y-%m-%d %H:%M} {h.who}: {h.action} — {h.detail}")
    return ExitCode.OK


def _tag_command(name: str, adding: bool) -> click.Command:
    @click.argument("ref")
    @option(
        "--indikator",
        "-i",
        "indicators",
        old=("--indicator",),
        multiple=True,
        required=True,
        help="Id atau alias indikator LKE; boleh berulang.",
    )
    @option(
        "--butir",
        "item",
        old=("--item",),
        default=None,
        help="Kunci butir data dukung (mis. undangan).",
    )
    @workspace_option
    def command(
        workspace: Workspace, ref: str, indicators: tuple[str, ...], item: str | None
    ) -> int:
        call = evidence.tag if adding else evidence.untag
        change = call(workspace, ref, list(indicators), item)
        verb = "ditambahkan" if adding else "dilepas"
        if change.changed:
            click.echo(
                f"{change.file.name} ({short(change.file)}): tag {verb}: "
                f"{tags_text(change.changed)}"
            )
        if change.unchanged:
            state = "sudah ada" if adding else "memang tidak ada"
            click.echo(f"Tag yang {state}: {tags_text(change.unchanged)}")
        click.echo(f"Tag sekarang: {tags_text(change.file.tags)}")
        return ExitCode.OK

    command.__doc__ = (
        "Tandai berkas ke indikator (dan butir data dukung). Isi berkas tidak berubah."
        if adding
        else "Lepas tag indikator dari berkas (tanpa --butir: semua tag indikator "
        "itu). Isi berkas tidak berubah."
    )
    return click.command(name, cls=ZiCommand)(command)


tag = _tag_command("tag", adding=True)
untag = _tag_command("untag", adding=False)


@click.command(cls=ZiCommand, name="edit")
@click.argument("ref")
@click.option("--judul", default=None, help="Judul baru.")
@click.option("--catatan", default=None, help="Catatan baru.")
@click.option(
    "--tanggal", callback=parse_date, metavar="TTTT-BB-HH", default=None, help="Tanggal dokumen."
)
@workspace_option
def edit(
    workspace: Workspace, ref: str, judul: str | None, catatan: str | None, tanggal: dt.date | None
) -> int:
    """Ubah judul, catatan, atau tanggal dokumen sebuah berkas (isinya tidak berubah)."""
    f = evidence.edit(workspace, ref, title=judul, notes=catatan, doc_date=tanggal)
    click.echo(
        f"{f.name} ({short(f)}): judul '{f.title}', tanggal "
        f"{f.doc_date.isoformat() if f.doc_date else '-'}"
    )
    return ExitCode.OK


@click.command(cls=ZiCommand, name="remove")
@click.argument("refs", nargs=-1, required=True)
@workspace_option
def remove(workspace: Workspace, refs: tuple[str, ...]) -> int:
    """Pindahkan berkas ke tempat sampah (belum dihapus; lihat 'restore' dan 'empty-trash')."""
    _echo_change(
        evidence.remove(workspace, list(refs)),
        "Dipindah ke tempat sampah",
        "Sudah di tempat sampah",
    )
    click.echo(
        "Kembalikan dengan 'zi-docs archive restore REF'; hapus permanen dengan "
        "'zi-docs archive empty-trash'."
    )
    return ExitCode.OK


@click.command(cls=ZiCommand, name="restore")
@click.argument("refs", nargs=-1, required=True)
@workspace_option
def restore(workspace: Workspace, refs: tuple[str, ...]) -> int:
    """Kembalikan berkas dari tempat sampah."""
    _echo_change(evidence.restore(workspace, list(refs)), "Dikembalikan", "Tidak di tempat sampah")
    return ExitCode.OK


def _echo_change(change: evidence.TrashChange, done: str, skipped: str) -> None:
    for label, files in ((done, change.files), (skipped, change.skipped)):
        for f in files:
            click.echo(f"{label}: {f.name} ({short(f)})")


@click.command(cls=ZiCommand, name="empty-trash")
@click.option("--ya", is_flag=True, help="Jangan minta konfirmasi.")
@workspace_option
def empty_trash(workspace: Workspace, ya: bool) -> int:
    """Hapus permanen semua berkas di tempat sampah."""
    trashed = evidence.list_files(workspace, evidence.SearchFilters(trashed=True)).files
    if not trashed:
        click.echo("Tempat sampah kosong.")
        return ExitCode.OK
    if not ya:
        click.confirm(f"Hapus permanen {len(trashed)} berkas dari tempat sampah?", abort=True)
    change = evidence.empty_trash(workspace)
    freed = evidence.megabytes(change.freed_bytes)
    click.echo(f"{len(change.files)} berkas dihapus permanen ({freed} dibebaskan).")
    return ExitCode.OK


@click.command(cls=ZiCommand, name="log")
@limit_option(50, "Jumlah baris terakhir.")
@workspace_option
def log(workspace: Workspace, limit: int) -> int:
    """Catatan audit: siapa mengubah apa di katalog arsip, dan kapan."""
    for h in evidence.audit_log(workspace, limit=limit):
        ref = f" {h.sha256[:12]}" if h.sha256 else ""
        click.echo(f"{h.at:%Y-%m-%d %H:%M:%S} {h.who}: {h.action}{ref} — {h.detail}")
    return ExitCode.OK


MANAGE_COMMANDS = [list_, show, tag, untag, edit, remove, restore, empty_trash, log]
