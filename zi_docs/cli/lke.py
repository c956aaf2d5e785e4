"""``zi-docs lke``: browse the LKE catalogue."""

from __future__ import annotations

import textwrap

import click

from zi_docs.catalogue import Catalogue, Node, node_summary, question_details
from zi_docs.cli._base import ZiGroup, emit_json, option_value, workspace_option
from zi_docs.workspace import Workspace


@click.group(cls=ZiGroup)
def lke() -> None:
    """Telusuri katalog LKE (indikator, kriteria, bobot, data dukung)."""


@lke.command("list")
@click.option(
    "--area",
    metavar="AREA",
    default=None,
    help="Hanya area perubahan ini: kodenya (MP, TTL, SDM, AK, PW, PP) atau namanya.",
)
@click.option(
    "--bagian",
    type=click.Choice(["pemenuhan", "reform", "hasil"], case_sensitive=False),
    default=None,
    help="Hanya bagian ini.",
)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@workspace_option
def list_(workspace: Workspace, area: str | None, bagian: str | None, as_json: bool) -> None:
    """Daftar pertanyaan LKE beserta bobot dan jenis jawabannya."""
    catalogue = workspace.catalogue
    code = option_value("--area", catalogue.resolve_area, area)
    nodes = [
        n
        for n in catalogue.walk()
        if (code is None or n.area == code)
        and (bagian is None or (n.part or "") == bagian.lower())
        and n.level in ("area", "sub", "pertanyaan")
    ]
    if as_json:
        emit_json([node_summary(catalogue, n) for n in nodes])
        return
    for node in nodes:
        click.echo(_line(catalogue, node))
    click.echo(f"\n{sum(n.is_question for n in nodes)} pertanyaan.")


def _line(catalogue: Catalogue, node: Node) -> str:
    if node.level == "area":
        part = (node.part or "").upper()
        return click.style(f"\n{node.id}  {part} · {node.name}  (bobot {node.weight:g})", bold=True)
    if node.level == "sub":
        return click.style(f"  {node.id}  {node.name}  (bobot {node.weight:g})", bold=True)
    text = textwrap.shorten(node.name, 70, placeholder=" …")
    return f"    {node.id:<14} {catalogue.short_alias(node):<12} {node.answer_type:<10} {text}"


@lke.command()
@click.argument("indikator")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@workspace_option
def show(workspace: Workspace, indikator: str, as_json: bool) -> None:
    """Tampilkan satu indikator: pertanyaan, kriteria, bobot, dan daftar data dukung.

    INDIKATOR boleh ditulis sebagai id (A.I.1.i.a), alias (P.MP.i.a atau 1.i.a untuk
    Pemenuhan, R.MP.i.a untuk Reform), atau kode BPS (PPA1A); huruf besar/kecil bebas.
    """
    catalogue = workspace.catalogue
    node = catalogue.resolve(indikator)
    details = question_details(catalogue, node)
    if as_json:
        emit_json(details)
        return
    click.secho(f"{details['id']}  ({details['alias']})", bold=True)
    click.echo(" › ".join(details["jalur"]))
    click.echo("")
    click.echo(textwrap.fill(details["teks"], 96))
    click.echo("")
    weight = details.get("bobot")
    if weight is not None:
        click.echo(
            f"Bobot: {weight:g}"
            + (f" (bagian dari {details['bobot_induk']:g})" if details.get("bobot_induk") else "")
        )
    if details.get("jenis"):
        click.echo(f"Jenis jawaban: {details['jenis']}")
    for option, text in (details.get("kriteria") or {}).items():
        value = details["nilai_opsi"].get(option)
        head = f"  {option} ({value:g})" if value is not None else f"  {option}"
        click.echo(
            textwrap.fill(
                text, 96, initial_indent=f"{head}: ", subsequent_indent=" " * (len(head) + 2)
            )
        )
    if details.get("isian"):
        click.echo("Isian jumlah:")
        for item in details["isian"]:
            click.echo(f"  {item['key']}: {item['label']}")
        click.echo(f"Rumus: {details['rumus']}")
    for label in ("penjelasan", "catatan"):
        if details.get(label):
            click.echo(
                textwrap.fill(
                    details[label],
                    96,
                    initial_indent=f"{label.capitalize()}: ",
                    subsequent_indent="  ",
                )
            )
    if details.get("data_dukung"):
        click.echo("Data dukung:")
        for item in details["data_dukung"]:
            mark = "wajib" if item["wajib"] else "pendukung"
            click.echo(
                textwrap.fill(
                    f"[{mark}] {item['key']}: {item['uraian']}",
                    96,
                    initial_indent="  ",
                    subsequent_indent="      ",
                )
            )
    if details.get("anak"):
        click.echo("Berisi:")
        for child in details["anak"]:
            click.echo(f"  {child['id']:<14} {textwrap.shorten(child['nama'], 76)}")


@lke.command()
@click.argument("teks", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk skrip.")
@workspace_option
def search(workspace: Workspace, teks: tuple[str, ...], as_json: bool) -> None:
    """Cari indikator yang menyebut TEKS (dalam pertanyaan, kriteria, atau data dukung)."""
    catalogue = workspace.catalogue
    query = " ".join(teks)
    hits = catalogue.search(query)
    if as_json:
        emit_json([{**node_summary(catalogue, n), "cocok_di": where} for n, where in hits])
        return
    if not hits:
        click.echo(f"Tidak ada indikator yang menyebut '{query}'.")
        return
    for node, where in hits:
        text = textwrap.shorten(node.name, 66, placeholder=" …")
        click.echo(f"{node.id:<14} {catalogue.short_alias(node):<12} {text}  [{where}]")
    click.echo(f"\n{len(hits)} indikator menyebut '{query}'.")


def _register_import() -> None:
    from zi_docs.cli.evaluation import impor

    lke.add_command(impor)


_register_import()


COMMANDS: list[click.Command] = [lke]
