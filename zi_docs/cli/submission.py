"""``zi-docs check``, ``export`` and ``rekap``: before submission."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import click

from zi_docs import evidence, submission
from zi_docs.angka import angka
from zi_docs.cli._base import (
    ExitCode,
    ZiCommand,
    emit_json,
    option_value,
    render_finding,
    workspace_dir_option,
    workspace_from,
    workspace_option,
)
from zi_docs.findings import Severity, by_kind
from zi_docs.workspace import Workspace, find_workspace

_COLOURS = {"hijau": "green", "kuning": "yellow", "merah": "red"}
_GATE_COLOURS = {
    submission.GateState.MET: "green",
    submission.GateState.UNMET: "red",
    submission.GateState.UNKNOWN: "yellow",
}
_PER_KIND = 5
"""Findings of one kind (code) shown in the text view; every kind appears."""


def _row(label: str, part: str, group: submission.GroupStatus) -> str:
    light = click.style(f"{group.light.value:<6}", fg=_COLOURS[group.light.value], bold=True)
    return (
        f"{label[:38]:<38} {part:<9} {angka(group.value):>6}/{angka(group.weight):<6}"
        f"{100 * group.share:>5.0f}% {group.items_percent:>6.0f}% {group.evidence_percent:>7.0f}%"
        f" {group.complete_questions:>3}/{group.questions:<3} {light}"
    )


_HEADER = (
    f"{'Area / sub-komponen':<38} {'Bagian':<9} {'Nilai':>13} {'%bobot':>6} {'Butir':>7}"
    f" {'Berbukti':>8} {'Lengkap':>7} Lampu"
)


def _table(result: submission.CheckResult, area: str | None) -> None:
    rollup = result.rollup
    click.echo(
        f"Kelengkapan data dukung — {result.unit_name} ({result.year}); target "
        f"{rollup.predicate}, minimum {100 * rollup.minimum:.0f}% bobot per area"
    )
    click.echo(_HEADER)
    for group in rollup.groups:
        if area is None and group.level == "area-gabungan":
            for part in rollup.groups:
                if part.level == "area" and part.area == group.area:
                    click.echo(
                        _row(group.name if part.part == "pemenuhan" else "", part.part or "", part)
                    )
            click.echo(_row("", "gabungan", group))
        elif area is not None and group.area == area and group.level in ("sub", "area"):
            label = f"  {group.name}" if group.level == "sub" else group.name
            click.echo(_row(label, group.part or "", group))
    if area is None:
        for group in rollup.of_level("bagian"):
            click.echo(_row(group.name, "", group))
    else:
        click.echo("")
        for status in result.completeness.indicators:
            if status.area != area:
                continue
            mark = click.style("✔", fg="green") if status.complete else click.style("✘", fg="red")
            click.echo(
                f"{mark} {status.id} ({status.alias}) jawaban {status.answer or '–'}, "
                f"{len(status.files)} berkas"
            )
            for item in status.items:
                if not item.covered and item.required:
                    hint = f" → {item.hint}" if item.hint else ""
                    click.echo(f"    belum ada {item.description}{hint}")


def _findings(result: submission.CheckResult, area: str | None) -> None:
    counts = Counter(f.severity for f in result.findings)
    click.echo(
        f"\nTemuan: {counts[Severity.ERROR]} galat, {counts[Severity.WARNING]} peringatan, "
        f"{counts[Severity.INFO]} info"
    )
    shown = [f for f in result.findings if f.severity is not Severity.INFO]
    if area is not None:
        shown = [f for f in shown if submission.finding_in_area(result, f, area)]
    cut = False
    for code, group in by_kind(shown):
        for finding in group[:_PER_KIND]:
            line = render_finding(finding) + f" [{finding.code}]"
            fg = "red" if finding.severity is Severity.ERROR else "yellow"
            click.echo(click.style(line, fg=fg))
        if len(group) > _PER_KIND:
            click.echo(f"  … dan {len(group) - _PER_KIND} temuan serupa [{code}]")
            cut = True
    if cut:
        click.echo("  (daftar lengkap: --json atau --markdown)")


def _gates(result: submission.CheckResult) -> None:
    gates = result.gates
    when = f"{gates.days_left} hari lagi" if gates.days_left >= 0 else "sudah lewat"
    click.echo(f"\nPrasyarat pengajuan (batas {gates.deadline:%d-%m-%Y}, {when}):")
    for gate in gates.results:
        mark = click.style(submission.SYMBOL[gate.state], fg=_GATE_COLOURS[gate.state])
        click.echo(
            f"  {mark} {gate.description}: {gate.actual or 'belum diisi'} (syarat {gate.required})"
        )


@click.command(cls=ZiCommand)
@click.option(
    "--area", default=None, metavar="AREA", help="Rinci satu area (MP, TTL, SDM, AK, PW, PP)."
)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON lengkap untuk skrip.")
@click.option("--markdown", "as_markdown", is_flag=True, help="Keluaran Markdown.")
@click.option(
    "--docx",
    "docx_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tulis juga Laporan Kelengkapan Data Dukung (.docx) ke berkas ini.",
)
@workspace_option
def check(
    workspace: Workspace, area: str | None, as_json: bool, as_markdown: bool, docx_out: Path | None
) -> int:
    """Periksa kelengkapan data dukung sebelum pengajuan.

    Untuk setiap indikator: jawaban dan nilai, butir data dukung yang sudah dan belum ada, berkas
    yang ditandai, serta temuan (jawaban tertinggi tanpa bukti, bukti di luar periode, pertanyaan
    belum dijawab, tanda ke indikator tak dikenal, berkas belum ditandai, integritas arsip).
    Diringkas per sub-komponen, area, dan bagian dengan lampu hijau/kuning/merah, ditambah
    prasyarat pengajuan dan sisa hari sampai batas pengajuan.

    Kode keluar 0 bila lengkap, 3 bila masih ada kekurangan.
    """
    code = option_value("--area", workspace.catalogue.resolve_area, area)
    # one value per archive file lives until the process ends: with the collector paused
    # for the whole command, no pass walks them after the check (zi_docs.bulk)
    with submission.collector_paused():
        return _check(workspace, code, as_json, as_markdown, docx_out)


def _check(
    workspace: Workspace, code: str | None, as_json: bool, as_markdown: bool, docx_out: Path | None
) -> int:
    result = submission.run_check(workspace, dt.date.today())
    if docx_out is not None:
        submission.write_check_docx(result, docx_out)
    if as_json:
        emit_json(submission.check_to_dict(result))
    elif as_markdown:
        click.echo(submission.check_markdown(result, code), nl=False)
    else:
        _table(result, code)
        _findings(result, code)
        _gates(result)
        if docx_out is not None:
            click.echo(f"\nLaporan ditulis ke {workspace.display(docx_out)}")
    return ExitCode.OK if result.complete else ExitCode.GAPS


@click.command(cls=ZiCommand)
@click.argument("keluaran", required=False, type=click.Path(path_type=Path))
@click.option("--zip", "make_zip", is_flag=True, help="Tulis satu berkas .zip, bukan folder.")
@click.option(
    "--tautan-keras",
    "tautan_keras",
    is_flag=True,
    help="Buat tautan keras (hard link) ke berkas arsip alih-alih salinan: hemat ruang, tetapi "
    "berkas di bundel berbagi isi dengan arsip (tetap hanya-baca; jangan diubah).",
)
@click.option("--salin", is_flag=True, hidden=True, help="Salin berkas bukti (sudah bawaan).")
@click.option(
    "--verifikasi",
    "received",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Periksa bundel (folder atau .zip) yang diterima: berkas hilang, berubah, tak terdaftar.",
)
@workspace_dir_option()
@click.pass_context
def export(
    ctx: click.Context,
    keluaran: Path | None,
    make_zip: bool,
    tautan_keras: bool,
    salin: bool,
    received: Path | None,
    workspace_dir: str | None,
) -> int:
    """Buat bundel untuk penilai (BagIt, RFC 8493) di folder KELUARAN.

    Isinya: index.html yang bisa dibuka tanpa internet (pohon LKE, jawaban, nilai, catatan,
    tautan ke setiap berkas bukti, ringkasan kelengkapan dan nilai), kertas kerja LKE dengan
    daftar bukti di kolom Daftar Bukti Dukung dan kolom kosong per penilai, dan berkas bukti
    tersusun seperti LKE
    (A. PENGUNGKIT/I. PEMENUHAN/1. Manajemen Perubahan/i. Penyusunan Tim Kerja/...).
    Nama berkas aman untuk Windows dan panjang jalurnya dijaga di bawah 260 karakter.
    """
    if received is not None:
        checked = submission.verify_bag(received)
        if checked.valid:
            click.secho(
                f"Bundel {received} utuh: {checked.files_checked} berkas sesuai manifest.",
                fg="green",
            )
            return ExitCode.OK
        click.secho(f"Bundel {received} bermasalah ({len(checked.problems)} temuan):", fg="red")
        for problem in checked.problems:
            click.echo(f"  - {problem.message()}")
        return ExitCode.GAPS
    if keluaran is None:
        raise click.UsageError("sebutkan folder KELUARAN atau pakai --verifikasi BUNDEL", ctx)
    workspace = workspace_from(ctx, workspace_dir)
    result = submission.export_bundle(
        workspace,
        keluaran,
        now=dt.datetime.now().replace(microsecond=0),
        link=tautan_keras and not salin,
        make_zip=make_zip,
        keep_folder=not make_zip,
    )
    where = result.zip if result.zip is not None else result.folder
    click.echo(f"Bundel ditulis ke {where}")
    click.echo(
        f"  {result.placements} penempatan berkas bukti ({result.unique_files} berkas unik), "
        f"{evidence.megabytes(result.payload_bytes)}; SHA-256 dari katalog dipakai ulang untuk "
        f"{result.reused_digests}, dihitung ulang {result.hashed}"
    )
    for finding in result.problems:
        click.echo(render_finding(finding), err=True)
    if not result.check.complete:
        click.secho(
            "  Data dukung belum lengkap; jalankan 'zi-docs check' untuk rinciannya.", fg="yellow"
        )
    return ExitCode.GAPS if result.problems else ExitCode.OK


@click.command(cls=ZiCommand)
@click.argument(
    "ruang_kerja", nargs=-1, required=True, type=click.Path(file_okay=False, path_type=Path)
)
@click.option(
    "--urut",
    type=click.Choice(list(submission.SORT_KEYS)),
    default="total",
    show_default=True,
    help="Urutan baris (angka dari terbesar; temuan dari tersedikit).",
)
@click.option(
    "--xlsx",
    "xlsx",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tulis juga rekap ke berkas .xlsx.",
)
@click.option(
    "--docx",
    "docx_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tulis juga rekap ke berkas .docx.",
)
@click.option(
    "--profil",
    "profil",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="RUANG_KERJA",
    help="Ruang kerja penilai (mis. Inspektorat) untuk rekap .docx: kop suratnya menjadi kepala "
    "rekap, kotanya tempat tanggal, dan pimpinannya penanda tangan. Tanpa ini: kepala rekap "
    "instansi unit-unitnya, nama penanda tangan dikosongkan untuk diisi tangan.",
)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
def rekap(
    ruang_kerja: tuple[Path, ...],
    urut: str,
    xlsx: Path | None,
    docx_out: Path | None,
    profil: Path | None,
    as_json: bool,
) -> int:
    """Rekap beberapa unit kerja sekaligus (untuk Inspektorat/TPI).

    Per unit: nilai per area, pengungkit, total, status Menuju WBK, kelengkapan data dukung per
    area, dan jumlah temuan merah (galat). Setiap ruang kerja hanya dibaca, tidak diubah.
    Rekap .docx ditutup dengan tempat, tanggal, dan blok tanda tangan (lihat --profil).

    Kode keluar 1 bila ada folder yang tidak terbaca (barisnya tetap ditampilkan).
    """
    kop = find_workspace(profil) if profil is not None else None
    result = submission.build_rekap(list(ruang_kerja), dt.date.today(), urut)
    code = ExitCode.ERROR if any(row.error is not None for row in result.rows) else ExitCode.OK
    if xlsx is not None:
        submission.write_xlsx(result, xlsx)
    if docx_out is not None:
        submission.write_docx(result, docx_out, kop=kop)
    if as_json:
        emit_json(
            [
                dict(zip(submission.headers(result), submission.cells(result, row), strict=True))
                for row in result.rows
            ]
        )
        return code
    codes = result.area_codes
    click.echo(
        f"{'Ruang kerja':<16} {'Unit kerja':<30} "
        + " ".join(f"{c:>6}" for c in codes)
        + f" {'Pengk.':>7} {'Total':>6} {'WBK':<6} {'Lengkap':>7} {'Merah':>5}"
    )
    for row in result.rows:
        if row.error is not None:
            click.secho(f"{_label(row)} tidak terbaca: {row.error}", fg="red")
            continue
        values = {code: value for code, value, _done in row.areas}
        wbk = click.style(f"{'ya' if row.wbk else 'belum':<6}", fg="green" if row.wbk else "red")
        click.echo(
            f"{_label(row)} "
            + " ".join(f"{angka(values.get(c, 0.0)):>6}" for c in codes)
            + f" {angka(row.pengungkit):>7} {angka(row.total):>6} {wbk} "
            f"{row.completeness:>6.0f}% {row.red:>5}"
        )
    for path in (xlsx, docx_out):
        if path is not None:
            click.echo(f"Ditulis: {path}")
    return code


def _label(row: submission.RekapRow) -> str:
    """Folder and unit name, each cut with an ellipsis so that two units never look alike."""
    return f"{_cut(row.folder.name, 16):<16} {_cut(row.unit, 30):<30}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


COMMANDS: list[click.Command] = [check, export, rekap]
