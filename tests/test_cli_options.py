"""One naming rule for options: Indonesian names (format names such as --json stay); the old
English spellings keep working as hidden aliases."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner

from zi_docs.cli import cli
from zi_docs.cli._base import AliasedOption
from zi_docs.cli.reference import iter_commands, render_reference
from zi_docs.workspace import Workspace

FORMAT_NAMES = {"json", "xlsx", "docx", "pdf", "zip", "markdown", "csv", "html"}
"""File formats keep their own names."""
CONVENTIONS = {"--help"}
"""click's help flag, understood by every command-line program."""
INDONESIAN = {
    # every word used in a visible option name; a new option whose word is not here fails
    # the test below: add the word only when it is Indonesian
    "alamat", "area", "arsipkan", "bagian", "batas", "belum", "bobot", "butir", "definisi",
    "metode", "periode", "populasi", "peran", "aktif", "nonaktif", "sandi", "tanpa", "peramban",
    # technical words Indonesian uses as they are (the web server's address and port; standard
    # input), as the issue names them
    "host", "port", "stdin", "catatan", "celah", "masukan",
    "cepat", "coba", "contoh", "dari", "dengan", "ditandai", "email", "golongan", "indikator",
    "instansi", "jabatan", "jenis", "judul", "keluaran", "kerja", "kota", "maks", "mb", "nip",
    "keras", "pangkat", "penuh", "perbaiki", "pimpinan", "predikat", "rinci", "ruang", "salin",
    "sama", "sampah", "semua", "senyap",
    "singkatan", "situs", "tahun", "tanggal", "target", "tautan", "telepon", "terpisah", "timpa",
    "unit",
    "urut", "verifikasi", "versi", "ya",
    # evaluation layers, workbook import, tindak lanjut
    "asal", "baru", "bukti", "jawaban", "keterangan", "kolom", "lapis", "pemilik", "penilai",
    "putaran", "status", "sumber", "terbuka",
    # rekap --docx signed by an evaluator's own workspace
    "profil",
}  # fmt: skip
ENGLISH = {"indicator", "item", "untagged", "limit", "quick", "all", "out", "output", "dry",
           "run", "workspace", "version", "verbose", "quiet", "force", "overwrite", "same",
           "trash"}  # fmt: skip


def _visible(param: click.Option) -> list[str]:
    names = param.visible_opts if isinstance(param, AliasedOption) else list(param.opts)
    return [*names, *param.secondary_opts]


def _options() -> list[tuple[str, str]]:
    found = []
    for path, command in iter_commands(cli):
        ctx = click.Context(command, info_name=path[-1])
        for param in command.get_params(ctx):
            if isinstance(param, click.Option) and not param.hidden:
                found += [(" ".join(path), name) for name in _visible(param)]
    return found


def test_every_visible_option_is_indonesian_or_a_format_name() -> None:
    options = _options()
    assert ("zi-docs archive list", "--belum-ditandai") in options
    for where, name in options:
        if name in CONVENTIONS or not name.startswith("--"):
            continue
        words = name[2:].split("-")
        if name[2:] in FORMAT_NAMES:
            continue
        assert not set(words) & ENGLISH, f"{where} {name}: nama opsi berbahasa Inggris"
        assert set(words) <= INDONESIAN, f"{where} {name}: kata {set(words) - INDONESIAN}"


def test_old_english_spellings_are_hidden_from_help_and_the_reference() -> None:
    reference = render_reference()
    for old in ("--indicator", "--untagged", "--limit", "--quick", "--dry-run", "--workspace",
                "--all", "--out ", "--output", "--item", "--version"):  # fmt: skip
        assert old not in reference, old
    help_text = CliRunner().invoke(cli, ["archive", "list", "--help"]).output
    assert "--indikator" in help_text and "--indicator" not in help_text


def test_old_english_spellings_still_work(runner: CliRunner, workspace: Workspace) -> None:
    ws = str(workspace.root)
    new = runner.invoke(cli, ["--ruang-kerja", ws, "archive", "log", "--batas", "1"])
    old = runner.invoke(cli, ["--workspace", ws, "archive", "log", "--limit", "1"])
    assert new.exit_code == old.exit_code == 0 and new.output == old.output
    listed = runner.invoke(
        cli, ["-w", ws, "archive", "list", "--untagged", "--indicator", "P.MP.i.a", "--json"]
    )
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.output) == json.loads(
        runner.invoke(
            cli, ["-w", ws, "archive", "list", "--belum-ditandai", "-i", "P.MP.i.a", "--json"]
        ).output
    )
    assert runner.invoke(cli, ["--version"]).output == runner.invoke(cli, ["--versi"]).output


def test_a_missing_value_names_the_indonesian_spelling(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["archive", "tag", "abc"])
    assert result.exit_code == 2
    assert "--indikator" in result.output and "--indicator" not in result.output
