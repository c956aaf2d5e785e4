"""``zi-docs init`` and ``zi-docs demo``."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from zi_docs import newunit
from zi_docs.cli._base import ZiCommand, option
from zi_docs.errors import ZiError
from zi_docs.workspace import YEARS

# (field, option, question) in the order a new unit is asked
_QUESTIONS = (
    ("instansi", "--instansi", "Instansi induk (mis. Pemerintah Kota Bandung)"),
    ("jenis_instansi", "--jenis-instansi", "Jenis instansi: pemda atau kl"),
    ("unit", "--unit", "Nama lengkap unit kerja"),
    ("singkatan", "--singkatan", "Singkatan unit (boleh kosong)"),
    ("alamat", "--alamat", "Alamat kantor"),
    ("kota", "--kota", "Kota tempat penetapan dokumen"),
    ("telepon", "--telepon", "Telepon kantor (boleh kosong)"),
    ("email", "--email", "Email kantor (boleh kosong)"),
    ("website", "--situs", "Situs web (boleh kosong)"),
    ("pimpinan", "--pimpinan", "Nama pimpinan unit beserta gelar"),
    ("nip", "--nip", "NIP pimpinan (18 digit; '-' bila bukan ASN)"),
    ("pangkat", "--pangkat", "Pangkat pimpinan (mis. Pembina Tingkat I; boleh kosong)"),
    ("golongan", "--golongan", "Golongan ruang pimpinan (mis. IV/b; boleh kosong)"),
    ("jabatan", "--jabatan", "Jabatan pimpinan seperti tertulis di tanda tangan"),
    ("tahun", "--tahun", "Tahun penilaian"),
    ("target", "--target", "Target predikat: WBK atau WBBM"),
)
_DEFAULTS = {"jenis_instansi": "pemda", "target": "WBK"}


def can_ask() -> bool:
    """Whether a person is at the keyboard (stdin and stdout are a terminal)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _profile_options(func: Any) -> Any:
    for name, flag, question in reversed(_QUESTIONS):
        if name == "tahun":
            continue
        func = click.option(flag, name, default=None, help=question + ".")(func)
    return func


def _ask(name: str, question: str, default: str) -> str:
    optional = name not in newunit.REQUIRED
    while True:
        value = click.prompt(
            question,
            default=default if default or optional else None,
            show_default=bool(default),
        )
        problem = newunit.field_problem(name, str(value))
        if problem is None:
            return str(value).strip()
        click.secho(f"  {problem}; coba lagi.", fg="red", err=True)


def _details(given: dict[str, Any]) -> newunit.UnitDetails:
    missing = [
        (name, option)
        for name, option, _q in _QUESTIONS
        if name in newunit.REQUIRED and not given[name]
    ]
    if missing and not can_ask():
        options = ", ".join(option for name, option in missing if name != "tahun")
        if options:
            raise click.UsageError(
                f"profil unit belum lengkap: {options} belum diisi. Isi opsinya, jalankan "
                "perintah ini di terminal agar ditanya satu per satu, atau pakai --contoh "
                "untuk contoh unit fiktif"
            )
    values = dict(given)
    if missing and can_ask():
        click.echo("Profil unit kerja (tekan Enter untuk memakai nilai dalam kurung siku):")
        for name, _option, question in _QUESTIONS:
            if not values[name]:
                default = _DEFAULTS.get(name, str(dt.date.today().year) if name == "tahun" else "")
                values[name] = _ask(name, question, default)
    year = int(values.pop("tahun") or dt.date.today().year)
    for name, default in _DEFAULTS.items():
        values[name] = values[name] or default
    texts: dict[str, str] = {k: str(v or "") for k, v in values.items()}
    return newunit.UnitDetails(tahun=year, **texts)


@click.command(cls=ZiCommand)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--tahun",
    type=click.IntRange(*YEARS),
    default=None,
    help="Tahun penilaian (bawaan: tahun ini; dengan --dari: tahun sesudah ruang kerja lama).",
)
@_profile_options
@click.option(
    "--contoh",
    is_flag=True,
    help="Buat ruang kerja contoh unit fiktif (DPMPTSP Kabupaten Sukamaju) untuk mencoba.",
)
@click.option(
    "--dari",
    metavar="RUANG_KERJA_LAMA",
    type=click.Path(file_okay=False),
    default=None,
    help="Lanjutkan ruang kerja tahun lalu: profil, templat, tim, SOP, dan isian dibawa dengan "
    "tanggal digeser; jawaban tahun lalu disimpan sebagai rujukan.",
)
def init(folder: Path, tahun: int | None, contoh: bool, dari: str | None, **profile: Any) -> None:
    """Buat ruang kerja baru untuk satu unit kerja dan satu tahun di FOLDER.

    Profil unit diambil dari opsi; bila ada yang belum diisi dan perintah dijalankan di
    terminal, zi-docs menanyakannya satu per satu. Ruang kerja berisi profil unit
    (unit.yaml), lke.yaml dengan semua pertanyaan LKE tanpa jawaban, kerangka isian dokumen
    di inputs/ yang sudah memuat data unit, serta folder templates/, archive/ dan out/.
    Ruang kerja yang sudah ada tidak pernah ditimpa.
    """
    if contoh and dari:
        raise click.UsageError("--contoh dan --dari tidak dapat dipakai bersamaan")
    if contoh:
        result = newunit.create_example(
            folder, year=tahun, unit_name=profile["unit"], instansi=profile["instansi"]
        )
    elif dari:
        result = newunit.roll_over(dari, folder, year=tahun)
    else:
        result = newunit.create_blank(folder, _details({**profile, "tahun": tahun}))
    _report(result, folder, example=contoh)


def _report(result: newunit.InitResult, folder: Path, *, example: bool) -> None:
    root = result.workspace.root
    click.echo(f"Ruang kerja dibuat di {root}")
    for path in result.created:
        click.echo(f"  {path.relative_to(root).as_posix()}{'/' if path.is_dir() else ''}")
    for note in result.notes:
        click.echo(f"Catatan: {note}.")
    first = (
        "sunting unit.yaml"
        if example
        else "lengkapi isian di inputs/ (mulai dari tim di sk-tim.yaml)"
    )
    click.echo(
        f"Langkah berikutnya: {first}, isi jawaban di lke.yaml, lalu jalankan "
        f"'zi-docs --ruang-kerja {folder} score'."
    )


@click.command(cls=ZiCommand)
@option(
    "-o",
    "--keluaran",
    "output",
    old=("--output",),
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("zi-docs-demo"),
    show_default=True,
    help="Folder hasil demo; hanya folder ini yang ditulisi.",
)
def demo(output: Path) -> None:
    """Jalankan pekerjaan utama pada contoh unit kerja fiktif.

    Contoh ruang kerja bawaan disalin ke folder hasil, lalu seluruh langkah dijalankan di
    sana, termasuk satu akun aplikasi web per peran (sandinya dibuat acak dan ditulis ke
    akun-web.txt di folder hasil, hanya dapat dibaca pemiliknya). Hasil demo sebelumnya di
    folder yang sama diganti; folder lain yang tidak kosong ditolak. Tidak ada berkas di luar
    folder hasil yang diubah.
    """
    from zi_docs.demo import run_demo  # every engine: loaded only for this command

    report = run_demo(output, progress=lambda line: click.echo(line))
    click.echo("")
    click.secho("Demo selesai.", fg="green", bold=True)
    for label, path in report.outputs:
        click.echo(f"  {label}: {path}")
    from zi_docs.web import make_demo_accounts  # only the demo's last step needs the web app

    try:
        made = make_demo_accounts(report.workspace.root)
    except ZiError as err:
        click.echo(f"  Catatan: {err}" + (f"; {err.hint}" if err.hint else ""))
        return
    click.echo(f"  Akun web demo (nama dan sandi): {made.file}")
    click.echo("")
    click.echo(f"Buka demo di peramban dan masuk dengan salah satu akun di {made.file.name}:")
    click.echo(f'  zi-docs web -w "{report.workspace.root}"')


COMMANDS: list[click.Command] = [init, demo]
