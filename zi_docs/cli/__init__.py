"""The command line: the only layer that knows click. Each command parses options, calls one
library function, and formats what comes back."""

from __future__ import annotations

from collections.abc import Sequence

import click

from zi_docs import __version__
from zi_docs.cli import archive as _archive
from zi_docs.cli import documents as _documents
from zi_docs.cli import evaluation as _evaluation
from zi_docs.cli import followup as _followup
from zi_docs.cli import submission as _submission
from zi_docs.cli import survey as _survey
from zi_docs.cli._base import AliasedOption, RootGroup, option, workspace_dir_option
from zi_docs.cli._logging import configure_logging
from zi_docs.cli.lke import lke
from zi_docs.cli.score import score
from zi_docs.cli.workspace import demo, init


@click.group(cls=RootGroup, context_settings={"max_content_width": 100})
@click.version_option(
    __version__,
    "--versi",
    "--version",
    cls=AliasedOption,
    hidden_aliases=("--version",),
    message="zi-docs %(version)s",
    help="Tampilkan versi lalu keluar.",
)
@workspace_dir_option(
    "Folder ruang kerja untuk semua perintah (bawaan: $ZI_DOCS_WORKSPACE, atau folder ini dan "
    "induknya)."
)
@option(
    "-v",
    "--rinci",
    "verbose",
    old=("--verbose",),
    count=True,
    help="Tampilkan juga pesan kemajuan; ulangi (-vv) untuk rincian teknis.",
)
@click.option("-q", "--senyap", is_flag=True, help="Hanya tampilkan galat, tanpa peringatan.")
@click.pass_context
def cli(ctx: click.Context, workspace_dir: str | None, verbose: int, senyap: bool) -> None:
    """zi-docs: dokumen, data dukung, dan penilaian mandiri Zona Integritas (WBK/WBBM).

    Mulai dengan 'zi-docs init FOLDER' untuk membuat ruang kerja, atau 'zi-docs demo' untuk
    melihat semuanya bekerja pada contoh unit kerja fiktif.
    """
    if verbose and senyap:
        raise click.UsageError("--rinci dan --senyap tidak dapat dipakai bersamaan")
    configure_logging(verbose, senyap)
    ctx.obj = {"workspace_dir": workspace_dir}


for _command in (
    init,
    demo,
    lke,
    score,
    *_documents.COMMANDS,
    *_archive.COMMANDS,
    *_submission.COMMANDS,
    *_evaluation.COMMANDS,
    *_followup.COMMANDS,
    *_survey.COMMANDS,
):
    cli.add_command(_command)


def main(args: Sequence[str] | None = None) -> None:
    """Entry point of the ``zi-docs`` command."""
    cli.main(args=args, prog_name="zi-docs")
