"""Evaluation layers: ``lapis/NAMA.yaml``, the evaluators' answers in dated rounds.

One file per layer (``tpi-unit``, ``inspektorat``)::

    skema: zi-docs-lapis/1
    lapis: tpi-unit
    lke: permenpanrb-90-2021
    putaran:
      - nomor: 1
        tanggal: 2026-03-10
        penilai: Tim TPI Inspektorat
        sumber: tpi.xlsx (lembar LKE, kolom TPI)     # optional
        sidik: sha256:...                             # the workbook's fingerprint, optional
        jawaban: {A.I.1.i.b: {jawaban: C, catatan: "..."}}   # the lke.yaml answer format
        hasil: {B.I.a: 3.5}
        tanggapan: {A.I.1.i.b: "SK mekanisme seleksi sudah terbit"}   # the unit's replies

A later round overrides the answers it gives; what a layer scores is the latest answer of
every question (:meth:`Layer.answer_set`). Each round's answers go through the same
validation as ``lke.yaml``, with the layer file's own line numbers.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from zi_docs.assessment import Answer, AnswerSet, parse_answers
from zi_docs.catalogue import Catalogue
from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.findings import Finding
from zi_docs.workspace import PREVIOUS_YEAR_LAYER, Workspace
from zi_docs.yamlio import PathKey, YamlDoc, read_yaml_shared

SCHEMA = "zi-docs-lapis/1"
NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


@dataclass(frozen=True)
class Round:
    """One dated round of a layer."""

    number: int
    date: dt.date
    evaluator: str
    source: str | None
    fingerprint: str | None
    answers: AnswerSet
    responses: Mapping[str, str] = field(default_factory=dict)
    """Question id -> the unit's tanggapan to this round's note."""


@dataclass(frozen=True)
class Layer:
    """A loaded layer."""

    name: str
    path: Path
    file: str
    rounds: tuple[Round, ...]
    raw: dict[str, Any]
    """The file's data, kept to be written back."""

    @property
    def last(self) -> Round | None:
        return self.rounds[-1] if self.rounds else None

    def answer_set(self, upto: int | None = None) -> AnswerSet:
        """The latest answer (and note) of every question, over rounds ``1..upto``."""
        merged: dict[str, Answer] = {}
        catalogue_id = ""
        for round_ in self.rounds:
            if upto is not None and round_.number > upto:
                break
            catalogue_id = round_.answers.catalogue_id
            for qid, answer in round_.answers.answers.items():
                before = merged.get(qid)
                if before is not None and not answer.answered:
                    answer = replace(before, note=answer.note or before.note)
                elif before is not None and answer.note is None:
                    answer = replace(answer, note=before.note)
                merged[qid] = answer
        return AnswerSet(file=self.file, catalogue_id=catalogue_id, answers=merged)

    def notes(self, question_id: str) -> list[tuple[Round, str, str | None]]:
        """(round, note, tanggapan) of every round that noted ``question_id``."""
        found = []
        for round_ in self.rounds:
            answer = round_.answers.get(question_id)
            if answer is not None and answer.note:
                found.append((round_, answer.note, round_.responses.get(question_id)))
        return found


def check_name(name: str) -> str:
    if not NAME.match(name):
        raise InvalidInputError(
            f"nama lapis '{name}' tidak sah",
            [
                Finding(
                    "pakai huruf kecil, angka dan tanda hubung saja, paling banyak 40 karakter "
                    "(misalnya tpi-unit, inspektorat)",
                    field="--lapis",
                    code="lapis-nama",
                )
            ],
        )
    return name


def layer_path(workspace: Workspace, name: str) -> Path:
    return workspace.layers_dir / f"{check_name(name)}.yaml"


def layer_names(workspace: Workspace) -> list[str]:
    folder = workspace.layers_dir
    if not folder.is_dir():
        return []
    return sorted(
        p.stem
        for p in folder.glob("*.yaml")
        if NAME.match(p.stem) and p.name != PREVIOUS_YEAR_LAYER  # init --dari's reference
    )


def load_layer(workspace: Workspace, name: str, *, missing_ok: bool = False) -> Layer:
    """Read and validate ``lapis/NAME.yaml``; every problem is reported at once."""
    path = layer_path(workspace, name)
    shown = workspace.display(path)
    if not path.is_file():
        if missing_ok:
            raw = {"skema": SCHEMA, "lapis": name, "lke": workspace.catalogue.id, "putaran": []}
            return Layer(name, path, shown, (), raw)
        raise NotFoundError(
            f"lapis '{name}' belum ada ({shown} tidak ditemukan)",
            suggestions=layer_names(workspace),
            hint="buat dengan: zi-docs lke impor BERKAS.xlsx --lapis NAMA, atau zi-docs "
            "lapis catat NAMA INDIKATOR ...",
        )
    # the shared parse (pages read the same layer again and again), its data copied: the
    # layer keeps it as ``raw``, which the edits start from (a copy takes a twentieth of a parse)
    shared = read_yaml_shared(path, display=shown)
    doc = replace(shared, data=copy.deepcopy(shared.data))
    return parse_layer(doc, name, path, workspace.catalogue)


def parse_layer(doc: YamlDoc, name: str, path: Path, catalogue: Catalogue) -> Layer:
    problems: list[Finding] = []
    data = doc.data if isinstance(doc.data, dict) else None
    if data is None:
        raise InvalidInputError(
            f"{doc.file} bukan berkas lapis",
            [doc.finding((), "isinya harus pemetaan dengan 'lapis', 'lke' dan 'putaran'")],
        )
    if data.get("lke") not in (None, catalogue.id):
        problems.append(
            doc.finding(
                ("lke",),
                f"lapis ditulis untuk katalog '{data.get('lke')}', ruang kerja memakai "
                f"'{catalogue.id}'",
                code="lapis-katalog",
            )
        )
    rounds_raw = data.get("putaran") or []
    if not isinstance(rounds_raw, list):
        problems.append(
            doc.finding(("putaran",), "'putaran' harus berupa daftar", code="lapis-bentuk")
        )
        rounds_raw = []
    rounds: list[Round] = []
    for index, raw in enumerate(rounds_raw):
        found = _round(doc, index, raw, catalogue, problems)
        if found is not None:
            rounds.append(found)
    numbers = [r.number for r in rounds]
    if numbers != sorted(set(numbers)):
        problems.append(
            doc.finding(
                ("putaran",),
                "nomor putaran harus urut naik dan tidak berulang",
                code="lapis-urutan",
            )
        )
    if problems:
        raise InvalidInputError(
            f"{doc.file} memuat {len(problems)} masalah", problems, hint="perbaiki lalu ulangi"
        )
    return Layer(name, path, doc.file, tuple(rounds), data)


def _round(
    doc: YamlDoc, index: int, raw: Any, catalogue: Catalogue, problems: list[Finding]
) -> Round | None:
    base: PathKey = ("putaran", index)
    if not isinstance(raw, dict):
        problems.append(
            doc.finding(base, "setiap putaran harus berupa pemetaan", code="lapis-bentuk")
        )
        return None
    number, date, evaluator = raw.get("nomor"), raw.get("tanggal"), raw.get("penilai")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        problems.append(
            doc.finding(
                (*base, "nomor"), "nomor putaran harus bilangan bulat ≥ 1", code="lapis-putaran"
            )
        )
    if not isinstance(date, dt.date):
        problems.append(
            doc.finding(
                (*base, "tanggal"),
                "tanggal putaran harus berbentuk TTTT-BB-HH",
                code="lapis-tanggal",
            )
        )
    if not isinstance(evaluator, str) or not evaluator.strip():
        problems.append(
            doc.finding((*base, "penilai"), "nama penilai belum diisi", code="lapis-penilai")
        )
    sub = {
        key[2:]: line
        for key, line in doc.lines.items()
        if key[:2] == base and len(key) > 2 and key[2] in ("jawaban", "hasil")
    }
    part = YamlDoc(
        data={"lke": catalogue.id, "jawaban": raw.get("jawaban"), "hasil": raw.get("hasil")},
        file=doc.file,
        lines=sub,
    )
    try:
        answers = parse_answers(part, catalogue)
    except InvalidInputError as exc:
        problems.extend(
            replace(f, field=f"putaran[{index + 1}].{f.field}" if f.field else None)
            for f in exc.findings
        )
        return None
    responses: dict[str, str] = {}
    for key, text in (raw.get("tanggapan") or {}).items():
        try:
            qid = catalogue.resolve(str(key)).id
        except NotFoundError:
            problems.append(
                doc.finding(
                    (*base, "tanggapan", str(key)),
                    f"indikator '{key}' tidak ada",
                    code="lapis-tanggapan",
                )
            )
            continue
        responses[qid] = " ".join(str(text).split())
    if problems:
        return None
    return Round(
        number=int(number),  # type: ignore[arg-type]
        date=date,  # type: ignore[arg-type]
        evaluator=str(evaluator).strip(),
        source=raw.get("sumber"),
        fingerprint=raw.get("sidik"),
        answers=answers,
        responses=responses,
    )
