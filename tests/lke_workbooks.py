"""Build filled LKE workbooks the way real ones look (for the import tests and the bench).

``LkeSheet`` writes one KemenPANRB-style sheet from the catalogue: hierarchy markers in their
own columns or as a text prefix, optional evidence columns, one or more column groups, Nilai
as typed numbers or as formulas (with or without the value Excel would have cached), plus
the messes of real files: edited question text, hidden rows, merged cells, a typo in Pilihan
Jawaban, a hand-typed total, a summary sheet with other weights.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from zi_docs.assessment.answers import parse_answers
from zi_docs.assessment.scoring import score_answers
from zi_docs.catalogue import Catalogue, Node
from zi_docs.errors import InvalidInputError
from zi_docs.yamlio import YamlDoc


@dataclass
class LkeSheet:
    catalogue: Catalogue
    groups: list[tuple[str, Mapping[str, Any]]]
    """(title, answers in the lke.yaml ``jawaban``+``hasil`` form keyed by id)."""
    markers: str = "columns"
    """``columns`` (A | I | 1 | i | a in their own columns) or ``prefix`` ("a. text")."""
    bare_letters: bool = False
    """Questions marked ``a`` instead of ``a.``."""
    dash_unlettered: bool = True
    evidence: bool = False
    group_titles_row: bool = False
    """Group titles in a merged row above the header instead of in the header."""
    values: str = "typed"
    """Nilai as ``typed`` numbers, ``formula`` (cached values patched in) or ``nocache``."""
    text_edits: dict[str, str] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)
    merge_text: bool = False
    choice_typos: dict[str, str] = field(default_factory=dict)
    node_overrides: dict[str, float] = field(default_factory=dict)
    """Node id -> a hand-typed Nilai (instead of the formula/true value)."""
    skip_in_formula: dict[str, str] = field(default_factory=dict)
    """Node id -> child id its SUM formula leaves out."""
    total_row: float | None = None
    """A hand-typed TOTAL row value (``None``: none)."""
    summary_weights: dict[str, float] | None = None
    title: str = "LEMBAR KERJA EVALUASI ZONA INTEGRITAS"
    omit: set[str] = field(default_factory=set)
    """Rows left out (ids)."""
    extra_after: dict[str, str] = field(default_factory=dict)
    """Question id -> the text of a stray row written after it (marker ``z.``)."""

    def save(self, path: Path) -> Path:
        book = Workbook()
        sheet = book.active
        sheet.title = "LKE"
        cached: dict[str, Any] = {}
        self._write(sheet, cached)
        if self.summary_weights is not None:
            self._summary(book.create_sheet("Rekap"))
        book.save(path)
        if self.values == "formula" and cached:
            _patch_cached(path, "xl/worksheets/sheet1.xml", cached)
        return path

    # ---- layout ---------------------------------------------------------------------------
    def _columns(self) -> tuple[int, list[dict[str, int]]]:
        hier = 6 if self.markers == "columns" else 1
        column = hier + 1
        self.shared = {"bobot": column, "penjelasan": column + 1, "pilihan": column + 2}
        column += 3
        groups = []
        for index, _ in enumerate(self.groups):
            names = ["jawaban", "nilai", "persen", "catatan"]
            if self.evidence and index == 0:
                names += ["bukti", "tautan"]
            groups.append({n: column + i for i, n in enumerate(names)})
            column += len(names)
        return hier, groups

    def _write(self, sheet: Any, cached: dict[str, Any]) -> None:
        hier, groups = self._columns()
        self.hier, self.group_cols = hier, groups
        sheet.append([self.title])
        header_row = 3 if self.group_titles_row else 2
        if self.group_titles_row:
            for (title, _), cols in zip(self.groups, groups, strict=True):
                first, last = min(cols.values()), max(cols.values())
                sheet.cell(2, first, title)
                sheet.merge_cells(start_row=2, start_column=first, end_row=2, end_column=last)
        head = {1: "Penilaian"} if hier == 1 else {1: "No", 6: "Penilaian"}
        head.update({self.shared["bobot"]: "Bobot", self.shared["penjelasan"]: "Penjelasan"})
        head[self.shared["pilihan"]] = "Pilihan Jawaban"
        for index, ((title, _), cols) in enumerate(zip(self.groups, groups, strict=True)):
            suffix = "" if self.group_titles_row or index == 0 else f" {title}"
            names = {"jawaban": "Jawaban", "nilai": "Nilai", "persen": "%", "catatan": "Catatan"}
            names |= {"bukti": "Daftar Bukti Dukung", "tautan": "Tautan Bukti Dukung"}
            for role, column in cols.items():
                head[column] = names[role] + suffix
            if index == 0 and not self.group_titles_row and title != "Unit":
                head[cols["jawaban"]] = f"Jawaban {title}"
        for column, text in head.items():
            sheet.cell(header_row, column, text)
        self.scores = [self._score(a) for _, a in self.groups]
        self.row_of: dict[str, int] = {}
        self.row = header_row
        for root in self.catalogue.roots:
            self._node(sheet, root, cached)
        if self.total_row is not None:
            self.row += 1
            sheet.cell(self.row, hier, "TOTAL")
            sheet.cell(self.row, groups[0]["nilai"], self.total_row)

    def _score(self, answers: Mapping[str, Any]) -> Any:
        """The true score of a group (of nothing, for a group holding invalid answers)."""
        try:
            parsed = parse_answers(YamlDoc(_split(answers, self.catalogue), "t"), self.catalogue)
        except InvalidInputError:
            parsed = parse_answers(YamlDoc({"lke": self.catalogue.id}, "t"), self.catalogue)
        return score_answers(self.catalogue, parsed)

    def _label_cells(self, sheet: Any, node: Node, marker: str, text: str) -> None:
        level = ("komponen", "bagian", "area", "sub", "pertanyaan").index(node.level)
        if node.level == "sub" and node.part == "hasil":
            level = 1
        if self.markers == "columns":
            if marker:
                sheet.cell(self.row, level + 1, marker)
            if self.merge_text and node.level in ("area", "sub"):
                sheet.cell(self.row, level + 2, text)
                sheet.merge_cells(
                    start_row=self.row, start_column=level + 2, end_row=self.row, end_column=6
                )
            else:
                sheet.cell(self.row, 6, text)
        else:
            sheet.cell(self.row, 1, f"{marker} {text}" if marker else text)

    def _node(self, sheet: Any, node: Node, cached: dict[str, Any]) -> None:
        if node.id in self.omit:
            return
        self.row += 1
        row = self.row
        self.row_of[node.id] = row
        text = self.text_edits.get(node.id, node.name)
        if node.is_question:
            label = node.official_label if node.official_label is not None else node.number
            marker = "-" if label == "-" and self.dash_unlettered else label
            if marker == "-" and not self.dash_unlettered:
                marker = ""
            if marker not in ("", "-") and not self.bare_letters:
                marker += "."
        else:
            marker = f"{node.number}."
        self._label_cells(sheet, node, marker, text)
        if node.id in self.hidden:
            sheet.row_dimensions[row].hidden = True
        if node.weight is not None:
            sheet.cell(row, self.shared["bobot"], node.weight)
        if node.is_question:
            sheet.cell(row, self.shared["penjelasan"], node.explanation)
            choices = {"YT": "Ya/Tidak", "ABC": "A/B/C", "ABCD": "A/B/C/D", "ABCDE": "A/B/C/D/E"}
            choice = self.choice_typos.get(node.id, choices.get(node.answer_type or "", ""))
            sheet.cell(row, self.shared["pilihan"], choice or None)
            self._answers(sheet, node, row)
            if node.id in self.extra_after:
                self.row += 1
                if self.markers == "columns":
                    sheet.cell(self.row, 5, "z.")
                    sheet.cell(self.row, 6, self.extra_after[node.id])
                else:
                    sheet.cell(self.row, 1, f"z. {self.extra_after[node.id]}")
            return
        for child in node.children:
            self._node(sheet, child, cached)
        for (_, _a), cols, score in zip(self.groups, self.group_cols, self.scores, strict=True):
            value = score.node(node.id).value
            cell = sheet.cell(row, cols["nilai"])
            if node.id in self.node_overrides:
                cell.value = self.node_overrides[node.id]
            elif self.values == "typed":
                cell.value = round(value, 2)
            else:
                kids = [c for c in node.children if c.id in self.row_of]
                skip = self.skip_in_formula.get(node.id)
                kids = [c for c in kids if c.id != skip]
                letter = get_column_letter(cols["nilai"])
                refs = ",".join(f"{letter}{self.row_of[c.id]}" for c in kids)
                cell.value = f"=SUM({refs})"
                shown = value
                if skip:
                    shown = value - score.node_values.get(skip, 0.0)
                cached[cell.coordinate] = shown

    def _answers(self, sheet: Any, node: Node, row: int) -> None:
        for (_, answers), cols, score in zip(
            self.groups, self.group_cols, self.scores, strict=True
        ):
            raw = answers.get(node.id)
            q = score.question(node.id)
            content = raw if isinstance(raw, dict) else {"jawaban": raw}
            if content.get("jawaban") is not None:
                sheet.cell(row, cols["jawaban"], content["jawaban"])
            if content.get("indeks") is not None:
                sheet.cell(row, cols["jawaban"], content["indeks"])
            if content.get("persen") is not None:
                cell = sheet.cell(row, cols["jawaban"], content["persen"] / 100)
                cell.number_format = "0%"
            if content.get("catatan"):
                sheet.cell(row, cols["catatan"], content["catatan"])
            if "bukti" in cols and content.get("bukti"):
                names = [b for b in content["bukti"] if not b.startswith("http")]
                links = [b for b in content["bukti"] if b.startswith("http")]
                sheet.cell(row, cols["bukti"], "\n".join(names) or None)
                sheet.cell(row, cols["tautan"], "\n".join(links) or None)
            if q.answered:
                sheet.cell(row, cols["nilai"], round(q.value, 2))
        if node.answer_type == "PERSEN":
            for count in node.inputs:
                self.row += 1
                self._count_row(sheet, node, count.key, count.label)

    def _count_row(self, sheet: Any, node: Node, key: str, label: str) -> None:
        if self.markers == "columns":
            sheet.cell(self.row, 5, "-")
            sheet.cell(self.row, 6, label)
        else:
            sheet.cell(self.row, 1, f"- {label}")
        for (_, answers), cols in zip(self.groups, self.group_cols, strict=True):
            raw = answers.get(node.id)
            if isinstance(raw, dict) and "input" in raw and key in raw["input"]:
                sheet.cell(self.row, cols["jawaban"], raw["input"][key])

    def _summary(self, sheet: Any) -> None:
        sheet.append(["REKAPITULASI"])
        sheet.append(["Area", "Bobot", "Nilai"])
        score = self.scores[0]
        for area in score.areas:
            weight = (self.summary_weights or {}).get(area.code, area.weight)
            value = area.value if weight == area.weight else area.share * weight
            sheet.append([area.name, weight, round(value, 2)])


def _split(answers: Mapping[str, Any], catalogue: Catalogue) -> dict[str, Any]:
    jawaban = {k: v for k, v in answers.items() if catalogue.node(k).part != "hasil"}
    hasil = {k: v for k, v in answers.items() if catalogue.node(k).part == "hasil"}
    return {"lke": catalogue.id, "jawaban": jawaban, "hasil": hasil}


def _patch_cached(path: Path, part: str, cached: Mapping[str, Any]) -> None:
    """Insert the values Excel would have cached after each formula (openpyxl writes none)."""
    with zipfile.ZipFile(path) as archive:
        items = {name: archive.read(name) for name in archive.namelist()}
    xml = items[part].decode("utf-8")

    def fill(match: re.Match[str]) -> str:
        ref = match.group(1)
        if ref not in cached:
            return match.group(0)
        return f'<c r="{ref}"{match.group(2)}><f>{match.group(3)}</f><v>{cached[ref]!r}</v></c>'

    xml = re.sub(r'<c r="([A-Z]+\d+)"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>', fill, xml)
    items[part] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items.items():
            archive.writestr(name, data)


def example_answers(catalogue: Catalogue) -> dict[str, Any]:
    """Answers of the bundled example workspace, flattened to id -> raw value."""
    from zi_docs.workspace import EXAMPLE_DIR
    from zi_docs.yamlio import load_yaml

    data = load_yaml(EXAMPLE_DIR / "lke.yaml").data
    flat: dict[str, Any] = {}
    for section in ("jawaban", "hasil"):
        for key, value in (data.get(section) or {}).items():
            if value is not None:
                flat[catalogue.resolve(str(key)).id] = value
    return flat
