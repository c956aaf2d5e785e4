"""``zi-docs archive search/reindex/ocr/verify``: reading and checking the archive."""

from __future__ import annotations

import click

from zi_docs import evidence
from zi_docs.cli._base import (
    ExitCode,
    ZiCommand,
    emit_json,
    option,
    render_finding,
    workspace_option,
)
from zi_docs.cli.archive_common import (
    Bar,
    checked_filters,
    limit_option,
    narrowing_options,
    short,
)
from zi_docs.workspace import Workspace


@click.command(cls=ZiCommand, name="search")
@click.argument("query", metavar="KATA...", nargs=-1, required=True)
@narrowing_options("Hanya bukti untuk indikator ini.", "Hanya area ini (MP, TTL, SDM, AK, PW, PP).")
@limit_option(20, "Jumlah hasil.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@workspace_option
def search(
    workspace: Workspace,
    query: tuple[str, ...],
    filters: evidence.SearchFilters,
    as_json: bool,
) -> int:
    """Cari data dukung menurut isi (bahasa Indonesia: 'membangun' menemukan 'pembangunan').

    Frasa ditulis dalam tanda kutip ganda. Id indikator saja (mis. P.MP.i.a) menampilkan
    semua bukti indikator itu.
    """
    filters = checked_filters(workspace, filters)
    result = evidence.search(workspace, " ".join(query), filters)
    if as_json:
        emit_json(
            [
                {
                    "sha256": h.sha256,
                    "judul": h.title,
                    "indikator": list(h.indicators),
                    "tanggal": h.date,
                    "jenis": h.type,
                    "skor": round(h.score, 3),
                    "cuplikan": h.snippet,
                    "jalur": str(f.path) if f else None,
                }
                for h, f in result.hits
            ]
        )
        return ExitCode.OK
    for number, (hit, stored) in enumerate(result.hits, 1):
        date = hit.date.isoformat() if hit.date else "tanpa tanggal"
        name = stored.name if stored else hit.sha256[:12]
        click.secho(f"{number}. {hit.title}", bold=True)
        click.echo(
            f"   {name} ({hit.sha256[:12]}) · {hit.type} · {date} · "
            f"{', '.join(hit.indicators) or 'tanpa tag'}"
        )
        if hit.snippet:
            snippet = hit.snippet.replace(evidence.MARK_START, "\x1b[1m").replace(
                evidence.MARK_END, "\x1b[0m"
            )
            click.echo(f"   {snippet}", color=None)
    click.echo(f"{len(result.hits)} hasil.")
    return ExitCode.OK


@click.command(cls=ZiCommand, name="reindex")
@click.option("--penuh", is_flag=True, help="Bangun ulang seluruh indeks dari awal.")
@workspace_option
def reindex(workspace: Workspace, penuh: bool) -> int:
    """Samakan indeks pencarian dengan katalog (bertahap; --penuh untuk membangun ulang)."""
    report = evidence.reindex(workspace, full=penuh)
    if report.rebuilt:
        click.echo(f"Indeks dibangun ulang (indeks {report.reason_text}): {report.added} berkas.")
    else:
        click.echo(
            f"Indeks diperbarui: {report.added} baru, {report.updated} diperbarui, "
            f"{report.removed} dihapus, {report.unchanged} tetap."
        )
    return ExitCode.OK


@click.command(cls=ZiCommand, name="ocr")
@workspace_option
def ocr(workspace: Workspace) -> int:
    """Baca teks berkas pindaian dan gambar yang belum diekstrak, dengan Tesseract OCR."""
    with Bar("OCR") as bar:
        report = evidence.run_ocr(workspace, progress=bar)
    for stored in report.done:
        click.echo(f"Teks terbaca: {stored.name} ({short(stored)})")
    for stored in report.still_pending:
        click.echo(f"Masih belum terbaca: {stored.name} ({short(stored)})")
    for note in report.notes:
        click.echo(f"Catatan: {note}")
    click.echo(f"{len(report.done)} berkas dibaca, {len(report.still_pending)} masih tertunda.")
    return ExitCode.OK


@click.command(cls=ZiCommand, name="verify")
@option(
    "--cepat",
    "quick",
    old=("--quick",),
    is_flag=True,
    help="Hanya periksa ukuran dan jumlah (tanpa hash).",
)
@click.option(
    "--perbaiki",
    is_flag=True,
    help="Bangun ulang katalog yang rusak atau hilang dari berkas tersimpan dan log audit "
    "(katalog lama disimpan di samping, tidak dihapus).",
)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@workspace_option
def verify(workspace: Workspace, quick: bool, perbaiki: bool, as_json: bool) -> int:
    """Periksa keutuhan arsip: hitung ulang SHA-256 setiap berkas dan cocokkan dengan katalog
    dan indeks. Keluar dengan kode 3 bila ada masalah."""
    if perbaiki:
        return _rebuild(workspace)
    with Bar("Memeriksa berkas", enabled=not as_json) as bar:
        report = evidence.verify_archive(workspace, quick=quick, progress=bar)
    if as_json:
        emit_json(
            {
                "cepat": report.quick,
                "berkas": report.files_checked,
                "bita": report.bytes_checked,
                "entri_indeks": report.index_entries,
                "masalah": [
                    {
                        "jenis": p.kind,
                        "jalur": p.path,
                        "pesan": p.message,
                        "sha256": p.sha256,
                        "seharusnya": p.expected,
                        "ditemukan": p.found,
                    }
                    for p in report.problems
                ],
            }
        )
    else:
        mode = "ukuran dan jumlah" if quick else "SHA-256"
        size = evidence.megabytes(report.bytes_checked)
        click.echo(f"Diperiksa ({mode}): {report.files_checked} berkas, {size}.")
        if report.ok:
            click.secho("Arsip utuh: tidak ada masalah.", fg="green")
        else:
            click.secho(f"Ditemukan {len(report.problems)} masalah:", fg="red")
            for finding in report.findings:
                click.echo(render_finding(finding))
    return ExitCode.OK if report.ok else ExitCode.GAPS


def _rebuild(workspace: Workspace) -> int:
    result = evidence.rebuild_archive_catalog(workspace)
    if result.kept_as is not None:
        click.echo(f"Katalog lama disimpan sebagai {workspace.display(result.kept_as)}.")
    click.echo(
        f"Katalog dibangun ulang: {result.restored} dari {result.objects} berkas tersimpan "
        f"dicatat lagi; nama asli kembali untuk {result.named}, tag untuk {result.tagged}; "
        f"{result.audit_entries} baris log audit dipindahkan."
    )
    unnamed = result.restored - result.named
    lost = ["judul, catatan, dan tanggal yang diisi sendiri (diambil ulang dari isi berkas)"]
    if unnamed:
        lost.append(f"nama asli {unnamed} berkas (dinamai dengan SHA-256-nya)")
    click.echo("Tidak dapat dipulihkan: " + "; ".join(lost) + ".")
    for sha in result.damaged:
        click.secho(
            f"  - objek {sha[:12]}… rusak (isi tidak cocok dengan namanya); dilewati", fg="red"
        )
    for line in result.rejected:
        click.secho(f"  - {line}", fg="red")
    return ExitCode.GAPS if result.damaged or result.rejected else ExitCode.OK


SEARCH_COMMANDS = [search, reindex, ocr, verify]
