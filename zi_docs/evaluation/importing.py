"""``lke impor``: a workbook into the workspace's ``lke.yaml`` or into a layer as a new round.

Everything is read, matched, validated and scored before anything is written; the file is
then replaced atomically. An ``lke.yaml`` that already answers questions is kept unless
``overwrite`` is given. The workbook is read before that rule is applied, so a file that is
not a usable workbook is reported (together with the refusal) rather than hidden behind it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zi_docs.errors import InvalidInputError, WorkspaceError, ZiError
from zi_docs.evaluation.answers_file import answers_text, refuse_overwrite, write_answers
from zi_docs.evaluation.bundles import SentBundle, find_bundle
from zi_docs.evaluation.layer_edits import add_round
from zi_docs.evaluation.layers import check_name
from zi_docs.evaluation.sheet_import import SheetImport, import_workbook
from zi_docs.evaluation.workbook_groups import answers_fingerprint
from zi_docs.findings import Finding
from zi_docs.workspace import Workspace


@dataclass(frozen=True)
class ImportOutcome:
    """What ``lke impor`` did."""

    result: SheetImport
    written: Path
    shown: str
    """``written`` as the user reads it."""
    layer: str | None = None
    round: int | None = None
    same_answers: bool | None = None
    """For a workbook written by zi-docs: whether the unit's ``lke.yaml`` is still what the
    workbook (``score --xlsx``) or its bundle (``export``) was made from (``False``: the
    answers changed since it was handed out)."""
    bundle: SentBundle | None = None
    """The exported bundle the workbook belongs to, when its fingerprint is recorded."""
    other_bundle: bool = False
    """The workbook carries a bundle fingerprint this workspace never recorded: it belongs to
    another bundle (another unit or year, or one exported before bundles were recorded)."""


def import_into(
    workspace: Workspace,
    path: Path,
    *,
    column: str | None = None,
    layer: str | None = None,
    output: Path | None = None,
    overwrite: bool = False,
    today: dt.date,
    evaluator: str | None = None,
) -> ImportOutcome:
    """Import ``path``; see the module docstring."""
    if layer is not None:
        check_name(layer)
    target = output or workspace.answers_file
    refused: WorkspaceError | None = None
    if layer is None:
        try:
            refuse_overwrite(target, workspace.display(target), overwrite)
        except WorkspaceError as err:
            refused = err
    try:  # the workbook first, so a bad file is named even when nothing may be written anyway
        result = import_workbook(
            path, workspace.catalogue, display=workspace.display(path), column=column, layer=layer
        )
    except ZiError as err:
        if refused is None:
            raise
        raise _both(err, refused, workspace.display(target)) from err
    if refused is not None:
        raise refused
    source = f"{path.name} (lembar '{result.sheet}', kolom '{result.group}')"
    same, bundle = None, None
    current = answers_fingerprint(workspace, workspace.display(workspace.answers_file))
    if result.fingerprint and result.fingerprint_of == "jawaban":
        same = current.endswith(result.fingerprint)
    elif result.fingerprint and result.fingerprint_of == "bundel":
        bundle = find_bundle(workspace, result.fingerprint)
        same = current.endswith(bundle.answers) if bundle else None
    other = bool(result.fingerprint and result.fingerprint_of == "bundel" and bundle is None)
    if layer is None:
        written = write_answers(target, answers_text(result.data, source, today))
        return ImportOutcome(
            result, written, workspace.display(written), None, None, same, bundle, other
        )
    stored = add_round(
        workspace,
        layer,
        result.data,
        date=today,
        evaluator=evaluator or result.group,
        source=source,
        fingerprint=result.fingerprint,
    )
    number = stored.last.number if stored.last else 1
    return ImportOutcome(result, stored.path, stored.file, layer, number, same, bundle, other)


def _both(bad: ZiError, refused: WorkspaceError, target: str) -> InvalidInputError:
    """One error naming both problems: the workbook cannot be imported, and the answers file
    would not be replaced either."""
    findings = list(bad.findings) if isinstance(bad, InvalidInputError) else []
    findings.append(
        Finding(
            f"{refused.message} (juga setelah kertas kerja diperbaiki)",
            code="jawaban-tidak-ditimpa",
        )
    )
    hints = [bad.hint] if bad.hint else []
    if refused.hint:
        hints.append(f"untuk {target}: {refused.hint}")
    return InvalidInputError(bad.message, findings, hint="; ".join(hints))


def outcome_to_dict(outcome: ImportOutcome) -> dict[str, Any]:
    """JSON view of an import (field names in Indonesian, like the other commands)."""
    result = outcome.result
    score = result.score
    return {
        "berkas": result.file,
        "lembar": result.sheet,
        "kolom": result.group,
        "kelompok_kolom": list(result.groups),
        "ditulis": outcome.shown,
        "lapis": outcome.layer,
        "putaran": outcome.round,
        "sidik": result.fingerprint,
        "sidik_sama_dengan_lke_yaml": outcome.same_answers,
        "bundel": (
            {"nama": outcome.bundle.name, "tanggal": outcome.bundle.date.isoformat()}
            if outcome.bundle
            else None
        ),
        "bundel_lain": outcome.other_bundle,
        "terjawab": result.answered,
        "jumlah_pertanyaan": len(score.questions),
        "nilai": {"pengungkit": score.pengungkit, "hasil": score.hasil, "total": score.total},
        "tidak_cocok": [
            {"baris": r.row, "penanda": r.marker, "teks": r.text} for r in result.unmatched
        ],
        "hanya_teks": [
            {
                "baris": r.row,
                "id": r.node.id if r.node else None,
                "cara": r.how,
                "kemiripan": round(r.similarity, 3),
                "teks": r.text,
            }
            for r in result.text_only
        ],
        "perbedaan": [
            {
                "id": d.id,
                "letak": d.where,
                "nilai_lembar": d.sheet_value,
                "nilai_zi_docs": d.value,
                "sebab": d.cause,
            }
            for d in result.differences
        ],
        "catatan": [str(n) for n in result.notes],
    }
