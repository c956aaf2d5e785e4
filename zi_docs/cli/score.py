"""``zi-docs score`` (being written)."""

from __future__ import annotations

import click

from zi_docs.cli._base import ZiCommand


@click.command(cls=ZiCommand)
def score() -> None:
    """Hitung nilai penilaian mandiri LKE terhadap ambang WBK/WBBM."""
