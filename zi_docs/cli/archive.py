"""``zi-docs archive ...``: the evidence archive (data dukung) of the workspace."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

import click

from zi_docs.cli._base import ExitCode, ZiGroup, emit_json, render_finding, workspace_option
from zi_docs.evidence import api
from zi_docs.evidence.catalog import StoredFile
from zi_docs.evidence.ingest import IngestReport
from zi_docs.evidence.intake import DEFAULT_MAX_MB
from zi_docs.workspace import Workspace


class _Bar:
    """A click progress bar on stderr, created on the first callback (the library knows the
    total), so the library itself never touches the terminal."""

    def __init__(self, label: str, enabled: bool = True) -> None:
        self.label = label
        self.enabled = enabled
        self._bar: Any = None
        self._pos = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < 2:
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(done - self._pos)
        self._pos = done

    def __enter__(self) -> _Bar:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' bukan tanggal TTTT-BB-HH") from None


def _short(stored: StoredFile) -> str:
    return stored.sha256[:12]


def _tags(tags: Any) -> str:
    return ", ".join(str(t) for t in tags) or "tanpa tag"


@click.group("archive", cls=ZiGroup)
def archive() -> None:
    """Arsip data dukung: tambah, tandai ke indikator LKE, cari, dan periksa keutuhan berkas.

    Setiap berkas disimpan sekali menurut isinya (SHA-256) di folder archive/ ruang kerja,
    tidak pernah diubah, dan dicatat di katalog beserta tag indikatornya.
    """


@archive.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--indicator",
    "-i",
    "indicators",
    multiple=True,
    help="Id atau alias indikator LKE (mis. P.MP.i.a atau 1.i.a); boleh berulang.",
)
@click.option("--item", default=None, help="Kunci butir data dukung (mis. sk-tim, undangan).")
@click.option(
    "--tanggal",
    callback=_date,
    default=None,
    help="Tanggal dokumen TTTT-BB-HH (bawaan: dari metadata berkas bila ada).",
)
@click.option("--judul", default=None, help="Judul dokumen (bawaan: dari nama berkas).")
@click.option("--catatan", default="", help="Catatan bebas untuk berkas ini.")
@click.option(
    "--maks-mb",
    type=float,
    default=DEFAULT_MAX_MB,
    show_default=True,
    help="Batas ukuran satu berkas dalam MB.",
)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@workspace_option
def add(
    workspace: Workspace,
    paths: tuple[Path, ...],
    indicators: tuple[str, ...],
    item: str | None,
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
    """
    with _Bar("Memproses berkas", enabled=not as_json) as bar:
        report = api.add_files(
            workspace,
            list(paths),
            indicators=indicators,
            item=item,
            title=judul,
            notes=catatan,
            doc_date=tanggal,
            max_mb=maks_mb,
            progress=bar,
        )
    return _ingest_output(report, as_json)


def _ingest_output(report: IngestReport, as_json: bool) -> int:
    if as_json:
        emit_json(
            {
                "ditambahkan": [_outcome(o) for o in report.added],
                "sudah_ada": [_outcome(o) for o in report.present],
                "ditolak": [
                    {"berkas": r.source, "alasan": r.reason, "kode": r.code}
                    for r in report.rejected
                ],
            }
        )
    else:
        for o in report.outcomes:
            if o.added:
                click.echo(
                    f"+ ditambahkan  {o.source} ({o.sha256[:12]}) -> {_tags(o.new_tags)}"
                    + ("" if o.text_status in ("ok", "") else f" [teks: {o.text_status}]")
                )
            else:
                extra = f"tag baru: {_tags(o.new_tags)}" if o.new_tags else "tidak ada tag baru"
                if o.restored:
                    extra += "; dikembalikan dari tempat sampah"
                click.echo(
                    f"= sudah ada    {o.source} ({o.sha256[:12]}): isi yang sama sudah "
                    f"tersimpan, tidak disalin lagi; {extra}"
                )
        for r in report.rejected:
            click.secho(f"! ditolak      {r.source}: {r.reason}", fg="red", err=True)
        click.echo(
            f"Ringkasan: {len(report.added)} ditambahkan, {len(report.present)} sudah "
            f"ada, {len(report.rejected)} ditolak."
        )
    return ExitCode.ERROR if report.rejected else ExitCode.OK


def _outcome(o: Any) -> dict[str, Any]:
    return {
        "berkas": o.source,
        "sha256": o.sha256,
        "nama": o.name,
        "tag_baru": [str(t) for t in o.new_tags],
        "status_teks": o.text_status,
        "dikembalikan": o.restored,
    }


@archive.command("import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Tampilkan rencana tanpa mengubah arsip.")
@click.option(
    "--maks-mb",
    type=float,
    default=DEFAULT_MAX_MB,
    show_default=True,
    help="Batas ukuran satu berkas dalam MB.",
)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@workspace_option
def import_(
    workspace: Workspace, folder: Path, dry_run: bool, maks_mb: float, as_json: bool
) -> int:
    """Impor folder data dukung yang tersusun seperti LKE dan tandai berkas dari jalurnya.

    Contoh susunan: 'AREA I/i. Penyusunan Tim Kerja/1.i.a SK TIM.pdf', cabang 'II. REFORM',
    atau folder bernama id/alias indikator ('P.MP.i.a'). Berkas yang tidak bisa ditempatkan
    didaftar dan tidak ditambahkan.
    """
    with _Bar("Mengimpor berkas", enabled=not as_json) as bar:
        result = api.import_tree(workspace, folder, dry_run=dry_run, max_mb=maks_mb, progress=bar)
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
            }
        )
    elif dry_run:
        for p in result.placements:
            click.echo(f"  {p.relative} -> {_tags(p.tags)}")
    for p in result.unplaced:
        click.secho(f"? tidak ditempatkan  {p.relative}: {p.reason}", fg="yellow", err=True)
    for r in result.rejected:
        click.secho(f"! ditolak      {r.source}: {r.reason}", fg="red", err=True)
    code: int = ExitCode.OK
    if result.ingest is not None and not as_json:
        code = _ingest_output(result.ingest, as_json=False)
    elif result.ingest is not None and result.ingest.rejected:
        code = ExitCode.ERROR
    if dry_run and not as_json:
        click.echo(
            f"Uji coba: {len(result.placements)} berkas akan ditambahkan, "
            f"{len(result.unplaced)} tidak bisa ditempatkan. Arsip tidak diubah."
        )
    if result.unplaced and not as_json:
        click.echo(
            "Ganti nama berkas yang tidak ditempatkan (awali dengan nomor butir, mis. "
            "'1.i.a ...') atau tambahkan dengan: zi-docs archive add BERKAS --indicator ID"
        )
    return ExitCode.ERROR if result.rejected or code else ExitCode.OK


def _file_json(f: StoredFile) -> dict[str, Any]:
    return {
        "sha256": f.sha256,
        "nama": f.name,
        "judul": f.title,
        "jenis": f.kind,
        "ukuran": f.size,
        "tanggal_dokumen": f.doc_date,
        "sumber_tanggal": f.date_source,
        "ditambahkan": f.added_at,
        "oleh": f.added_by,
        "catatan": f.notes,
        "status_teks": f.text_status,
        "tag": [str(t) for t in f.tags],
        "di_tempat_sampah": f.trashed,
        "jalur": str(f.path),
    }


@archive.command("list")
@click.option(
    "--indicator",
    "-i",
    default=None,
    help="Hanya berkas untuk indikator ini (id/alias; sub-komponen atau area juga boleh).",
)
@click.option(
    "--area", default=None, help="Hanya berkas untuk area ini (MP, TTL, SDM, AK, PW, PP)."
)
@click.option("--untagged", is_flag=True, help="Hanya berkas yang belum ditandai.")
@click.option("--sampah", is_flag=True, help="Tampilkan isi tempat sampah.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@workspace_option
def list_(
    workspace: Workspace,
    indicator: str | None,
    area: str | None,
    untagged: bool,
    sampah: bool,
    as_json: bool,
) -> int:
    """Daftar berkas di arsip beserta tanggal dan tag indikatornya."""
    listing = api.list_files(
        workspace, indicator=indicator, area=area, untagged=untagged, trashed=sampah
    )
    if as_json:
        emit_json([_file_json(f) for f in listing.files])
        return ExitCode.OK
    for f in listing.files:
        date = f.doc_date.isoformat() if f.doc_date else "tanpa tanggal"
        click.echo(f"{_short(f)}  {date:<13} {f.kind:<5} {f.name}  [{_tags(f.tags)}]")
    click.echo(
        f"{len(listing.files)} berkas ditampilkan; arsip berisi {listing.total} berkas"
        f" ({listing.trashed} di tempat sampah)."
    )
    return ExitCode.OK


@archive.command("show")
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@workspace_option
def show(workspace: Workspace, ref: str, as_json: bool) -> int:
    """Rincian satu berkas (awalan SHA-256 atau nama berkas): tag, tanggal, riwayat."""
    detail = api.show(workspace, ref)
    f = detail.file
    if as_json:
        data = _file_json(f)
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
    @click.option(
        "--indicator",
        "-i",
        "indicators",
        multiple=True,
        required=True,
        help="Id atau alias indikator LKE; boleh berulang.",
    )
    @click.option("--item", default=None, help="Kunci butir data dukung (mis. undangan).")
    @workspace_option
    def command(
        workspace: Workspace, ref: str, indicators: tuple[str, ...], item: str | None
    ) -> int:
        call = api.tag if adding else api.untag
        change = call(workspace, ref, list(indicators), item)
        verb = "ditambahkan" if adding else "dilepas"
        if change.changed:
            click.echo(
                f"{change.file.name} ({_short(change.file)}): tag {verb}: {_tags(change.changed)}"
            )
        if change.unchanged:
            state = "sudah ada" if adding else "memang tidak ada"
            click.echo(f"Tag yang {state}: {_tags(change.unchanged)}")
        click.echo(f"Tag sekarang: {_tags(change.file.tags)}")
        return ExitCode.OK

    command.__doc__ = (
        "Tandai berkas ke indikator (dan butir data dukung). Isi berkas tidak berubah."
        if adding
        else "Lepas tag indikator dari berkas (tanpa --item: semua tag indikator "
        "itu). Isi berkas tidak berubah."
    )
    return archive.command(name)(command)


_tag_command("tag", adding=True)
_tag_command("untag", adding=False)


@archive.command("edit")
@click.argument("ref")
@click.option("--judul", default=None, help="Judul baru.")
@click.option("--catatan", default=None, help="Catatan baru.")
@click.option("--tanggal", callback=_date, default=None, help="Tanggal dokumen TTTT-BB-HH.")
@workspace_option
def edit(
    workspace: Workspace, ref: str, judul: str | None, catatan: str | None, tanggal: dt.date | None
) -> int:
    """Ubah judul, catatan, atau tanggal dokumen sebuah berkas (isinya tidak berubah)."""
    f = api.edit(workspace, ref, title=judul, notes=catatan, doc_date=tanggal)
    click.echo(
        f"{f.name} ({_short(f)}): judul '{f.title}', tanggal "
        f"{f.doc_date.isoformat() if f.doc_date else '-'}"
    )
    return ExitCode.OK


@archive.command("remove")
@click.argument("refs", nargs=-1, required=True)
@workspace_option
def remove(workspace: Workspace, refs: tuple[str, ...]) -> int:
    """Pindahkan berkas ke tempat sampah (belum dihapus; lihat 'restore' dan 'empty-trash')."""
    change = api.remove(workspace, list(refs))
    for f in change.files:
        click.echo(f"Dipindah ke tempat sampah: {f.name} ({_short(f)})")
    for f in change.skipped:
        click.echo(f"Sudah di tempat sampah: {f.name} ({_short(f)})")
    click.echo(
        "Kembalikan dengan 'zi-docs archive restore REF'; hapus permanen dengan "
        "'zi-docs archive empty-trash'."
    )
    return ExitCode.OK


@archive.command("restore")
@click.argument("refs", nargs=-1, required=True)
@workspace_option
def restore(workspace: Workspace, refs: tuple[str, ...]) -> int:
    """Kembalikan berkas dari tempat sampah."""
    change = api.restore(workspace, list(refs))
    for f in change.files:
        click.echo(f"Dikembalikan: {f.name} ({_short(f)})")
    for f in change.skipped:
        click.echo(f"Tidak di tempat sampah: {f.name} ({_short(f)})")
    return ExitCode.OK


@archive.command("empty-trash")
@click.option("--ya", is_flag=True, help="Jangan minta konfirmasi.")
@workspace_option
def empty_trash(workspace: Workspace, ya: bool) -> int:
    """Hapus permanen semua berkas di tempat sampah."""
    trashed = api.list_files(workspace, trashed=True).files
    if not trashed:
        click.echo("Tempat sampah kosong.")
        return ExitCode.OK
    if not ya:
        click.confirm(f"Hapus permanen {len(trashed)} berkas dari tempat sampah?", abort=True)
    change = api.empty_trash(workspace)
    click.echo(
        f"{len(change.files)} berkas dihapus permanen "
        f"({change.freed_bytes / 1_000_000:.1f} MB dibebaskan)."
    )
    return ExitCode.OK


@archive.command("verify")
@click.option("--quick", is_flag=True, help="Hanya periksa ukuran dan jumlah (tanpa hash).")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@workspace_option
def verify(workspace: Workspace, quick: bool, as_json: bool) -> int:
    """Periksa keutuhan arsip: hitung ulang SHA-256 setiap berkas dan cocokkan dengan katalog
    dan indeks. Keluar dengan kode 3 bila ada masalah."""
    with _Bar("Memeriksa berkas", enabled=not as_json) as bar:
        report = api.verify_archive(workspace, quick=quick, progress=bar)
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
        click.echo(
            f"Diperiksa ({mode}): {report.files_checked} berkas, "
            f"{report.bytes_checked / 1_000_000:.1f} MB."
        )
        if report.ok:
            click.secho("Arsip utuh: tidak ada masalah.", fg="green")
        else:
            click.secho(f"Ditemukan {len(report.problems)} masalah:", fg="red")
            for finding in report.findings:
                click.echo(render_finding(finding))
    return ExitCode.OK if report.ok else ExitCode.GAPS


@archive.command("log")
@click.option("--limit", type=int, default=50, show_default=True, help="Jumlah baris terakhir.")
@workspace_option
def log(workspace: Workspace, limit: int) -> int:
    """Catatan audit: siapa mengubah apa di katalog arsip, dan kapan."""
    for h in api.audit_log(workspace, limit=limit):
        ref = f" {h.sha256[:12]}" if h.sha256 else ""
        click.echo(f"{h.at:%Y-%m-%d %H:%M:%S} {h.who}: {h.action}{ref} — {h.detail}")
    return ExitCode.OK


COMMANDS: list[click.Command] = [archive]
