"""Click in Indonesian: help headings, metavars, ``--help`` text, and usage error messages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import click

_HEADINGS = {"Options": "Opsi", "Commands": "Perintah", "Arguments": "Argumen"}


# click's own metavars and help extras, as the option list shows them
_METAVARS = {
    "DIRECTORY": "FOLDER",
    "FILENAME": "BERKAS",
    "FILE": "BERKAS",
    "PATH": "JALUR",
    "TEXT": "TEKS",
    "INTEGER RANGE": "BILANGAN",
    "INTEGER": "BILANGAN",
    "FLOAT RANGE": "ANGKA",
    "FLOAT": "ANGKA",
    "BOOLEAN": "YA|TIDAK",
}
_METAVAR_RE = re.compile(r"\b(" + "|".join(sorted(_METAVARS, key=len, reverse=True)) + r")\b")
_EXTRA_RE = re.compile(r"\[([^\[\]]*)\]$")
_EXTRA_WORDS = (("default: ", "bawaan: "), ("required", "wajib"), ("env var: ", "variabel: "))


_RANGES = (
    (r"(\S+?)<=x<=(\S+)", r"\1 sampai \2"),
    (r"\bx>=(\S+)", r"minimal \1"),
    (r"\bx>(\S+)", r"lebih dari \1"),
    (r"\bx<=(\S+)", r"maksimal \1"),
    (r"\bx<(\S+)", r"kurang dari \1"),
)


def _range_text(text: str) -> str:
    """click's ``x>=0`` and ``2015<=x<=2100`` as words: ``minimal 0``, ``2015 sampai 2100``."""
    for pattern, words in _RANGES:
        text = re.sub(pattern, words, text)
    return text


def _help_extra(text: str) -> str:
    def translate(match: re.Match[str]) -> str:
        inner = match.group(1)
        for english, indonesian in _EXTRA_WORDS:
            inner = inner.replace(english, indonesian)
        return f"[{_range_text(inner)}]"

    return _EXTRA_RE.sub(translate, text)


class _Formatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Penggunaan: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS.get(heading, heading))

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = [
            (_METAVAR_RE.sub(lambda m: _METAVARS[m.group(1)], term), _help_extra(text))
            for term, text in rows
        ]
        super().write_dl(rows, col_max, col_spacing)


class HelpContext(click.Context):
    """A click context whose help is written in Indonesian (also for docs/perintah.md)."""

    formatter_class = _Formatter


class _Indonesian(click.Command):
    """Indonesian headings, metavars and ``--help`` text for commands and groups alike."""

    context_class = HelpContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Tampilkan bantuan ini lalu keluar."
        return option


class ZiCommand(_Indonesian):
    pass


class ZiGroup(_Indonesian, click.Group):
    command_class = ZiCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARG]...")
        super().__init__(*args, **kwargs)


ZiGroup.group_class = ZiGroup


# ---- usage errors in Indonesian -----------------------------------------------------------
_USAGE_PATTERNS: Sequence[tuple[str, str]] = (
    (r"No such option:? '?([^'?]+?)'?\.?(?: Did you mean '?(.+?)'?\?)?$", "opsi {0} tidak dikenal"),
    (r"No such command '(.+?)'\.?", "perintah '{0}' tidak dikenal"),
    (r"Missing argument '(.+?)'\.?", "argumen {0} belum diisi"),
    (r"Missing option '(.+?)'\.?", "opsi {0} wajib diisi"),
    (r"Got unexpected extra arguments? \((.+)\)", "argumen berlebih: {0}"),
    (r"Option '(.+?)' requires an argument\.?", "opsi {0} memerlukan nilai"),
    (r"Invalid value for '([^']+)'(?: / '[^']+')?: (.+)", "nilai untuk {0} tidak sah: {1}"),
)
_VALUE_PATTERNS: Sequence[tuple[str, str]] = (
    (r"'(.+?)' is not one of (.+)\.", "'{0}' bukan salah satu dari {1}"),
    (r"'(.+?)' is not a valid integer( range)?\.", "'{0}' bukan bilangan bulat"),
    (r"'(.+?)' is not a valid float( range)?\.", "'{0}' bukan angka"),
    (r"(?:File|Path|Directory) '(.+?)' does not exist\.", "'{0}' tidak ada"),
    (r"'(.+?)' does not match the format.*", "'{0}' bukan tanggal TTTT-BB-HH"),
    (r"(?:File|Path|Directory) '(.+?)' is a file\.", "'{0}' adalah berkas; sebutkan sebuah folder"),
    (
        r"(?:File|Path|Directory) '(.+?)' is a directory\.",
        "'{0}' adalah folder; sebutkan sebuah berkas",
    ),
    (
        r"(?:File|Path|Directory) '(.+?)' is not (?:readable|writable)\.",
        "'{0}' tidak dapat dibuka; periksa izin aksesnya",
    ),
    (r"(.+?) is not in the range (.+)\.", "{0} di luar rentang {1}"),
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
            return _range_text(template.format(*match.groups()))
    return message
