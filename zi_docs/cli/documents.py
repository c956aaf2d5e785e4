"""CLI of the documents flow: ``generate`` and ``templates list/show/check``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click

from zi_docs import documents
from zi_docs.cli._base import (
    ExitCode,
    ZiCommand,
    ZiGroup,
    option,
    render_finding,
    report_error,
    workspace_option,
)
from zi_docs.findings import Severity
from zi_docs.refs import IndicatorRef
from zi_docs.workspace import Workspace


def _tags(tags: Iterable[IndicatorRef]) -> str:
    """``A.I.1.i.a (sk-tim), A.I.1.i.b`` — indicators, each with its checklist item."""
    return ", ".join(t.indicator + (f" ({t.item})" if t.item else "") for t in tags)


def _echo_result(workspace: Workspace, result: documents.GenerateResult) -> None:
    for path in (*result.documents, *result.pdfs):
        click.echo(f"  {workspace.display(path)}")
    for path in result.backups:
        click.echo(f"  cadangan berkas yang ditimpa: {workspace.display(path)}")
    if result.served:
        click.echo(f"  bukti untuk: {_tags(result.served)}")


def _archive(workspace: Workspace, result: documents.GenerateResult) -> None:
    """``--arsipkan``: store what was made in the archive, tagged with what it serves."""
    if not result.served:
        click.echo(
            "  tidak diarsipkan: jenis dokumen ini tidak tercatat sebagai bukti indikator "
            "tertentu; tambahkan dengan 'zi-docs archive add BERKAS --indikator ID'"
        )
        return
    for archived in documents.archive_generated(workspace, result):
        state = (
            "diarsipkan sebagai konsep" if archived.added else "sudah ada di arsip, tag dilengkapi"
        )
        click.echo(f"  {state}: {workspace.display(archived.path)} -> {_tags(archived.tags)}")
        if archived.replaced:
            click.echo("  konsep sebelumnya dari dokumen ini diganti (dipindah ke tempat sampah)")
    click.echo(
        "  konsep belum dihitung sebagai data dukung; setelah ditandatangani, arsipkan "
        "pindaian atau PDF TTE-nya dengan 'zi-docs archive add BERKAS' (nomornya dicocokkan "
        "otomatis, atau pakai --sama-dengan NOMOR)"
    )


@click.command("generate", cls=ZiCommand)
@click.argument("kind", metavar="[JENIS]", required=False)
@click.argument(
    "input_file",
    metavar="INPUT.yaml",
    required=False,
    type=click.Path(dir_okay=False, path_type=Path),
)
@option(
    "-o",
    "--keluaran",
    "out",
    old=("--out",),
    type=click.Path(path_type=Path),
    default=None,
    help="Berkas .docx atau folder keluaran (bawaan: out/dokumen/).",
)
@click.option("--pdf", is_flag=True, help="Buat juga PDF (memerlukan LibreOffice).")
@click.option(
    "--terpisah",
    is_flag=True,
    help="Satu berkas per orang untuk dokumen massal (Pakta Integritas).",
)
@option(
    "--semua",
    "all_inputs",
    old=("--all",),
    is_flag=True,
    help="Buat dokumen dari setiap berkas inputs/*.yaml ruang kerja.",
)
@click.option(
    "--arsipkan",
    is_flag=True,
    help="Simpan dokumen yang dibuat ke arsip sebagai konsep, ditandai ke indikator yang "
    "dilayaninya (PDF-nya bila dibuat dengan --pdf, selain itu .docx). Konsep belum dihitung "
    "sebagai data dukung sampai versi bertanda tangannya diarsipkan.",
)
@click.option(
    "--timpa",
    is_flag=True,
    help="Ganti berkas yang sudah ada di jalur -o dan dokumen yang sudah diubah sejak dibuat "
    "zi-docs (tanpa ini keduanya tidak disentuh); salinan bertanggal berkas yang diubah tangan "
    "disimpan di sebelahnya.",
)
@workspace_option
def generate_cmd(
    workspace: Workspace,
    kind: str | None,
    input_file: Path | None,
    out: Path | None,
    pdf: bool,
    terpisah: bool,
    all_inputs: bool,
    arsipkan: bool,
    timpa: bool,
) -> int:
    """Buat dokumen JENIS dari INPUT.yaml (atau semua masukan dengan --semua).

    JENIS boleh dilewati bila INPUT.yaml memuat baris 'jenis:'. Daftar jenis: zi-docs
    templates list.
    """
    if all_inputs:
        if kind or input_file:
            raise click.UsageError("--semua tidak memakai JENIS dan INPUT.yaml")
        summary = documents.generate_all(workspace, pdf=pdf, out=out, overwrite=timpa)
        for result in summary.results:
            click.echo(f"{result.kind}: {workspace.display(result.input)}")
            _echo_result(workspace, result)
            if arsipkan:
                _archive(workspace, result)
        for finding in summary.skipped:
            click.echo(render_finding(finding))
        for _path, error in summary.failures:
            report_error(error)
        if summary.pdf_error is not None:
            report_error(summary.pdf_error)
        click.echo(f"{len(summary.results)} masukan berhasil, {len(summary.failures)} gagal.")
        failed = summary.failures or summary.pdf_error is not None
        return int(ExitCode.ERROR if failed else ExitCode.OK)
    if kind and input_file is None:  # 'generate inputs/piagam.yaml': the input names its kind
        if Path(kind).suffix.lower() not in (".yaml", ".yml") and not Path(kind).exists():
            raise click.UsageError(
                f"sebutkan berkas INPUT.yaml untuk jenis '{kind}', mis. "
                f"zi-docs generate {kind} inputs/{kind}.yaml"
            )
        input_file = Path(kind)
        kind = None
    if input_file is None:
        raise click.UsageError("sebutkan INPUT.yaml (dan JENIS bila perlu), atau pakai --semua")
    result = documents.generate(
        workspace, kind, input_file, out=out, pdf=pdf, separate=terpisah, overwrite=timpa
    )
    click.echo(f"{result.kind}: {len(result.documents)} dokumen dibuat")
    _echo_result(workspace, result)
    if arsipkan:
        _archive(workspace, result)
    return int(ExitCode.OK)


@click.group("templates", cls=ZiGroup)
def templates() -> None:
    """Templat dokumen: daftar, isian yang diperlukan, dan pemeriksaan templat."""


@templates.command("list")
@workspace_option
def list_cmd(workspace: Workspace) -> None:
    """Daftar jenis dokumen dan templat yang dipakai."""
    for entry in documents.list_templates(workspace):
        source = "milik ruang kerja" if entry.own else "bawaan"
        click.echo(f"{entry.kind:<20} {entry.title}")
        click.echo(f"{'':<20} templat {source}: {workspace.display(entry.template)}")


@templates.command("show")
@click.argument("kind", metavar="JENIS")
def show_cmd(kind: str) -> None:
    """Isian yang diperlukan templat JENIS, dengan contoh YAML."""
    info = documents.describe_kind(kind)
    click.echo(f"{info.kind}: {info.title} (templat {info.template})\n\nIsian:")
    for field in info.fields:
        need = "wajib" if field.required else "boleh kosong"
        click.echo(
            f"  {field.path} — {field.describe}; {need}" + (f". {field.help}" if field.help else "")
        )
    click.echo("\nContoh:\n")
    click.echo(info.example.rstrip())


@templates.command("check")
@click.argument("path", metavar="[TEMPLAT]", required=False)
@click.option(
    "--jenis",
    "kind",
    default=None,
    help="Jenis dokumen templat itu (bila nama berkasnya bukan nama bawaan).",
)
@click.option(
    "--masukan",
    "input_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Periksa isian templat terhadap berkas masukan ini (termasuk 'tambahan:'), "
    "bukan terhadap contoh bawaan.",
)
@workspace_option
def check_cmd(
    workspace: Workspace, path: str | None, kind: str | None, input_path: Path | None
) -> int:
    """Periksa TEMPLAT (berkas .docx atau nama jenis; tanpa TEMPLAT: semua templat)."""
    reports = documents.check_templates(workspace, path, kind, input_path)
    problems = 0
    for report in reports:
        errors = [f for f in report.findings if f.severity is Severity.ERROR]
        problems += len(errors)
        status = "baik" if report.ok else f"{len(errors)} masalah"
        click.echo(f"{report.template}: {status}")
        for finding in report.findings:
            click.echo(render_finding(finding))
    return int(ExitCode.GAPS if problems else ExitCode.OK)


COMMANDS: list[click.Command] = [generate_cmd, templates]
