"""``zi-docs lke impor`` and ``zi-docs lapis``: workbooks in, layers, rounds, tanggapan."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from zi_docs import evaluation
from zi_docs.angka import angka
from zi_docs.cli._base import F, ZiCommand, ZiGroup, emit_json, workspace_option
from zi_docs.cli.archive_common import date_option, json_option, round_option
from zi_docs.workspace import Workspace


def _value(value: float | None) -> str:
    return "kosong" if value is None else angka(value, 3)


def _evaluator_option(help_text: str) -> Callable[[F], F]:
    return click.option("--penilai", default=None, metavar="NAMA", help=help_text)


def _echo_wrapped(text: str, indent: int, prefix: str = "") -> None:
    """``prefix`` + ``text`` wrapped at 96 columns, indented ``indent`` (continuations +2)."""
    click.echo(
        textwrap.fill(
            prefix + text,
            96,
            initial_indent=" " * indent,
            subsequent_indent=" " * (indent + 2),
        )
    )


@click.command("impor", cls=ZiCommand)
@click.argument("berkas", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--kolom",
    default=None,
    metavar="JUDUL",
    help='Kelompok kolom yang dibaca: judulnya ("TPI Inspektorat") atau judul kolom '
    'Jawaban-nya ("Jawaban TPI"). Bawaan: kolom unit (kelompok pertama).',
)
@click.option(
    "--lapis",
    default=None,
    metavar="NAMA",
    help="Simpan sebagai putaran baru lapis evaluasi NAMA (lapis/NAMA.yaml), bukan lke.yaml.",
)
@click.option(
    "-o",
    "--keluaran",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tulis jawaban ke berkas ini (bawaan: lke.yaml ruang kerja).",
)
@click.option("--timpa", is_flag=True, help="Ganti berkas jawaban yang sudah berisi jawaban.")
@_evaluator_option("Nama penilai putaran (dengan --lapis).")
@date_option("Tanggal putaran (bawaan: hari ini).")
@json_option
@workspace_option
def impor(
    workspace: Workspace,
    berkas: Path,
    kolom: str | None,
    lapis: str | None,
    keluaran: Path | None,
    timpa: bool,
    penilai: str | None,
    tanggal: dt.date | None,
    as_json: bool,
) -> None:
    """Impor kertas kerja LKE (.xlsx) yang sudah diisi menjadi jawaban lke.yaml.

    Baris dicocokkan ke indikator menurut posisinya dalam hierarki (A. / I. / 1. / i. / a.)
    lalu menurut teksnya; baris yang tidak cocok atau hanya cocok menurut teks ditampilkan
    dengan nomor barisnya. Nilai yang dihitung lembar (Nilai, sub, area, total, lembar
    ringkasan) dibandingkan dengan nilai zi-docs; setiap perbedaan ditampilkan beserta
    sebabnya bila dapat dikenali. Nilai lembar tidak pernah disalin.

    Tidak ada yang ditulis bila impor gagal. lke.yaml yang sudah berisi jawaban tidak
    ditimpa tanpa --timpa. Dengan --lapis, jawaban penilai disimpan sebagai putaran baru.
    """
    if lapis is not None and keluaran is not None:
        raise click.UsageError("--keluaran tidak dapat dipakai bersama --lapis")
    outcome = evaluation.import_into(
        workspace,
        berkas,
        column=kolom,
        layer=lapis,
        output=keluaran,
        overwrite=timpa,
        today=tanggal or dt.date.today(),
        evaluator=penilai,
    )
    if as_json:
        emit_json(evaluation.outcome_to_dict(outcome))
        return
    _print_import(outcome)


def _print_import(outcome: evaluation.ImportOutcome) -> None:
    result = outcome.result
    score = result.score
    click.secho(
        f"Diimpor dari {result.file}, lembar '{result.sheet}', kolom '{result.group}': "
        f"{result.answered} dari {len(score.questions)} butir terjawab.",
        bold=True,
    )
    if len(result.groups) > 1:
        click.echo(f"Kelompok kolom di lembar: {', '.join(result.groups)}")
    if result.fingerprint:
        click.echo(f"Sidik kertas kerja: {result.fingerprint}")
    if outcome.bundle:
        click.echo(
            f"Kertas kerja bundel '{outcome.bundle.name}' yang diekspor "
            f"{outcome.bundle.date.isoformat()}."
        )
    if outcome.other_bundle:
        click.secho(
            "PERHATIAN: kertas kerja ini milik bundel lain: sidiknya tidak tercatat di "
            "bundel-terkirim.yaml ruang kerja ini (bundel unit atau tahun lain, atau diekspor "
            "sebelum zi-docs mencatat bundel). Periksa bahwa kertas kerja ini memang untuk unit "
            "ini sebelum memakai hasilnya.",
            fg="red",
            bold=True,
        )
    if outcome.same_answers is False:
        click.secho(
            "Peringatan: kertas kerja ini dibuat dari jawaban unit yang berbeda dengan lke.yaml "
            "sekarang (lke.yaml sudah diubah sejak kertas kerja dibagikan)",
            fg="yellow",
        )
    where = (
        f"putaran {outcome.round} lapis '{outcome.layer}' ditulis ke {outcome.shown}"
        if outcome.layer
        else f"jawaban ditulis ke {outcome.shown}"
    )
    click.echo(where[0].upper() + where[1:])
    click.echo(
        f"Nilai zi-docs: total {angka(score.total)} (pengungkit {angka(score.pengungkit)}, "
        f"hasil {angka(score.hasil)})"
    )
    if result.unmatched:
        click.secho(
            f"\nBaris yang tidak cocok dengan indikator mana pun ({len(result.unmatched)}):",
            bold=True,
        )
        for row in result.unmatched:
            marker = f"{row.marker} " if row.marker else ""
            click.echo(
                f"  baris {row.row:>4}: {textwrap.shorten(marker + row.text, 80, placeholder=' …')}"
            )
    if result.text_only:
        click.secho(
            f"\nBaris yang dicocokkan menurut teks, bukan posisi ({len(result.text_only)}):",
            bold=True,
        )
        for row in result.text_only:
            how = "hanya teks" if row.how == "teks" else "posisi, teks berbeda"
            node = row.node.id if row.node else "-"
            text = textwrap.shorten(row.text, 60, placeholder=" …")
            likeness = angka(row.similarity)
            click.echo(f"  baris {row.row:>4} → {node:<13} ({how}, kemiripan {likeness}): {text}")
    if result.differences:
        click.secho(f"\nPerbedaan nilai lembar dan zi-docs ({len(result.differences)}):", bold=True)
        for diff in result.differences:
            click.echo(
                f"  {diff.id:<13} {diff.where}: lembar {_value(diff.sheet_value)}, "
                f"zi-docs {_value(diff.value)}"
            )
            if diff.cause:
                click.echo(
                    textwrap.fill(
                        diff.cause, 96, initial_indent="      sebab: ", subsequent_indent="      "
                    )
                )
    else:
        click.echo("\nNilai lembar sama dengan nilai zi-docs (selisih pembulatan diabaikan).")
    if result.notes:
        click.secho(f"\nCatatan impor ({len(result.notes)}):", bold=True)
        for note in result.notes:
            click.echo(
                textwrap.fill(str(note), 96, initial_indent="  - ", subsequent_indent="    ")
            )


# ---- lapis ------------------------------------------------------------------------------------
@click.group(cls=ZiGroup)
def lapis() -> None:
    """Lapis evaluasi (TPI unit, Inspektorat...): jawaban penilai per putaran dan tanggapan unit."""


@lapis.command("daftar")
@json_option
@workspace_option
def daftar(workspace: Workspace, as_json: bool) -> None:
    """Daftar lapis evaluasi ruang kerja beserta putarannya."""
    rows: list[dict[str, Any]] = []
    for name in evaluation.layer_names(workspace):
        layer = evaluation.load_layer(workspace, name)
        rows.append(
            {
                "lapis": name,
                "berkas": layer.file,
                "putaran": [
                    {"nomor": r.number, "tanggal": r.date.isoformat(), "penilai": r.evaluator}
                    for r in layer.rounds
                ],
            }
        )
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo(
            "Belum ada lapis evaluasi. Buat dengan: zi-docs lke impor BERKAS.xlsx --lapis NAMA"
        )
        return
    for row in rows:
        rounds = "; ".join(f"{r['nomor']}: {r['tanggal']} {r['penilai']}" for r in row["putaran"])
        click.echo(f"{row['lapis']:<16} {row['berkas']:<28} putaran {rounds or '-'}")


@lapis.command("catat")
@click.argument("nama")
@click.argument("indikator")
@click.option(
    "--jawaban", default=None, help="Jawaban penilai (Ya, B, 80 untuk persen, 3,5 untuk indeks)."
)
@click.option("--catatan", default=None, help="Catatan penilai untuk indikator ini.")
@click.option("--putaran-baru", is_flag=True, help="Mulai putaran baru (bawaan: putaran terakhir).")
@_evaluator_option("Nama penilai (wajib untuk putaran baru).")
@date_option("Tanggal putaran baru.")
@workspace_option
def catat(
    workspace: Workspace,
    nama: str,
    indikator: str,
    jawaban: str | None,
    catatan: str | None,
    putaran_baru: bool,
    penilai: str | None,
    tanggal: dt.date | None,
) -> None:
    """Catat satu jawaban dan/atau catatan penilai untuk INDIKATOR di lapis NAMA."""
    if jawaban is None and catatan is None:
        raise click.UsageError("isi --jawaban, --catatan, atau keduanya")
    saved = evaluation.save_layer_entry(
        workspace,
        nama,
        indikator,
        answer=jawaban,
        note=catatan,
        expected_version=None,
        date=tanggal or dt.date.today(),
        evaluator=penilai,
        new_round=putaran_baru,
    )
    click.echo(
        f"{saved.question_id} dicatat di putaran {saved.round} lapis '{nama}' ({saved.file})."
    )


@lapis.command("tanggapi")
@click.argument("nama")
@click.argument("indikator")
@click.argument("tanggapan")
@round_option("Putaran yang ditanggapi (bawaan: catatan terakhir).")
@workspace_option
def tanggapi(
    workspace: Workspace, nama: str, indikator: str, tanggapan: str, putaran: int | None
) -> None:
    """Tulis TANGGAPAN unit atas catatan penilai untuk INDIKATOR di lapis NAMA."""
    saved = evaluation.save_response(
        workspace, nama, indikator, tanggapan, round_number=putaran, expected_version=None
    )
    click.echo(
        f"Tanggapan untuk catatan {saved.question_id} putaran {saved.round} lapis '{nama}' "
        "disimpan."
    )


@lapis.command("bandingkan")
@click.argument("nama", nargs=-1)
@click.option("--area", default=None, metavar="AREA", help="Hanya satu area (kode atau nama).")
@click.option("--semua", is_flag=True, help="Tampilkan juga indikator yang nilainya sama.")
@json_option
@workspace_option
def bandingkan(
    workspace: Workspace, nama: tuple[str, ...], area: str | None, semua: bool, as_json: bool
) -> None:
    """Bandingkan nilai unit dengan setiap lapis (bawaan: semua lapis).

    Per indikator dan dirangkum per area dan bagian: nilai unit, nilai tiap lapis dan
    selisihnya, serta catatan setiap putaran dengan tanggapan unit.
    """
    comparison = evaluation.compare_layers(workspace, list(nama) or None)
    if as_json:
        emit_json(evaluation.comparison_to_dict(comparison))
        return
    code = None if area is None else workspace.catalogue.resolve_area(area)
    _print_comparison(comparison, code, semua)


def _short_label(label: str, width: int) -> str:
    """``label`` in ``width`` characters, keeping a closing ``(Pemenuhan)``-style part so the
    rows of one area stay told apart."""
    name, bracket, part = label.strip().rpartition(" (")
    if not bracket or len(label.strip()) <= width:
        return textwrap.shorten(label, width, placeholder="…")
    suffix = f" ({part}"
    return textwrap.shorten(name, width - len(suffix), placeholder="…") + suffix


def _print_comparison(comparison: evaluation.Comparison, area: str | None, show_all: bool) -> None:
    names = comparison.layers
    head = f"{'':<44}{'Unit':>8}" + "".join(f"{n[:12]:>14}" for n in names)
    click.secho(head, bold=True)
    for row in comparison.rollup:
        if area is not None and row.area not in (None, area):
            continue
        label = _short_label(row.label, 42)
        cells = "".join(f"{angka(v):>8}{_delta(v - row.unit):>6}" for v in row.layers)
        click.echo(f"{label:<44}{angka(row.unit):>8}{cells}")
    click.echo("")
    shown = 0
    for item in comparison.indicators:
        if area is not None and item.area != area:
            continue
        if not show_all and not item.differs and not item.notes:
            continue
        shown += 1
        cells = "".join(f"{angka(v, 2):>8}{_delta(v - item.unit):>6}" for v in item.layers)
        text = textwrap.shorten(item.text, 28, placeholder="…")
        click.echo(f"{item.alias:<14}{text:<30}{angka(item.unit, 2):>8}{cells}")
        for note in item.notes:
            _echo_wrapped(f"[{note.layer} putaran {note.round}, {note.date}] {note.note}", 6)
            if note.response:
                _echo_wrapped(note.response, 8, "tanggapan unit: ")
    if shown == 0:
        click.echo("Semua indikator bernilai sama dan tanpa catatan.")


def _delta(value: float) -> str:
    if abs(value) < 0.005:
        return ""
    return f"{'+' if value > 0 else '−'}{angka(abs(value))}"


@lapis.command("perubahan")
@click.argument("nama")
@round_option("Putaran yang dilihat (bawaan: terakhir).", first=2)
@json_option
@workspace_option
def perubahan(workspace: Workspace, nama: str, putaran: int | None, as_json: bool) -> None:
    """Apa yang berubah pada lapis NAMA sejak putaran sebelumnya (jawaban, nilai, catatan)."""
    changes = evaluation.round_changes(workspace, nama, putaran)
    if as_json:
        emit_json(changes.to_dict())
        return
    click.secho(
        f"Lapis '{nama}': putaran {changes.previous} → {changes.current} · total "
        f"{angka(changes.total_before)} → {angka(changes.total_after)}",
        bold=True,
    )
    if not changes.items:
        click.echo("Tidak ada jawaban atau catatan yang berubah.")
    for item in changes.items:
        click.echo(
            f"  {item.alias:<14} {item.before or '-':>6} → {item.after or '-':<6} "
            f"nilai {angka(item.value_before, 2)} → {angka(item.value_after, 2)}"
        )
        if item.response:
            _echo_wrapped(item.response, 6, "tanggapan unit: ")
        if item.note:
            _echo_wrapped(item.note, 6, "catatan baru: ")


COMMANDS = (lapis,)
