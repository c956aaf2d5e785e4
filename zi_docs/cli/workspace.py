"""``zi-docs init`` and ``zi-docs demo``."""

from __future__ import annotations

from pathlib import Path

import click

from zi_docs.cli._base import ZiCommand
from zi_docs.workspace import YEARS, init_workspace


@click.command(cls=ZiCommand)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--tahun",
    type=click.IntRange(*YEARS),
    default=None,
    help="Tahun penilaian (bawaan: tahun contoh).",
)
@click.option("--unit", "unit_name", default=None, help="Nama unit kerja.")
@click.option("--instansi", default=None, help="Nama instansi induk, mis. 'Pemerintah Kota X'.")
def init(folder: Path, tahun: int | None, unit_name: str | None, instansi: str | None) -> None:
    """Buat ruang kerja baru untuk satu unit kerja dan satu tahun di FOLDER.

    Berisi profil unit (unit.yaml), contoh jawaban LKE (lke.yaml), contoh masukan dokumen di
    inputs/, serta folder templates/, archive/ dan out/. Ruang kerja yang sudah ada tidak
    pernah ditimpa.
    """
    result = init_workspace(folder, year=tahun, unit_name=unit_name, instansi=instansi)
    root = result.workspace.root
    click.echo(f"Ruang kerja dibuat di {root}")
    for path in result.created:
        click.echo(f"  {path.relative_to(root)}{'/' if path.is_dir() else ''}")
    click.echo(
        "Langkah berikutnya: sunting unit.yaml, lalu isi lke.yaml dan jalankan "
        f"'zi-docs --workspace {folder} score'."
    )


@click.command(cls=ZiCommand)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("zi-docs-demo"),
    show_default=True,
    help="Folder hasil demo; hanya folder ini yang ditulisi.",
)
def demo(output: Path) -> None:
    """Jalankan pekerjaan utama pada contoh unit kerja fiktif.

    Contoh ruang kerja bawaan disalin ke folder hasil, lalu seluruh langkah dijalankan di
    sana. Hasil demo sebelumnya di folder yang sama diganti; folder lain yang tidak kosong
    ditolak. Tidak ada berkas di luar folder hasil yang diubah.
    """
    from zi_docs.demo import run_demo  # every engine: loaded only for this command

    report = run_demo(output, progress=lambda line: click.echo(line))
    click.echo("")
    click.secho("Demo selesai.", fg="green", bold=True)
    for label, path in report.outputs:
        click.echo(f"  {label}: {path}")
