"""Click plumbing shared by every command: Indonesian help, exit codes, error translation."""

from __future__ import annotations

import enum
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from functools import update_wrapper
from pathlib import Path
from typing import Any, TypeVar

import click

from zi_docs.errors import InvalidInputError, NotFoundError, ZiError
from zi_docs.findings import Finding, Severity
from zi_docs.workspace import ENV_VAR, Workspace, find_workspace


class ExitCode(enum.IntEnum):
    """What a command's exit status means."""

    OK = 0
    ERROR = 1
    USAGE = 2
    GAPS = 3
    """The command ran fine and found gaps (missing evidence, integrity problems)."""


_HEADINGS = {"Options": "Opsi", "Commands": "Perintah", "Arguments": "Argumen"}


class _Formatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Penggunaan: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS.get(heading, heading))


class _Context(click.Context):
    formatter_class = _Formatter


class ZiCommand(click.Command):
    context_class = _Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Tampilkan bantuan ini lalu keluar."
        return option


class ZiGroup(click.Group):
    context_class = _Context
    command_class = ZiCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARG]...")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Tampilkan bantuan ini lalu keluar."
        return option


ZiGroup.group_class = ZiGroup


# ---- usage errors in Indonesian -----------------------------------------------------------
_USAGE_PATTERNS: Sequence[tuple[str, str]] = (
    (r"No such option:? '?([^'?]+?)'?\.?(?: Did you mean '?(.+?)'?\?)?$", "opsi {0} tidak dikenal"),
    (r"No such command '(.+?)'\.?", "perintah '{0}' tidak dikenal"),
    (r"Missing argument '(.+?)'\.?", "argumen {0} belum diisi"),
    (r"Missing option '(.+?)'\.?", "opsi {0} wajib diisi"),
    (r"Got unexpected extra arguments? \((.+)\)", "argumen berlebih: {0}"),
    (r"Option '(.+?)' requires an argument\.?", "opsi {0} memerlukan nilai"),
    (r"Invalid value for '(.+?)': (.+)", "nilai untuk {0} tidak sah: {1}"),
)
_VALUE_PATTERNS: Sequence[tuple[str, str]] = (
    (r"'(.+?)' is not one of (.+)\.", "'{0}' bukan salah satu dari {1}"),
    (r"'(.+?)' is not a valid integer( range)?\.", "'{0}' bukan bilangan bulat"),
    (r"'(.+?)' is not a valid float( range)?\.", "'{0}' bukan angka"),
    (r"(?:File|Path|Directory) '(.+?)' does not exist\.", "'{0}' tidak ada"),
    (r"'(.+?)' does not match the format.*", "'{0}' bukan tanggal TTTT-BB-HH"),
)


def translate_usage(message: str) -> str:
    for pattern, template in _USAGE_PATTERNS:
        match = re.match(pattern, message)
        if match:
            groups = [g for g in match.groups() if g is not None]
            if template.startswith("nilai") and len(groups) > 1:
                groups[1] = _translate_value(groups[1])
            text = template.format(*groups)
            if "Did you mean" in message and len(groups) > 1:
                text = template.format(groups[0]) + f"; maksudnya {groups[1]}?"
            return text
    return message


def _translate_value(message: str) -> str:
    for pattern, template in _VALUE_PATTERNS:
        match = re.match(pattern, message)
        if match:
            return template.format(*match.groups())
    return message


# ---- error and finding rendering ------------------------------------------------------------
def render_finding(finding: Finding) -> str:
    label = {Severity.ERROR: "galat", Severity.WARNING: "peringatan", Severity.INFO: "info"}
    return (
        f"  - {finding}"
        if finding.severity is Severity.ERROR
        else f"  - [{label[finding.severity]}] {finding}"
    )


def report_error(err: ZiError) -> None:
    click.secho(f"Galat: {err.message}", fg="red", err=True)
    if isinstance(err, InvalidInputError):
        for finding in err.findings:
            click.echo(render_finding(finding), err=True)
    if isinstance(err, NotFoundError) and err.suggestions:
        click.echo("Mungkin maksud Anda: " + ", ".join(err.suggestions), err=True)
    if err.hint:
        click.echo(f"Saran: {err.hint}", err=True)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# ---- workspace --------------------------------------------------------------------------------
F = TypeVar("F", bound=Callable[..., Any])


def workspace_option(func: F) -> F:
    """Add ``--workspace`` and pass the found :class:`Workspace` as ``workspace``."""

    @click.option(
        "--workspace",
        "-w",
        "workspace_dir",
        type=click.Path(file_okay=False),
        default=None,
        help=f"Folder ruang kerja (bawaan: ${ENV_VAR}, atau folder ini dan induknya).",
    )
    @click.pass_context
    def wrapper(ctx: click.Context, /, workspace_dir: str | None, **kwargs: Any) -> Any:
        explicit = workspace_dir or (ctx.obj or {}).get("workspace_dir")
        workspace = find_workspace(explicit)
        return ctx.invoke(func, workspace=workspace, **kwargs)

    return update_wrapper(wrapper, func)  # type: ignore[return-value]


def shown(workspace: Workspace | None, path: Path) -> str:
    return workspace.display(path) if workspace else str(path)


class RootGroup(ZiGroup):
    """The top-level group: translates library and usage errors, never shows a traceback.

    Overriding ``main`` (rather than wrapping it) keeps the translation in effect for the
    in-process ``CliRunner`` in tests too.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code: int = ExitCode.OK
        try:
            result = super().main(
                args=args,
                prog_name=prog_name or "zi-docs",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
            code = result if isinstance(result, int) else ExitCode.OK
        except ZiError as err:
            report_error(err)
            code = ExitCode.ERROR
        except click.exceptions.Abort:
            click.echo("Dibatalkan.", err=True)
            code = ExitCode.ERROR
        except click.UsageError as exc:
            if exc.ctx is not None:
                click.echo(exc.ctx.get_usage(), err=True)
                hint = f"Coba '{exc.ctx.command_path} --help' untuk bantuan."
            else:
                hint = "Coba 'zi-docs --help' untuk bantuan."
            click.secho(f"Galat: {translate_usage(exc.format_message())}", fg="red", err=True)
            click.echo(hint, err=True)
            code = ExitCode.USAGE
        except click.ClickException as exc:
            click.secho(f"Galat: {exc.format_message()}", fg="red", err=True)
            code = exc.exit_code
        except KeyboardInterrupt:
            click.echo("\nDihentikan oleh pengguna.", err=True)
            code = 130
        except BrokenPipeError:
            code = ExitCode.ERROR
        except Exception as exc:  # a bug, not a user mistake: say so, keep details for a report
            if os.environ.get("ZI_DOCS_DEBUG"):
                raise
            log = _write_crash_log(exc)
            click.secho(f"Galat internal zi-docs: {type(exc).__name__}: {exc}", fg="red", err=True)
            click.echo(
                "Ini kesalahan program, bukan kesalahan Anda. Rincian teknis disimpan di "
                f"{log}; lampirkan berkas itu saat melapor.",
                err=True,
            )
            code = ExitCode.ERROR
        sys.exit(code)


def _write_crash_log(exc: BaseException) -> Path:
    import tempfile
    import traceback

    handle, name = tempfile.mkstemp(prefix="zi-docs-galat-", suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        traceback.print_exception(exc, file=stream)
    return Path(name)
