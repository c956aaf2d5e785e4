"""Click plumbing shared by every command: exit codes, error translation, shared options.

The Indonesian help and usage messages live in :mod:`zi_docs.cli._indonesian`.
"""

from __future__ import annotations

import enum
import errno
import importlib
import os
import sys
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from functools import update_wrapper
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from zi_docs.cli._indonesian import ZiCommand as ZiCommand
from zi_docs.cli._indonesian import ZiGroup as ZiGroup
from zi_docs.cli._indonesian import translate_usage
from zi_docs.errors import InvalidInputError, NotFoundError, ZiError
from zi_docs.findings import Finding, Severity

if TYPE_CHECKING:
    from zi_docs.workspace import Workspace
from zi_docs import WORKSPACE_ENV


class ExitCode(enum.IntEnum):
    """What a command's exit status means."""

    OK = 0
    ERROR = 1
    USAGE = 2
    GAPS = 3
    """The command ran fine and found gaps (missing evidence, integrity problems)."""


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


T = TypeVar("T")


def option_value(option: str, resolve: Callable[[str], T], value: str | None) -> T | None:
    """``value`` of ``option`` resolved by the library (``None`` stays ``None``).

    The one rule for option values the library does not know (an area, a predicate): a usage
    error (exit 2) naming the option and the choices, like click's own choice options.
    """
    if value is None:
        return None
    try:
        return resolve(value)
    except NotFoundError as err:
        choices = f"; pilih: {', '.join(err.suggestions)}" if err.suggestions else ""
        raise click.BadParameter(err.message + choices, param_hint=f"'{option}'") from None


def emit_json(data: Any) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# ---- options ----------------------------------------------------------------------------------
F = TypeVar("F", bound=Callable[..., Any])


class LazyChoice(click.Choice[str]):
    """A choice whose values are read (from data) the first time they are needed: parsing,
    help or completion, not when the CLI starts."""

    def __init__(self, values: Callable[[], Sequence[str]], case_sensitive: bool = True) -> None:
        self._values = values
        self._choices: tuple[str, ...] | None = None
        self.case_sensitive = case_sensitive

    @property
    def choices(self) -> tuple[str, ...]:
        if self._choices is None:
            self._choices = tuple(self._values())
        return self._choices

    @choices.setter
    def choices(self, value: tuple[str, ...]) -> None:
        self._choices = tuple(value)


class AliasedOption(click.Option):
    """An option whose old (English) spellings still parse but never show in help or docs."""

    def __init__(self, *args: Any, hidden_aliases: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hidden_aliases = tuple(hidden_aliases)

    @property
    def visible_opts(self) -> list[str]:
        return [o for o in self.opts if o not in self.hidden_aliases]

    def _shown(self, method: Callable[[], Any]) -> Any:
        every = self.opts
        self.opts = self.visible_opts
        try:
            return method()
        finally:
            self.opts = every

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        return self._shown(lambda: super(AliasedOption, self).get_help_record(ctx))  # type: ignore[no-any-return]

    def get_error_hint(self, ctx: click.Context | None) -> str:
        return self._shown(lambda: super(AliasedOption, self).get_error_hint(ctx))  # type: ignore[no-any-return]


def option(*decls: str, old: Sequence[str] = (), **kwargs: Any) -> Callable[[F], F]:
    """``click.option`` under the Indonesian name in ``decls``; ``old`` spellings keep working
    as hidden aliases (so scripts written before the rename do not break)."""
    return click.option(*decls, *old, cls=AliasedOption, hidden_aliases=old, **kwargs)


# ---- workspace --------------------------------------------------------------------------------
def workspace_dir_option(
    help_text: str = (
        f"Folder ruang kerja (bawaan: ${WORKSPACE_ENV}, atau folder ini dan induknya)."
    ),
) -> Callable[[F], F]:
    """The ``--ruang-kerja``/``-w`` option itself, passed on as ``workspace_dir``."""
    return option(
        "--ruang-kerja",
        "-w",
        "workspace_dir",
        old=("--workspace",),
        type=click.Path(file_okay=False),
        default=None,
        help=help_text,
    )


def workspace_from(ctx: click.Context, workspace_dir: str | None) -> Workspace:
    """The workspace named on this command, else on ``zi-docs --ruang-kerja``, else found."""
    from zi_docs.workspace import find_workspace  # loaded when a command runs, not for --help

    return find_workspace(workspace_dir or (ctx.obj or {}).get("workspace_dir"))


def workspace_option(func: F) -> F:
    """Add ``--ruang-kerja`` and pass the found :class:`Workspace` as ``workspace``."""

    @workspace_dir_option()
    @click.pass_context
    def wrapper(ctx: click.Context, /, workspace_dir: str | None, **kwargs: Any) -> Any:
        return ctx.invoke(func, workspace=workspace_from(ctx, workspace_dir), **kwargs)

    return update_wrapper(wrapper, func)  # type: ignore[return-value]


def shown(workspace: Workspace | None, path: Path) -> str:
    return workspace.display(path) if workspace else str(path)


class RootGroup(ZiGroup):
    """The top-level group: translates library and usage errors, never shows a traceback.

    Overriding ``main`` (rather than wrapping it) keeps the translation in effect for the
    in-process ``CliRunner`` in tests too.

    Its commands are named in ``lazy`` (name -> (module under ``zi_docs.cli``, short help))
    and a module is imported when one of its commands runs, so ``zi-docs --help`` lists every
    command from the table without importing any; reading :attr:`commands` loads them all.
    """

    def __init__(
        self, *args: Any, lazy: Mapping[str, tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        self._lazy = dict(lazy or {})
        self._listing = False
        super().__init__(*args, **kwargs)

    @property
    def commands(self) -> MutableMapping[str, click.Command]:
        for module in {module for module, _ in self._lazy.values()}:
            self._load(module)
        return self._commands

    @commands.setter
    def commands(self, value: MutableMapping[str, click.Command]) -> None:
        self._commands = value

    def _load(self, module: str) -> None:
        for command in importlib.import_module(f"zi_docs.cli.{module}").COMMANDS:
            self._commands.setdefault(command.name or "", command)
        self._lazy = {name: entry for name, entry in self._lazy.items() if entry[0] != module}

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        self._commands[name or cmd.name or ""] = cmd

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self._commands, *self._lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self._commands and cmd_name in self._lazy:
            module, short = self._lazy[cmd_name]
            if self._listing:
                return click.Command(cmd_name, help=short)  # the help list needs no import
            self._load(module)
        return self._commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False

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
        except OSError as exc:
            if exc.errno not in _OS_REASONS:
                code = _crash(exc)
            else:
                where = f" {exc.filename}" if exc.filename else ""
                click.secho(
                    f"Galat: tidak dapat memakai{where}: {_OS_REASONS[exc.errno]}",
                    fg="red",
                    err=True,
                )
                click.echo("Saran: periksa jalur dan izin aksesnya, lalu jalankan lagi.", err=True)
                code = ExitCode.ERROR
        except Exception as exc:
            code = _crash(exc)
        sys.exit(code)


# what the computer refused, when a path the user gave cannot be written or read
_OS_REASONS = {
    errno.EACCES: "tidak ada izin akses",
    errno.EPERM: "tidak ada izin akses",
    errno.ENOSPC: "ruang disk penuh",
    errno.EROFS: "disk hanya dapat dibaca",
    errno.ENOTDIR: "salah satu bagian jalurnya adalah berkas, bukan folder",
    errno.EISDIR: "itu sebuah folder, padahal yang diperlukan berkas",
    errno.ENAMETOOLONG: "nama atau jalurnya terlalu panjang",
}


def _crash(exc: BaseException) -> int:
    """A bug, not a user mistake: say so, keep the details for a report."""
    if os.environ.get("ZI_DOCS_DEBUG"):
        raise exc
    log = _write_crash_log(exc)
    click.secho(f"Galat internal zi-docs: {type(exc).__name__}: {exc}", fg="red", err=True)
    click.echo(
        "Ini kesalahan program, bukan kesalahan Anda. Rincian teknis disimpan di "
        f"{log}; lampirkan berkas itu saat melapor.",
        err=True,
    )
    return ExitCode.ERROR


def _write_crash_log(exc: BaseException) -> Path:
    import tempfile
    import traceback

    handle, name = tempfile.mkstemp(prefix="zi-docs-galat-", suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        traceback.print_exception(exc, file=stream)
    return Path(name)
