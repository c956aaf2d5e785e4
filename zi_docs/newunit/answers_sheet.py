"""A blank ``lke.yaml``: every question id of the catalogue, its text as a comment, no answer."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from zi_docs.catalogue import Catalogue, Node

_HEADER = """\
# Jawaban penilaian mandiri LKE Zona Integritas — {unit} ({year}).
# Katalog: {title}
#
# CARA MENGISI
#   Setiap pertanyaan sudah tertulis satu baris: "ID:  # teksnya". Tulis jawabannya sesudah
#   titik dua, mis. "A.I.1.i.a: Ya". Yang masih kosong dihitung nol dan ditampilkan dalam
#   daftar "belum dijawab" oleh 'zi-docs score'.
#     A.I.1.i.a: Ya                               pilihan Ya/Tidak, A/B/C, A/B/C/D, A/B/C/D/E
#     A.I.1.i.b: {{jawaban: B, catatan: "..."}}     pilihan beserta catatan
#     A.II.1.i.a: {{input: {{jumlah_...: 12}}}}       butir persentase: ketik jumlahnya (isian
#                                                 yang diminta tertulis di bawah pertanyaannya)
#     A.II.6.i.b: {{persen: 80}}                    atau langsung persennya (0 sampai 100)
#   Kriteria setiap pilihan: zi-docs lke show ID
#
# Baris "lke" harus sama dengan katalog di unit.yaml.

lke: {catalogue}
"""


def blank_answers(catalogue: Catalogue, *, unit: str, year: int) -> str:
    """The text of a blank answers file for ``catalogue``."""
    lines = [
        _HEADER.format(unit=unit, year=year, title=catalogue.title, catalogue=catalogue.id),
        "jawaban:",
    ]
    hasil: list[str] = []
    for heading, questions in _sections(catalogue):
        target = hasil if questions[0].part == "hasil" else lines
        target.append(f"  # --- {heading} ---")
        for node in questions:
            target.extend(_question_lines(catalogue, node))
        target.append("")
    if hasil:
        lines.append("hasil:")
        lines.extend(hasil)
    return "\n".join(lines).rstrip() + "\n"


def _sections(catalogue: Catalogue) -> Iterator[tuple[str, list[Node]]]:
    """Questions grouped by area (pengungkit) or by component (hasil), in catalogue order."""
    for root in catalogue.roots:
        groups = [n for n in root.walk() if n.level == "area"] or [root]
        for group in groups:
            questions = group.questions()
            if not questions:
                continue
            part = catalogue.ancestor_at(group, "bagian")
            prefix = f"{part.name} · " if part is not None and part is not group else ""
            weight = f", bobot {group.weight:g}" if group.weight is not None else ""
            yield f"{prefix}{group.name} ({group.id}{weight})", questions


def _question_lines(catalogue: Catalogue, node: Node) -> list[str]:
    alias = catalogue.short_alias(node)
    label = f"{alias}: " if alias and alias != node.id else ""
    text = " ".join(node.name.split())
    wrapped = textwrap.wrap(f"{label}{text}", width=86) or [""]
    choices = catalogue.options(node.answer_type) if node.answer_type else []
    lines = [f"  {node.id}:  # {wrapped[0]}"]
    lines.extend(f"  #   {more}" for more in wrapped[1:])
    if node.inputs:
        lines.append("  #   isian: " + ", ".join(i.key for i in node.inputs))
    elif choices:
        lines.append("  #   pilihan: " + "/".join(choices))
    elif node.answer_type and node.answer_type.startswith("INDEKS"):
        lines.append("  #   indeks survei 0-4, mis. 3,65")
    return lines
