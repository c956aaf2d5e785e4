"""``zi-docs score``: the self-assessment score, the WBK/WBBM verdict and where to improve."""

from __future__ import annotations

import textwrap
from pathlib import Path

import click

from zi_docs import assessment
from zi_docs.angka import angka
from zi_docs.cli._base import ZiCommand, emit_json, shown, workspace_option
from zi_docs.workspace import Workspace

_PARTS = ("pemenuhan", "reform")


@click.command(cls=ZiCommand)
@click.argument("berkas", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON lengkap untuk skrip.")
@click.option(
    "--xlsx",
    "xlsx",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tulis juga kertas kerja LKE (.xlsx) dengan kolom resmi ke berkas ini.",
)
@click.option(
    "--predikat",
    default=None,
    metavar="WBK|WBBM",
    help="Predikat acuan analisis celah (bawaan: target_predikat di unit.yaml).",
)
@click.option(
    "--celah",
    "gap_count",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="Jumlah celah terbesar yang ditampilkan.",
)
@click.option(
    "--lapis",
    default=None,
    metavar="NAMA",
    help="Nilai lapis evaluasi NAMA (lapis/NAMA.yaml, jawaban terakhir setiap butir), "
    "bukan jawaban unit.",
)
@workspace_option
def score(
    workspace: Workspace,
    berkas: Path | None,
    lapis: str | None,
    as_json: bool,
    xlsx: Path | None,
    predikat: str | None,
    gap_count: int,
) -> None:
    """Hitung nilai penilaian mandiri LKE terhadap ambang WBK/WBBM.

    BERKAS adalah berkas jawaban (bawaan: lke.yaml di ruang kerja). Nilai dihitung seperti
    kertas kerja resmi: opsi A-D = 1/0,67/0,33/0, sub-komponen = bobot x rata-rata nilai
    pertanyaan, persentase dibatasi 0-100%, indeks survei dibagi 4. Syarat nilai per area
    diperiksa dengan dua tafsir: gabungan (Pemenuhan + Reform) dan terpisah.

    Celah: perbaikan satu tingkat pilihan (butir persentase ke 100%, indeks survei +0,10,
    butir yang belum dijawab ke jawaban terbaik), diurutkan menurut tambahan nilai total.
    Jawaban yang tidak sah dilaporkan sekaligus dengan nomor barisnya (kode keluar 1).
    """
    if lapis is not None and berkas is not None:
        raise click.UsageError("BERKAS tidak dapat dipakai bersama --lapis")
    if lapis is not None:
        from zi_docs.evaluation import load_layer

        layer = load_layer(workspace, lapis)
        report = assessment.score_answer_set(
            workspace, layer.answer_set(), predicate=predikat, layer=lapis
        )
    else:
        report = assessment.score_workspace(workspace, berkas, predicate=predikat)
    if xlsx is not None:
        from zi_docs.evaluation import answers_fingerprint, evaluator_groups

        written = assessment.write_workbook(
            report,
            xlsx,
            layers=evaluator_groups(workspace, without=lapis),
            fingerprint=answers_fingerprint(workspace, report.answers_file),
        )
        click.echo(f"Kertas kerja LKE ditulis ke {shown(workspace, written)}", err=as_json)
    if as_json:
        emit_json(assessment.report_to_dict(report))
        return
    for warning in report.warnings:
        click.secho(f"Peringatan: {warning}", fg="yellow", err=True)
    _print_table(report)
    for verdict in report.verdicts:
        _print_verdict(report, verdict)
    _print_gaps(report, gap_count)
    _print_unanswered(report)


def _pair(value: float, weight: float) -> str:
    share = value / weight * 100 if weight else 0.0
    return f"{angka(value):>6} /{angka(weight):>6} {angka(share):>6}%"


def _print_table(report: assessment.ScoreReport) -> None:
    score = report.score
    answered = len(score.questions) - len(score.unanswered)
    title = f"Penilaian LKE lapis '{report.layer}'" if report.layer else "Penilaian mandiri LKE"
    click.secho(f"{title} · {report.unit_name} ({report.year})", bold=True)
    click.echo(
        f"Katalog {report.catalogue.id} · jawaban {report.answers_file} · "
        f"{answered} dari {len(score.questions)} butir dijawab"
    )
    click.echo("")
    head = f"{'Area perubahan':<38}" + "".join(
        f"{h:<23}" for h in ("Pemenuhan", "Reform", "Gabungan")
    )
    click.secho(head.rstrip(), bold=True)
    for area in score.areas:
        parts = {p.part: p for p in area.parts}
        cells = [_pair(parts[k].value, parts[k].weight) if k in parts else "" for k in _PARTS]
        name = textwrap.shorten(area.name, 32, placeholder="…")
        line = f"{area.code:<5}{name:<33}" + "".join(f"{c:<23}" for c in cells)
        click.echo(line + _pair(area.value, area.weight))
    click.echo("")
    for node in score.nodes:
        if node.depth > 1:
            continue
        label = textwrap.shorten(node.name, 38, placeholder="…")
        label = label.upper() if node.depth == 0 else "  " + label.capitalize()
        text = f"{label:<38}{_pair(node.value, node.weight)}"
        click.secho(text, bold=node.depth == 0)
    click.secho(f"{'TOTAL':<38}{_pair(score.total, score.max_total)}", bold=True)


def _print_verdict(report: assessment.ScoreReport, verdict: assessment.Verdict) -> None:
    states = "; ".join(
        f"{'memenuhi' if ok else 'TIDAK memenuhi'} menurut tafsir {reading}"
        for reading, ok in verdict.passed_by_reading.items()
    )
    click.echo("")
    click.secho(
        f"{verdict.name}: {states}",
        bold=True,
        fg="green"
        if verdict.passed
        else ("yellow" if any(verdict.passed_by_reading.values()) else "red"),
    )
    rules = {r.code: r for r in report.catalogue.predicate(verdict.code).rules}
    done: set[tuple[str, str | None]] = set()
    for result in verdict.rules:
        if result.reading is None:
            value, minimum = angka(result.value), angka(result.minimum)
            label = result.description + (" (indeks)" if result.unit == "indeks" else "")
            relation = "≥" if result.passed else "<"
            _rule_line(result.passed, label, f"{value:>6} {relation} {minimum}")
            continue
        if (result.code, result.reading) in done:
            continue
        done.add((result.code, result.reading))
        group = [r for r in verdict.rules if (r.code, r.reading) == (result.code, result.reading)]
        failed = [r for r in group if not r.passed]
        percent = rules[result.code].min_percent or 0.0
        label = f"Setiap area ≥ {angka(percent, 0)}% bobot (tafsir {result.reading})"
        detail = (
            "; ".join(
                f"{assessment.subject_label(r.subject)} {angka(r.value)} < {angka(r.minimum)}"
                for r in failed
            )
            if failed
            else f"semua {len(group)} nilai memenuhi"
        )
        _rule_line(not failed, label, detail)
    if verdict.prerequisite:
        click.echo(f"  Prasyarat (tidak diperiksa zi-docs): {verdict.prerequisite}")


def _rule_line(passed: bool, label: str, detail: str) -> None:
    mark = click.style("[lulus]", fg="green") if passed else click.style("[GAGAL]", fg="red")
    head = f"  {mark} {textwrap.shorten(label, 48, placeholder='…'):<49}"
    width = len(click.unstyle(head))
    lines = textwrap.wrap(detail, max(40, 100 - width)) or [""]
    click.echo(head + ("\n" + " " * width).join(lines))


def _print_gaps(report: assessment.ScoreReport, count: int) -> None:
    if count == 0 or not report.gaps:
        return
    click.echo("")
    click.secho(
        f"Celah terbesar (acuan {report.target}; tambahan nilai total bila diperbaiki):", bold=True
    )
    for rank, gap in enumerate(report.gaps[:count], start=1):
        text = textwrap.shorten(gap.text, 40, placeholder="…")
        change = f"{gap.current.replace('.', ',')} → {gap.target.replace('.', ',')}"
        click.echo(f"{rank:>3}. {gap.alias:<13}{text:<41}{change:<16}+{angka(gap.points)}")
        for effect in gap.helps:
            subject = (
                f"area {assessment.subject_label(effect.subject)} (tafsir {effect.reading})"
                if effect.reading
                else effect.code
            )
            state = "menjadi terpenuhi" if effect.fixed else "belum cukup"
            click.echo(
                f"       membantu {effect.predicate} {subject}: {angka(effect.before)} → "
                f"{angka(effect.after)}, minimum {angka(effect.minimum)}, {state}"
            )
    if len(report.gaps) > count:
        click.echo(f"     … dan {len(report.gaps) - count} lainnya (lihat --celah N atau --json)")


def _print_unanswered(report: assessment.ScoreReport) -> None:
    missing = report.score.unanswered
    if not missing:
        return
    click.echo("")
    click.secho(f"Belum dijawab ({len(missing)} butir, dihitung nol):", bold=True)
    for question_id in missing:
        question = report.score.question(question_id)
        text = textwrap.shorten(question.text, 60, placeholder="…")
        click.echo(f"  {question.id:<14}{question.alias:<13}{text}")


COMMANDS: list[click.Command] = [score]
