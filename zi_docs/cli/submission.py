"""CLI commands of the submission flow (being written)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
