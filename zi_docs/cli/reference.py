"""The command reference (docs/perintah.md), generated from the click commands."""

from __future__ import annotations

import click

from zi_docs.cli._indonesian import HelpContext


def iter_commands(
    command: click.Command, path: tuple[str, ...] = ("zi-docs",)
) -> list[tuple[tuple[str, ...], click.Command]]:
    """Every command and sub-command, depth first, with its full name."""
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            found += iter_commands(command.commands[name], (*path, name))
    return found


def render_reference() -> str:
    from zi_docs.cli import cli

    lines = [
        "# Rujukan perintah zi-docs",
        "",
        "Berkas ini dibuat otomatis dari bantuan perintah (`python tools/gen_cli_docs.py`);",
        "jangan disunting manual. Setiap perintah juga menampilkan bantuan ini dengan `--help`.",
        "",
    ]
    for path, command in iter_commands(cli):
        name = " ".join(path)
        ctx = HelpContext(command, info_name=path[-1], terminal_width=100, max_content_width=100)
        lines += [f"## `{name}`", "", "```", command.get_help(ctx).replace(path[-1], name, 1)]
        lines += ["```", ""]
    return "\n".join(lines)
