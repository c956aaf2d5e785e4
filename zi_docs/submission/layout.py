"""Where each evidence file goes in the evaluator bundle: the LKE tree as evaluators know it.

``data/A. PENGUNGKIT/I. PEMENUHAN/1. Manajemen Perubahan/i. Penyusunan Tim Kerja/
A.I.1.i.a <judul>.pdf``, the Reform branch beside Pemenuhan, hasil under ``B. HASIL``. A file
tagged to several indicators appears under each. Files not tagged to a catalogue question are
left out (``check`` reports them). Names follow :mod:`zi_docs.submission.names`.
"""

from __future__ import annotations

from dataclasses import dataclass

from zi_docs.catalogue import Catalogue, Node
from zi_docs.evidence import EvidenceFile
from zi_docs.submission.completeness import Completeness
from zi_docs.submission.names import MAX_RELATIVE, NameAllocator

PAYLOAD = "data"
WORKBOOK_NAME = "Penilaian Mandiri LKE.xlsx"


@dataclass(frozen=True)
class PayloadEntry:
    """One evidence file at one place in the bundle."""

    path: str
    """Relative to the bag root, ``/``-separated, starting with ``data/``."""
    file: EvidenceFile
    indicator: str
    """The question id this copy sits under."""


def folder_label(node: Node) -> str:
    """``A. PENGUNGKIT``, ``I. PEMENUHAN``, ``1. Manajemen Perubahan``, ``i. Penyusunan ...``."""
    number = node.number or node.id.rsplit(".", 1)[-1]
    return f"{number}. {node.name}"


def question_folders(catalogue: Catalogue, node: Node) -> list[str]:
    return [PAYLOAD, *(folder_label(a) for a in catalogue.ancestors(node))]


def plan_payload(
    catalogue: Catalogue,
    completeness: Completeness,
    max_relative: int = MAX_RELATIVE,
) -> tuple[PayloadEntry, ...]:
    """Every (file, indicator) placement, in catalogue order, with unique portable paths."""
    names = NameAllocator(max_relative)
    names.reserve(f"{PAYLOAD}/{WORKBOOK_NAME}")
    entries: list[PayloadEntry] = []
    for status in completeness.indicators:
        if not status.files:
            continue
        node = catalogue.node(status.id)
        folders = question_folders(catalogue, node)
        for ref in status.files:
            file = completeness.files[ref]
            title = file.title or file.stem
            path = names.file_path(folders, node.id, title, file.extension)
            entries.append(PayloadEntry(path=path, file=file, indicator=node.id))
    return tuple(entries)
