"""Shared helpers of the archive commands: progress bar, option parsing, formatting."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any

import click

from zi_docs import evidence
from zi_docs.cli._base import F, option, option_value
from zi_docs.workspace import Workspace


class Bar:
    """A click progress bar on stderr, created on the first callback (the library knows the
    total), so the library itself never touches the terminal.

    Only on a terminal: when stderr is a pipe or a file click would still print the label
    once, a stray line in the middle of logs and captured output.
    """

    def __init__(self, label: str, enabled: bool = True) -> None:
        self.label = label
        self.enabled = enabled and _is_terminal(sys.stderr)
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

    def __enter__(self) -> Bar:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)


def _is_terminal(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' bukan tanggal TTTT-BB-HH") from None


def json_option(func: F) -> F:
    """``--json``: the command's result as JSON for scripts, passed on as ``as_json``."""
    return click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")(func)


def date_option(help_text: str, name: str = "--tanggal") -> Callable[[F], F]:
    """An optional ``TTTT-BB-HH`` date (``--tanggal`` unless ``name`` says otherwise)."""
    return click.option(
        name, callback=parse_date, metavar="TTTT-BB-HH", default=None, help=help_text
    )


def round_option(help_text: str, first: int = 1) -> Callable[[F], F]:
    """``--putaran``: the number of an evaluation round (``first`` the lowest allowed)."""
    return click.option("--putaran", type=click.IntRange(min=first), default=None, help=help_text)


def size_and_json_options(func: F) -> F:
    """``--maks-mb`` and ``--json``, shared by ``archive add`` and ``archive import``."""
    func = json_option(func)
    return click.option(
        "--maks-mb",
        type=click.FloatRange(min=0, min_open=True),
        default=evidence.DEFAULT_MAX_MB,
        show_default=True,
        help="Batas ukuran satu berkas dalam MB.",
    )(func)


def indicator_filter_option(help_text: str) -> Callable[[F], F]:
    """``--indikator``/``-i`` (old spelling ``--indicator``) as a single filter value."""
    return option(
        "--indikator", "-i", "indicator", old=("--indicator",), default=None, help=help_text
    )


_NARROWING = ("indicator", "area", "tahun", "jenis", "untagged", "sampah")


def narrowing_options(indicator_help: str, area_help: str) -> Callable[[F], F]:
    """The archive's filters as options (``--indikator``, ``--area``, ``--tahun``,
    ``--jenis``, ``--belum-ditandai``, ``--sampah``), given to the command as one
    ``filters`` value (:class:`~zi_docs.evidence.SearchFilters`; ``limit`` from
    ``--batas`` when the command has it); the command checks its area with
    :func:`checked_filters` once it has the workspace."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def command(**kwargs: Any) -> Any:
            given = {name: kwargs.pop(name) for name in _NARROWING}
            kwargs["filters"] = evidence.SearchFilters(
                indicator=given["indicator"],
                area=given["area"],
                year=given["tahun"],
                kind=given["jenis"],
                untagged=given["untagged"],
                trashed=given["sampah"],
                limit=kwargs.pop("limit", evidence.SearchFilters.limit),
            )
            return func(**kwargs)

        for add in reversed(
            (
                indicator_filter_option(indicator_help),
                click.option("--area", default=None, help=area_help),
                click.option(
                    "--tahun", type=int, default=None, help="Hanya dokumen bertanggal tahun ini."
                ),
                click.option(
                    "--jenis",
                    type=click.Choice(evidence.KINDS),
                    default=None,
                    help="Hanya jenis berkas ini.",
                ),
                option(
                    "--belum-ditandai",
                    "untagged",
                    old=("--untagged",),
                    is_flag=True,
                    help="Hanya berkas yang belum ditandai.",
                ),
                click.option("--sampah", is_flag=True, help="Hanya berkas di tempat sampah."),
            )
        ):
            command = add(command)
        return command  # type: ignore[return-value]

    return decorate


def checked_filters(
    workspace: Workspace, filters: evidence.SearchFilters
) -> evidence.SearchFilters:
    """``filters`` with its area as the catalogue's code; an unknown area is a usage error
    naming ``--area`` and the choices."""
    code = option_value("--area", workspace.catalogue.resolve_area, filters.area)
    return dataclasses.replace(filters, area=code)


def limit_option(default: int, help_text: str) -> Callable[[F], F]:
    """``--batas`` (old spelling ``--limit``): how many rows or results to show."""
    return option(
        "--batas",
        "limit",
        old=("--limit",),
        type=click.IntRange(min=1),
        default=default,
        show_default=True,
        help=help_text,
    )


def short(stored: evidence.StoredFile) -> str:
    return stored.sha256[:12]


def tags_text(tags: Iterable[evidence.IndicatorRef]) -> str:
    return ", ".join(str(t) for t in tags) or "tanpa tag"


def file_json(f: evidence.StoredFile) -> dict[str, Any]:
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
        "konsep": f.draft,
        "jalur": str(f.path),
    }
