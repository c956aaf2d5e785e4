"""``zi-docs tindak-lanjut``: the follow-up register (add, list, update, close, suggest)."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from zi_docs import evaluation
from zi_docs.cli._base import ExitCode, F, LazyChoice, ZiGroup, emit_json, workspace_option
from zi_docs.cli.archive_common import date_option, json_option, parse_date, round_option
from zi_docs.workspace import Workspace


def _required_date(ctx: click.Context, param: click.Parameter, value: str) -> dt.date:
    day = parse_date(ctx, param, value)
    assert day is not None  # click enforces required=True
    return day


def _due_option(help_text: str) -> Callable[[F], F]:
    """``--batas``, required: the due date of the new items."""
    return click.option(
        "--batas", required=True, callback=_required_date, metavar="TTTT-BB-HH", help=help_text
    )


@click.group("tindak-lanjut", cls=ZiGroup)
def tindak_lanjut() -> None:
    """Register tindak lanjut: catatan penilai, rekomendasi, hasil monev dan survei."""


@tindak_lanjut.command("tambah")
@click.argument("uraian")
@click.option("--pemilik", required=True, help="Pokja atau area penanggung jawab.")
@_due_option("Batas waktu.")
@click.option(
    "--sumber",
    type=LazyChoice(lambda: list(evaluation.settings()["sumber"])),
    default="rekomendasi",
    show_default=True,
    help="Asal butir ini.",
)
@click.option("--indikator", default=None, help="Indikator LKE terkait (mis. P.MP.iii.c).")
@click.option("--asal", default=None, help="Keterangan asal (mis. 'monev TW II').")
@workspace_option
def tambah(
    workspace: Workspace,
    uraian: str,
    pemilik: str,
    batas: dt.date,
    sumber: str,
    indikator: str | None,
    asal: str | None,
) -> None:
    """Tambah satu butir tindak lanjut."""
    qid = workspace.catalogue.resolve(indikator).id if indikator else None
    [code] = evaluation.add_items_locked(
        workspace,
        [
            {
                "uraian": uraian,
                "sumber": sumber,
                "asal": asal,
                "indikator": qid,
                "pemilik": pemilik,
                "batas_waktu": batas,
            }
        ],
    )
    click.echo(f"{code} ditambahkan ke {workspace.display(workspace.followup_file)}.")
    _hint_owner(workspace, pemilik)


@tindak_lanjut.command("dari-lapis")
@click.argument("nama")
@_due_option("Batas waktu semua butir baru.")
@round_option("Putaran yang dipakai (bawaan: terakhir).")
@workspace_option
def dari_lapis(workspace: Workspace, nama: str, batas: dt.date, putaran: int | None) -> None:
    """Buat butir dari setiap catatan penilai lapis NAMA yang belum ada di register."""
    items = evaluation.items_from_layer(workspace, nama, due=batas, round_number=putaran)
    _add_drafted(workspace, items, "Tidak ada catatan baru untuk ditindaklanjuti.")


@tindak_lanjut.command("dari-lhe")
@click.argument("berkas", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@_due_option("Batas waktu semua butir baru.")
@click.option(
    "--pemilik", default=None, help="Penanggung jawab semua butir baru (bawaan: Tim Kerja ZI)."
)
@workspace_option
def dari_lhe(workspace: Workspace, berkas: Path, batas: dt.date, pemilik: str | None) -> None:
    """Buat butir dari setiap rekomendasi isian LHE BERKAS (inputs/lhe.yaml) yang belum ada di
    register; asalnya nomor LHE."""
    items = evaluation.items_from_lhe(workspace, berkas, due=batas, owner=pemilik)
    _add_drafted(workspace, items, "Semua rekomendasi LHE ini sudah ada di register.")


def _add_drafted(workspace: Workspace, items: list[dict[str, Any]], none: str) -> None:
    if not items:
        click.echo(none)
        return
    codes = evaluation.add_items_locked(workspace, items)
    click.echo(f"{len(codes)} butir ditambahkan: {', '.join(codes)}.")


@tindak_lanjut.command("daftar")
@click.option("--terbuka", is_flag=True, help="Hanya yang belum selesai.")
@json_option
@workspace_option
def daftar(workspace: Workspace, terbuka: bool, as_json: bool) -> int:
    """Daftar butir tindak lanjut; kode keluar 3 bila ada yang lewat batas waktu."""
    register = evaluation.load_register(workspace)
    today = dt.date.today()
    items = [i for i in register.items if not (terbuka and i.done)]
    if as_json:
        emit_json(
            [
                {
                    "kode": i.code,
                    "uraian": i.text,
                    "sumber": i.source,
                    "asal": i.origin,
                    "indikator": i.indicator,
                    "pemilik": i.owner,
                    "batas_waktu": i.due.isoformat(),
                    "status": i.status,
                    "terlambat": i.overdue(today),
                    "bukti": list(i.evidence),
                }
                for i in items
            ]
        )
    elif not items:
        click.echo("Register tindak lanjut kosong.")
    for item in [] if as_json else items:
        mark = click.style(" TERLAMBAT", fg="red") if item.overdue(today) else ""
        click.echo(f"{item.code:<8}{item.status:<14}{item.due.isoformat():<12}{item.owner}{mark}")
        click.echo(
            textwrap.fill(item.text, 96, initial_indent="        ", subsequent_indent="        ")
        )
    late = any(i.overdue(today) for i in register.items)
    return ExitCode.GAPS if late else ExitCode.OK


@tindak_lanjut.command("ubah")
@click.argument("kode")
@click.option(
    "--status",
    type=LazyChoice(lambda: list(evaluation.settings()["status"])),
    default=None,
    help="Status baru.",
)
@click.option("--pemilik", default=None, help="Pokja atau area penanggung jawab yang baru.")
@date_option("Batas waktu baru.", name="--batas")
@click.option("--keterangan", default=None, help="Keterangan tambahan.")
@workspace_option
def ubah(
    workspace: Workspace,
    kode: str,
    status: str | None,
    pemilik: str | None,
    batas: dt.date | None,
    keterangan: str | None,
) -> None:
    """Ubah status, pemilik, batas waktu atau keterangan butir KODE."""
    item = evaluation.update_item_checked(
        workspace,
        kode,
        {"status": status, "pemilik": pemilik, "batas_waktu": batas, "keterangan": keterangan},
        expected_version=None,
        today=dt.date.today(),
    )
    click.echo(f"{item.code}: {item.status}, batas {item.due.isoformat()}, {item.owner}.")
    if pemilik:
        _hint_owner(workspace, pemilik)


@tindak_lanjut.command("tutup")
@click.argument("kode")
@click.option(
    "--bukti",
    "refs",
    multiple=True,
    required=True,
    metavar="REF",
    help="Berkas arsip yang membuktikan (nomor dari 'archive list'); boleh berulang.",
)
@date_option("Tanggal selesai (bawaan: hari ini).")
@workspace_option
def tutup(workspace: Workspace, kode: str, refs: tuple[str, ...], tanggal: dt.date | None) -> None:
    """Tutup butir KODE dengan bukti dari arsip data dukung."""
    from zi_docs.evidence import show

    stored = [show(workspace, ref).file for ref in refs]
    item = evaluation.update_item_checked(
        workspace,
        kode,
        {
            "status": evaluation.settings()["status_selesai"],
            "bukti": [s.sha256[:12] for s in stored],
            "ditutup": tanggal,
        },
        expected_version=None,
        today=tanggal or dt.date.today(),
    )
    names = ", ".join(s.name for s in stored)
    click.echo(f"{item.code} selesai ({item.closed}); bukti: {names}.")


@tindak_lanjut.command("saran")
@json_option
@workspace_option
def saran(workspace: Workspace, as_json: bool) -> None:
    """Saran jawaban P.MP.iii.c (hasil monev ditindaklanjuti) dari register, beserta alasannya.

    Hanya saran: lke.yaml tidak diubah.
    """
    from zi_docs.assessment import load_answers

    suggestion = evaluation.suggest_mp_iii_c(evaluation.load_register(workspace))
    current = None
    if workspace.answers_file.is_file():
        answer = load_answers(workspace.answers_file, workspace.catalogue).get(suggestion.indicator)
        current = answer.option if answer else None
    if as_json:
        emit_json(
            {
                "indikator": suggestion.indicator,
                "saran": suggestion.option,
                "jawaban_sekarang": current,
                "alasan": suggestion.reasoning,
                "butir_dihitung": suggestion.counted,
                "butir_selesai": suggestion.closed,
            }
        )
        return
    alias = workspace.catalogue.short_alias(workspace.catalogue.node(suggestion.indicator))
    click.secho(
        f"{alias} ({suggestion.indicator}): saran {suggestion.option or '-'}, "
        f"jawaban sekarang {current or '-'}",
        bold=True,
    )
    click.echo(textwrap.fill(suggestion.reasoning, 96))
    if suggestion.option and suggestion.option != current:
        click.echo(
            f"Bila setuju, ubah sendiri di lke.yaml: {suggestion.indicator}: {suggestion.option}"
        )


COMMANDS = (tindak_lanjut,)


def _hint_owner(workspace: Workspace, owner: str) -> None:
    hint = evaluation.owner_hint(workspace, owner)
    if hint:
        click.echo(f"Catatan: {hint}", err=True)
