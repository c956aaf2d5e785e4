"""CLI commands of the archive flow (being written)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
