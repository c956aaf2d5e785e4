"""CLI commands of the documents flow (being written)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
