"""Docs and help are part of the product: README commands, CI, and the command reference."""

from __future__ import annotations

from pathlib import Path

from zi_docs.cli import cli
from zi_docs.cli._base import ZiCommand, ZiGroup
from zi_docs.cli.reference import iter_commands, render_reference

ROOT = Path(__file__).resolve().parent.parent


def test_readme_starts_with_exactly_two_one_line_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("```")
    end = lines.index("```", start + 1)
    commands = lines[start + 1 : end]
    assert start <= 3
    assert len(commands) == 2
    assert commands[0].endswith("zi-docs demo")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    test_command = lines[lines.index("```") + 2]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci


def test_every_command_has_help_and_is_documented() -> None:
    reference = (ROOT / "docs" / "perintah.md").read_text(encoding="utf-8")
    for path, command in iter_commands(cli):
        assert (command.help or "").strip(), f"{' '.join(path)} tidak punya teks bantuan"
        assert f"## `{' '.join(path)}`" in reference
        for param in command.params:
            if param.param_type_name == "option":
                assert getattr(param, "help", None), f"{' '.join(path)} {param.name} tanpa bantuan"


def test_reference_is_up_to_date() -> None:
    reference = (ROOT / "docs" / "perintah.md").read_text(encoding="utf-8")
    assert reference == render_reference(), "jalankan: python tools/gen_cli_docs.py"


def test_help_carries_no_english_from_click() -> None:
    for path, command in iter_commands(cli):
        assert isinstance(command, (ZiCommand, ZiGroup)), f"{' '.join(path)}: pakai cls=ZiCommand"
    reference = render_reference()
    for english in (
        "Usage:",
        "Options:",
        "Commands:",
        "Show this message",
        "DIRECTORY",
        "FILE",
        "PATH",
        "TEXT",
        "INTEGER",
        "FLOAT",
        "[default:",
        "[required",
    ):
        assert english not in reference, english
    assert "-w, --ruang-kerja FOLDER" in reference and "[bawaan: total]" in reference
    assert "[wajib]" in reference and "[bawaan: 10; minimal 0]" in reference
    assert "[2015 sampai 2100]" in reference
    assert "x>" not in reference and "<x" not in reference and "x<" not in reference
