"""Plain-text rendering of survey results for ``zi-docs survei`` (tables, problems, advice)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import click

from zi_docs import surveys
from zi_docs.angka import angka

PER_KIND = 20
"""Problems printed per kind; the rest are counted (all are in ``--json``)."""


def dec(value: Fraction | None, places: int) -> str:
    return "-" if value is None else angka(surveys.half_up(value, places), places)


def _name(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def echo_unsur(group: surveys.IkmGroup) -> None:
    click.echo(f"  {'Unsur':<42} {'n':>6} {'NRR':>7} {'x bobot':>8} {'Konversi':>9} Mutu Peringkat")
    for u in group.unsur:
        click.echo(
            f"  {_name(u.code + ' ' + u.name, 42):<42} {u.answered:>6} {dec(u.nrr, 4):>7} "
            f"{dec(u.weighted, 4):>8} {angka(u.converted) if u.converted else '-':>9} "
            f"{u.band.mutu if u.band else '-':^4} {u.rank or '-':>9}"
        )


def ikm_line(group: surveys.IkmGroup) -> str:
    if group.ikm is None or group.band is None:
        return f"IKM tidak dapat dihitung: unsur {', '.join(group.missing)} tanpa jawaban sah"
    return (
        f"IKM {angka(group.rounded)} — mutu {group.band.mutu} ({group.band.kinerja}); "
        f"{group.respondents} responden"
    )


def echo_groups(title: str, groups: Sequence[surveys.IkmGroup]) -> None:
    if not groups:
        return
    click.echo(f"\n{title}:")
    for g in groups:
        click.echo(f"  {_name(g.label, 40):<40} {ikm_line(g)}")


def echo_ikm(result: surveys.IkmResult) -> None:
    weight = result.weight
    click.echo(f"Indeks Kepuasan Masyarakat — {result.file}")
    click.echo(f"Dasar: {result.scale.legal_basis}")
    click.echo(f"Bobot: {weight.name} ({weight.shown}; {weight.description})")
    if result.left_out_unsur:
        click.echo(f"Unsur tidak dipakai menurut definisi: {', '.join(result.left_out_unsur)}")
    click.echo(f"Responden: {result.overall.respondents} (baris data dibaca: {result.rows})\n")
    echo_unsur(result.overall)
    click.echo("")
    if result.overall.ikm is not None:
        ikm = result.overall.ikm
        click.echo(
            f"{ikm_line(result.overall)}\n  nilai tepat {float(ikm):.10f}; jumlah NRR tertimbang "
            f"{dec(result.overall.index, 6)} x {result.scale.base}"
        )
        ipkp = surveys.ipkp_from_ikm(ikm)
        click.echo(f"  IPKP bila diambil dari IKM (IKM ÷ 25): {dec(ipkp, 4)}")
        source = (
            f"IKM {angka(result.overall.rounded)} / 25 = {dec(ipkp, 4)} (SKM {result.file}, "
            f"{result.overall.respondents} responden, bobot {weight.name})"
        )
        click.echo(
            "  Bila unit memilih IPKP dari SKM, tulis di lke.yaml bagian hasil:\n"
            f'    B.II.a: {{indeks: {surveys.half_up(ipkp, 2)}, sumber: "{source}"}}'
        )
    else:
        click.secho(ikm_line(result.overall), fg="red")
    echo_groups("Per jenis layanan", result.services)
    echo_groups(f"Per {result.period_kind}", result.periods)
    for table in result.profile:
        click.echo(f"\nProfil responden — {table.title} (kolom '{_name(table.column, 40)}'):")
        for row in table.rows:
            click.echo(f"  {_name(row.value, 40):<40} {row.count:>6} {dec(row.share * 100, 2):>7}%")
    if result.quadrants:
        click.echo("\nKuadran kepentingan-kinerja:")
        for q in result.quadrants:
            click.echo(
                f"  {q.code} kinerja {dec(q.performance, 4)}, kepentingan {dec(q.importance, 4)}"
                f": kuadran {q.quadrant} ({q.quadrant_name})"
            )
    if result.sample is not None:
        s = result.sample
        state = "cukup" if s.enough else f"kurang {s.shortfall} responden"
        click.echo(
            f"\nSampel: populasi {s.population} -> minimal {s.required} responden (tabel baris "
            f"populasi {s.table_row}; {s.source}); ada {s.respondents}: {state}"
        )
    if result.usable:
        lowest = ", ".join(f"{u.code} {u.name} ({dec(u.nrr, 4)})" for u in result.overall.lowest())
        click.echo(f"\nUnsur terendah (dasar rencana tindak lanjut): {lowest}")


def echo_problems(problems: Sequence[surveys.DataProblem], counts: dict[str, int]) -> None:
    total = sum(counts.values())
    if not total:
        click.echo("\nMasalah data: tidak ada; semua jawaban dihitung.")
        return
    click.secho(f"\nMasalah data: {total} sel/baris tidak dihitung", fg="yellow", err=True)
    for kind, what in surveys.PROBLEM_KINDS.items():
        click.echo(f"  {what}: {counts[kind]}", err=True)
    for kind, what in surveys.PROBLEM_KINDS.items():
        mine = [p for p in problems if p.kind == kind]
        if not mine:
            continue
        click.echo(f"{what.capitalize()}:", err=True)
        for problem in mine[:PER_KIND]:
            click.echo(f"  - {problem.message()}", err=True)
        if len(mine) > PER_KIND:
            click.echo(f"  … dan {len(mine) - PER_KIND} lainnya (lengkapnya: --json)", err=True)


def echo_internal(result: surveys.InternalResult) -> None:
    spec = result.instrument
    click.echo(f"{spec.name} ({spec.key.upper()}) -> {spec.index_name} — {result.file}")
    click.echo(f"Skala instrumen: {result.low}-{result.high}")
    click.echo(f"Metode konversi ke 0-4: {result.method.name} ({result.method.description})")
    click.echo(f"Responden: {result.respondents} (baris data dibaca: {result.rows})\n")
    click.echo(f"  {'Aspek':<42} {'n':>6} {'Rata-rata':>9} {'Indeks 0-4':>10}")
    for a in result.aspects:
        click.echo(
            f"  {_name(a.code + ' ' + a.name, 42):<42} {a.answered:>6} {dec(a.mean, 4):>9} "
            f"{dec(a.index, 4):>10}"
        )
    click.echo("")
    if result.index is None:
        click.secho(
            f"{spec.index_name} tidak dapat dihitung: ada aspek tanpa jawaban sah", fg="red"
        )
        return
    click.echo(
        f"{spec.index_name} {dec(result.index, 2)} (rata-rata mentah {dec(result.mean, 4)} pada "
        f"skala {result.low}-{result.high}, metode {result.method.name}, n = {result.respondents})"
    )
    if result.too_few:
        click.secho(
            f"Peringatan: hanya {result.respondents} responden; survei TPN memerlukan paling "
            f"sedikit {result.minimum_respondents}",
            fg="yellow",
            err=True,
        )
    source = (
        f"{spec.key.upper()} internal {result.file}, n={result.respondents}, skala "
        f"{result.low}-{result.high}, metode {result.method.name}"
    )
    click.echo(
        "\nUntuk dipakai di penilaian mandiri, tulis di lke.yaml bagian hasil:\n"
        f'  {spec.indicator}: {{indeks: {surveys.half_up(result.index, 2)}, sumber: "{source}"}}'
    )


def echo_suggestions(suggestions: Sequence[surveys.Suggestion]) -> None:
    click.echo(
        "Saran jawaban LKE dari survei (tidak ditulis otomatis; salin ke lke.yaml bila setuju):"
    )
    for s in suggestions:
        now = s.current or "belum dijawab"
        answer = s.answer or "tidak dapat disarankan"
        mark = " (berbeda dengan jawaban sekarang)" if s.differs else ""
        click.echo(f"\n{s.alias} ({s.question}) {s.text}")
        click.echo(f"  saran: {answer}; jawaban sekarang: {now}{mark}")
        for reason in s.reasons:
            click.echo(f"  - {reason}")
