"""Plain-data views of catalogue nodes, for JSON output and display."""

from __future__ import annotations

from typing import Any

from zi_docs.catalogue.model import Catalogue, Node


def node_summary(catalogue: Catalogue, node: Node) -> dict[str, Any]:
    """One line's worth of a node."""
    return {
        "id": node.id,
        "alias": catalogue.short_alias(node),
        "tingkat": node.level,
        "bagian": node.part,
        "area": node.area,
        "bobot": node.weight,
        "jenis": node.answer_type,
        "teks": node.name,
    }


def question_details(catalogue: Catalogue, node: Node) -> dict[str, Any]:
    """Everything about a node that ``lke show`` prints."""
    parent = catalogue.parent(node)
    details: dict[str, Any] = {
        **node_summary(catalogue, node),
        "jalur": [f"{a.id} {a.name}" for a in catalogue.ancestors(node)],
        "bobot_induk": parent.weight if parent and node.is_question else None,
    }
    if node.is_question:
        details.update(
            {
                "label_resmi": node.official_label,
                "kode_bps": node.kode_bps,
                "kriteria": dict(node.criteria),
                "nilai_opsi": dict(catalogue.option_values.get(node.answer_type or "", {})),
                "penjelasan": node.explanation,
                "catatan": node.note,
                "isian": [{"key": i.key, "label": i.label} for i in node.inputs],
                "rumus": node.formula.text if node.formula else None,
                "data_dukung": [
                    {
                        "key": c.key,
                        "uraian": c.description,
                        "wajib": c.required,
                        "generator": c.generator,
                    }
                    for c in node.checklist
                ],
            }
        )
        if node.weight is None and parent is not None and parent.weight is not None:
            details["bobot"] = parent.weight / len(parent.children)
    else:
        details["anak"] = [{"id": c.id, "nama": c.name} for c in node.children]
    return details
