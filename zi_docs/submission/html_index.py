"""``index.html`` of the evaluator bundle: one self-contained page (inline CSS and JS, no
external asset) showing the LKE tree with answers, values, notes and relative links to every
evidence file, and the score and completeness summary. Opens from disk in any browser."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from zi_docs.angka import angka
from zi_docs.catalogue import Catalogue, Node
from zi_docs.submission.completeness import Completeness, IndicatorStatus
from zi_docs.submission.gates import SYMBOL, Gates
from zi_docs.submission.rollup import Light, Rollup

_CSS = """
body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
header{background:#0b3d91;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:22px}
header p{margin:2px 0;font-size:14px}main{padding:16px 24px}
section{background:#fff;border:1px solid #d8dbe0;border-radius:6px;padding:12px 16px;
margin:0 0 16px}
h2{font-size:18px;margin:4px 0 10px}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid #d8dbe0;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef1f6}td.n{text-align:right;white-space:nowrap}
.nilai{display:flex;gap:16px;flex-wrap:wrap}.kotak{border:1px solid #d8dbe0;border-radius:6px;
padding:8px 14px;min-width:120px}.kotak b{display:block;font-size:22px}
.hijau{background:#d7f5dd}.kuning{background:#fff3c4}.merah{background:#fbd5d5}
.lampu{display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:4px;
vertical-align:middle}.lampu.hijau{background:#1e9e3e}.lampu.kuning{background:#e0a800}
.lampu.merah{background:#d11}details{margin:2px 0 2px 14px}summary{cursor:pointer;padding:3px 0}
summary.t1{font-weight:bold;font-size:15px}summary.t2{font-weight:bold}
ul.bukti{margin:0;padding-left:16px}.alat{margin:0 0 10px}#cari{padding:4px;width:260px}
.ok{color:#1e7a34}.kurang{color:#b00}tr.tersembunyi{display:none}
"""
_JS = """
function semua(b){document.querySelectorAll('#pohon-lke details').forEach(function(d){d.open=b;});}
function saring(){var q=document.getElementById('cari').value.toLowerCase();
var k=document.getElementById('kurang').checked;
document.querySelectorAll('#pohon-lke tr.soal').forEach(function(r){
var cocok=r.textContent.toLowerCase().indexOf(q)>=0&&(!k||r.dataset.lengkap==='tidak');
r.classList.toggle('tersembunyi',!cocok);});}
"""


@dataclass(frozen=True)
class IndexPage:
    """What the page shows."""

    title: str
    unit_lines: tuple[str, ...]
    scores: tuple[tuple[str, str], ...]
    """(label, value) boxes: pengungkit, hasil, total, verdict."""
    catalogue: Catalogue
    completeness: Completeness
    rollup: Rollup
    gates: Gates | None
    links: Mapping[str, Sequence[tuple[str, str, str | None]]]
    """Question id -> (relative path, label, item key) of each evidence file."""
    workbook: str | None
    generated: str


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def href(path: str) -> str:
    """A relative URL for a bag path (every segment percent-encoded, UTF-8)."""
    return "/".join(quote(part, safe="") for part in path.split("/"))


def _pct(value: float) -> str:
    return f"{value:.0f}%"


def render_index(page: IndexPage) -> str:
    parts = [
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{_e(page.title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{_e(page.title)}</h1>",
        *(f"<p>{_e(line)}</p>" for line in page.unit_lines),
        "</header><main>",
        _summary(page),
        _areas(page),
    ]
    if page.gates is not None:
        parts.append(_gates(page.gates))
    parts.append(_tree(page))
    parts.append(f"<script>{_JS}</script></main></body></html>\n")
    return "".join(parts)


def _summary(page: IndexPage) -> str:
    boxes = "".join(f"<div class='kotak'>{_e(k)}<b>{_e(v)}</b></div>" for k, v in page.scores)
    total = len(page.completeness.indicators)
    complete = page.completeness.complete_count
    workbook = (
        f"<p>Kertas kerja penilaian mandiri: <a href='{href(page.workbook)}'>"
        f"{_e(page.workbook.rsplit('/', 1)[-1])}</a></p>"
        if page.workbook
        else ""
    )
    return (
        "<section id='ringkasan'><h2>Ringkasan nilai dan kelengkapan</h2>"
        f"<div class='nilai'>{boxes}<div class='kotak'>Pertanyaan lengkap<b>{complete} / "
        f"{total}</b></div></div>{workbook}<p>Dibuat {_e(page.generated)}.</p></section>"
    )


def _light(light: Light) -> str:
    return f"<span class='lampu {light.value}'></span>{light.value}"


def _areas(page: IndexPage) -> str:
    rows = []
    for group in page.rollup.groups:
        if group.level not in ("area-gabungan", "bagian"):
            continue
        rows.append(
            f"<tr class='{group.light.value}'><td>{_e(group.name)}</td>"
            f"<td class='n'>{angka(group.value)} / {angka(group.weight)}</td>"
            f"<td class='n'>{_pct(100 * group.share)}</td>"
            f"<td class='n'>{_pct(100 * group.minimum)}</td>"
            f"<td class='n'>{_pct(group.items_percent)}</td>"
            f"<td class='n'>{_pct(group.evidence_percent)}</td>"
            f"<td class='n'>{group.complete_questions} / {group.questions}</td>"
            f"<td>{_light(group.light)}</td></tr>"
        )
    return (
        "<section id='kelengkapan'><h2>Kelengkapan per area (predikat "
        f"{_e(page.rollup.predicate)})</h2><table><tr><th>Area / bagian</th><th>Nilai</th>"
        "<th>% bobot</th><th>Minimum</th><th>Butir data dukung</th><th>Pertanyaan berbukti</th>"
        "<th>Pertanyaan lengkap</th><th>Status</th></tr>" + "".join(rows) + "</table></section>"
    )


def _gates(gates: Gates) -> str:
    rows = "".join(
        f"<tr><td>{SYMBOL[g.state]}</td><td>{_e(g.description)}</td><td>{_e(g.required)}</td>"
        f"<td>{_e(g.actual or '-')}</td><td>{_e(g.state.value)}</td></tr>"
        for g in gates.results
    )
    return (
        "<section id='prasyarat'><h2>Prasyarat pengajuan</h2><p>Batas pengajuan "
        f"{gates.deadline:%d-%m-%Y} ({gates.days_left} hari lagi).</p><table><tr><th></th>"
        "<th>Prasyarat</th><th>Syarat</th><th>Unit</th><th>Status</th></tr>"
        f"{rows}</table></section>"
    )


def _tree(page: IndexPage) -> str:
    status = {s.id: s for s in page.completeness.indicators}
    body = "".join(_node(page, root, status, 1) for root in page.catalogue.roots)
    return (
        "<section id='pohon-lke'><h2>Lembar Kerja Evaluasi dan data dukung</h2>"
        "<div class='alat'><button onclick='semua(true)'>Buka semua</button> "
        "<button onclick='semua(false)'>Tutup semua</button> "
        "<input id='cari' placeholder='Cari pertanyaan atau berkas…' oninput='saring()'> "
        "<label><input type='checkbox' id='kurang' onchange='saring()'> hanya yang belum "
        f"lengkap</label></div>{body}</section>"
    )


def _node(page: IndexPage, node: Node, status: Mapping[str, IndicatorStatus], depth: int) -> str:
    label = f"{node.number or node.id}. {node.name}"
    questions = [c for c in node.children if c.is_question]
    inner = "".join(_node(page, c, status, depth + 1) for c in node.children if not c.is_question)
    if questions:
        inner += _question_table(page, questions, status)
    opened = " open" if depth <= 2 else ""
    return (
        f"<details{opened} data-id='{_e(node.id)}'><summary class='t{min(depth, 3)}'>"
        f"{_e(label)}</summary>{inner}</details>"
    )


def _question_table(
    page: IndexPage, questions: list[Node], status: Mapping[str, IndicatorStatus]
) -> str:
    rows = []
    for node in questions:
        s = status[node.id]
        links = "".join(
            f"<li><a class='bukti' href='{href(path)}'>{_e(label)}</a>"
            + (f" <small>[{_e(item)}]</small>" if item else "")
            + "</li>"
            for path, label, item in page.links.get(node.id, ())
        )
        missing = "".join(
            f"<li class='kurang'>belum ada: {_e(i.description)}</li>" for i in s.required_missing
        )
        state = "<span class='ok'>lengkap</span>" if s.complete else "<span class='kurang'>belum"
        state += "" if s.complete else " lengkap</span>"
        rows.append(
            f"<tr class='soal' data-lengkap='{'ya' if s.complete else 'tidak'}' "
            f"id='q-{_e(node.id)}'><td>{_e(node.id)}</td><td>{_e(node.name)}</td>"
            f"<td>{_e(s.answer or '–')}</td><td class='n'>{angka(s.value)}</td>"
            f"<td>{_e(s.note or '')}</td><td><ul class='bukti'>{links}{missing}</ul></td>"
            f"<td>{state}</td></tr>"
        )
    return (
        "<table><tr><th>Id</th><th>Pertanyaan</th><th>Jawaban</th><th>Nilai</th>"
        "<th>Catatan</th><th>Data dukung</th><th>Status</th></tr>" + "".join(rows) + "</table>"
    )
