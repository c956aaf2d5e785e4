"""The tindak lanjut register (``tindak-lanjut.yaml``): what the unit must follow up, by whom,
by when, and the archive evidence that closes it.

::

    skema: zi-docs-tindak-lanjut/1
    butir:
      - kode: TL-001
        uraian: Tetapkan mekanisme seleksi anggota Tim Kerja
        sumber: catatan          # catatan | rekomendasi | monev | survei (data/tindak-lanjut.yaml)
        asal: "lapis tpi-unit putaran 1"                    # optional
        indikator: A.I.1.i.b                                # optional
        pemilik: Pokja Manajemen Perubahan
        batas_waktu: 2026-04-30
        status: terbuka          # terbuka | dalam-proses | selesai
        bukti: ["12"]            # archive refs that close it (archive show REF)
        ditutup: 2026-04-20

``register_findings`` gives ``check`` its findings (overdue, open, closed without evidence);
``suggest_mp_iii_c`` proposes the answer to P.MP.iii.c from the register, with its reasoning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.findings import Finding, Severity
from zi_docs.outputs import write_text_atomic
from zi_docs.resources import FOLLOW_UP, resource
from zi_docs.schema import Choice, Date, Field, ListOf, Record, Text, validate
from zi_docs.workspace import Workspace
from zi_docs.yamlio import YamlDoc, dump_yaml, load_yaml, parse_yaml

SETTINGS = resource(FOLLOW_UP)
MP_III_C = "A.I.1.iii.c"
_HEADER = (
    "# Register tindak lanjut: catatan/rekomendasi penilai, hasil monev dan survei yang harus\n"
    "# ditindaklanjuti. Ditulis oleh zi-docs (tindak-lanjut tambah/ubah/tutup); boleh\n"
    "# disunting.\n\n"
)


@cache
def settings() -> Mapping[str, Any]:
    """Statuses, source kinds and the P.MP.iii.c thresholds (``data/tindak-lanjut.yaml``)."""
    data: Mapping[str, Any] = load_yaml(SETTINGS).data
    return data


def _schema() -> Record:
    conf = settings()
    item = Record(
        Field("kode", Text(max_len=20)),
        Field("uraian", Text(max_len=1000)),
        Field("sumber", Choice(list(conf["sumber"]))),
        Field("asal", Text(), required=False),
        Field("indikator", Text(), required=False),
        Field("pemilik", Text(), help="Pokja atau area penanggung jawab"),
        Field("batas_waktu", Date()),
        Field("status", Choice(list(conf["status"]))),
        Field("bukti", ListOf(Text()), required=False, default=[]),
        Field("ditutup", Date(), required=False),
        Field("keterangan", Text(), required=False),
    )
    return Record(
        Field("skema", Text(), required=False),
        Field("butir", ListOf(item), required=False, default=[]),
    )


@dataclass(frozen=True)
class FollowUp:
    code: str
    text: str
    source: str
    origin: str | None
    indicator: str | None
    owner: str
    due: dt.date
    status: str
    evidence: tuple[str, ...]
    closed: dt.date | None
    remark: str | None

    @property
    def done(self) -> bool:
        return self.status == str(settings()["status_selesai"])

    def overdue(self, today: dt.date) -> bool:
        return not self.done and self.due < today


@dataclass(frozen=True)
class Register:
    file: str
    items: tuple[FollowUp, ...]
    raw: dict[str, Any]


def load_register(workspace: Workspace) -> Register:
    path = workspace.followup_file
    shown = workspace.display(path)
    if not path.is_file():
        return Register(shown, (), {"skema": "zi-docs-tindak-lanjut/1", "butir": []})
    return _parse(load_yaml(path, display=shown), workspace)


def _parse(doc: YamlDoc, workspace: Workspace) -> Register:
    data = validate(doc, _schema())
    problems: list[Finding] = []
    codes: set[str] = set()
    items = []
    for index, raw in enumerate(data.get("butir") or []):
        if raw["kode"] in codes:
            problems.append(doc.finding(("butir", index, "kode"), f"kode {raw['kode']} ganda"))
        codes.add(raw["kode"])
        indicator = raw.get("indikator")
        if indicator:
            try:
                indicator = workspace.catalogue.resolve(indicator).id
            except NotFoundError as err:
                problems.append(doc.finding(("butir", index, "indikator"), err.message))
        items.append(
            FollowUp(
                raw["kode"],
                raw["uraian"],
                raw["sumber"],
                raw.get("asal"),
                indicator,
                raw["pemilik"],
                raw["batas_waktu"],
                raw["status"],
                tuple(raw.get("bukti") or ()),
                raw.get("ditutup"),
                raw.get("keterangan"),
            )
        )
    if problems:
        raise InvalidInputError(f"{doc.file} memuat {len(problems)} masalah", problems)
    raw_data = doc.data if isinstance(doc.data, dict) else {}
    return Register(doc.file, tuple(items), dict(raw_data))


def _save(workspace: Workspace, register: Register, entries: list[dict[str, Any]]) -> Register:
    raw = {**register.raw, "butir": entries}
    text = _HEADER + dump_yaml(raw)
    checked = _parse(parse_yaml(text, register.file), workspace)
    write_text_atomic(workspace.followup_file, text)
    return checked


def _entries(register: Register) -> list[dict[str, Any]]:
    return [dict(e) for e in register.raw.get("butir") or []]


def add_items(workspace: Workspace, new: Sequence[Mapping[str, Any]]) -> list[str]:
    """Append items (``uraian``, ``sumber``, ``pemilik``, ``batas_waktu`` and optional
    fields); each gets the next ``TL-NNN`` code. Returns the codes."""
    register = load_register(workspace)
    entries = _entries(register)
    taken = [int(i.code[3:]) for i in register.items if i.code[3:].isdigit()]
    number = max(taken, default=0)
    codes = []
    for item in new:
        number += 1
        code = f"TL-{number:03d}"
        entry = {"kode": code, **{k: v for k, v in item.items() if v not in (None, "", [])}}
        entry.setdefault("status", settings()["status_awal"])
        entries.append(entry)
        codes.append(code)
    _save(workspace, register, entries)
    return codes


def update_item(
    workspace: Workspace, code: str, changes: Mapping[str, Any], *, today: dt.date
) -> FollowUp:
    """Change fields of one item; closing (status selesai) needs evidence and sets ``ditutup``."""
    register = load_register(workspace)
    entries = _entries(register)
    found = next((e for e in entries if str(e.get("kode")).casefold() == code.casefold()), None)
    if found is None:
        raise NotFoundError(
            f"butir tindak lanjut '{code}' tidak ada di {register.file}",
            suggestions=[i.code for i in register.items],
        )
    found.update({k: v for k, v in changes.items() if v not in (None, [])})
    if found.get("status") == settings()["status_selesai"]:
        if not found.get("bukti"):
            raise InvalidInputError(
                f"butir {found['kode']} belum dapat ditutup",
                [
                    Finding(
                        "sebutkan bukti penutupnya dari arsip: --bukti REF (lihat zi-docs "
                        "archive list)",
                        field="--bukti",
                        code="tindak-lanjut-tanpa-bukti",
                    )
                ],
            )
        found.setdefault("ditutup", today)
    saved = _save(workspace, register, entries)
    return next(i for i in saved.items if i.code == found["kode"])


def register_findings(
    register: Register, today: dt.date, known_refs: Collection[str] | None = None
) -> list[Finding]:
    """Overdue items (warning), open items (info), closed items whose evidence is missing."""
    found = []
    for index, item in enumerate(register.items):
        place = f"butir[{index + 1}] {item.code}"
        if item.overdue(today):
            found.append(
                Finding(
                    f"tindak lanjut {item.code} ({item.owner}) lewat batas waktu "
                    f"{item.due.isoformat()}: {item.text}",
                    Severity.WARNING,
                    file=register.file,
                    field=place,
                    code="tindak-lanjut-terlambat",
                )
            )
        elif not item.done:
            found.append(
                Finding(
                    f"tindak lanjut {item.code} masih {item.status} (batas "
                    f"{item.due.isoformat()}, {item.owner}): {item.text}",
                    Severity.INFO,
                    file=register.file,
                    field=place,
                    code="tindak-lanjut-terbuka",
                )
            )
        missing = [r for r in item.evidence if known_refs is not None and r not in known_refs]
        if item.done and missing:
            found.append(
                Finding(
                    f"bukti penutup {', '.join(missing)} untuk {item.code} tidak ada di arsip",
                    Severity.WARNING,
                    file=register.file,
                    field=place,
                    code="tindak-lanjut-bukti-hilang",
                )
            )
    return found


@dataclass(frozen=True)
class Suggestion:
    indicator: str
    option: str | None
    """``None`` when the register has nothing to judge by."""
    reasoning: str
    counted: int
    closed: int


def suggest_mp_iii_c(register: Register) -> Suggestion:
    """P.MP.iii.c (hasil monev ditindaklanjuti) from the share of closed items whose source is
    an internal monitoring or evaluation (not surveys). Only a suggestion: never written."""
    conf = settings()["saran_p_mp_iii_c"]
    counted = [i for i in register.items if i.source in conf["sumber"]]
    closed = [i for i in counted if i.done]
    if not counted:
        return Suggestion(
            MP_III_C,
            None,
            "register belum memuat butir dari monev atau catatan "
            "penilai internal; belum ada dasar untuk menyarankan jawaban",
            0,
            0,
        )
    share = len(closed) / len(counted) * 100
    option = next(rule["jawaban"] for rule in conf["aturan"] if share >= float(rule["min_persen"]))
    reasoning = (
        f"{len(closed)} dari {len(counted)} butir tindak lanjut hasil monev/catatan penilai "
        f"internal sudah selesai ({share:.0f}%). Menurut kriteria {MP_III_C}: "
        f"{conf['uraian'][option]}, maka jawaban yang disarankan {option}."
    )
    return Suggestion(MP_III_C, option, reasoning, len(counted), len(closed))
