"""``zi-docs export``: the evaluator bundle as a BagIt bag (optionally one ``.zip``).

Layout of the bag::

    bagit.txt  bag-info.txt  manifest-sha256.txt  tagmanifest-sha256.txt
    index.html                              <- opens offline: LKE tree, answers, links, summary
    data/Penilaian Mandiri LKE.xlsx         <- the LKE worksheet, evidence listed in Catatan
    data/A. PENGUNGKIT/I. PEMENUHAN/1. Manajemen Perubahan/i. Penyusunan Tim Kerja/A.I.1.i.a ...

Payload files are copies (a reflink where the file system offers one, so they cost little
space), so editing a file in the bag never changes the archived evidence; ``link=True`` makes
hard links to the archive's read-only objects instead. The manifest reuses the catalogue's
SHA-256 when the stored object still has its recorded size.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from zi_docs import __version__
from zi_docs.angka import angka
from zi_docs.errors import WorkspaceError
from zi_docs.evidence import hash_file
from zi_docs.findings import Finding, Severity
from zi_docs.outputs import output_folder
from zi_docs.processes import pid_alive
from zi_docs.submission.bag import Placed, place_file, write_bag_files, zip_bag
from zi_docs.submission.check import CheckResult, run_check
from zi_docs.submission.html_index import IndexPage, render_index
from zi_docs.submission.layout import PAYLOAD, WORKBOOK_NAME, PayloadEntry, plan_payload
from zi_docs.workspace import Workspace

INDEX = "index.html"


@dataclass(frozen=True)
class ExportResult:
    """What ``export`` wrote."""

    folder: Path | None
    """The bag folder (``None`` when only the zip was kept)."""
    zip: Path | None
    placements: int
    """Evidence files placed (a file under three indicators counts three times)."""
    unique_files: int
    payload_bytes: int
    linked: int
    reused_digests: int
    hashed: int
    problems: tuple[Finding, ...]
    """Evidence that could not be placed (stored object missing)."""
    check: CheckResult


def export_bundle(
    workspace: Workspace,
    out: Path,
    *,
    now: dt.datetime,
    link: bool = False,
    make_zip: bool = False,
    keep_folder: bool = True,
) -> ExportResult:
    """Write the bundle to ``out`` (a new folder); with ``make_zip`` also ``out.zip``."""
    out = out.expanduser().resolve()
    zip_path = out if out.suffix.lower() == ".zip" else out.with_name(out.name + ".zip")
    folder = out.with_suffix("") if out.suffix.lower() == ".zip" else out
    _refuse_archive(workspace, [folder, zip_path])
    for target in (folder if keep_folder or not make_zip else None, zip_path if make_zip else None):
        if target is not None and target.exists() and (target.is_file() or any(target.iterdir())):
            raise WorkspaceError(
                f"{target} sudah ada; bundel tidak menimpa berkas yang ada",
                hint="pilih nama lain atau hapus dulu bundel lama",
            )
    output_folder(folder.parent)
    _clean_leftovers(folder.parent, folder.name)
    check = run_check(workspace, now.date())
    entries = plan_payload(check.report.catalogue, check.completeness)
    build = (
        Path(tempfile.mkdtemp(prefix=f".{folder.name}.{os.getpid()}.", dir=folder.parent))
        / folder.name
    )
    build.mkdir()
    try:
        placed, problems = _place_all(build, entries, link)
        links: dict[str, list[tuple[str, str, str | None]]] = {}
        kept = {p.path for p in placed}
        for entry in entries:
            if entry.path in kept:
                item = _item_of(entry)
                links.setdefault(entry.indicator, []).append((entry.path, entry.file.label, item))
        workbook, sidik = _workbook(workspace, check, build, links, placed)
        placed.append(workbook)
        (build / INDEX).write_text(
            render_index(_page(workspace, check, links, workbook.path, now)), encoding="utf-8"
        )
        write_bag_files(build, placed, _bag_info(workspace, check, now), [INDEX])
        zip_file = zip_bag(build, zip_path) if make_zip else None
        final: Path | None = None
        if keep_folder or not make_zip:
            if folder.exists():
                folder.rmdir()
            os.replace(build, folder)
            final = folder
    finally:
        shutil.rmtree(build.parent, ignore_errors=True)
    _record(workspace, sidik, (final or zip_path).name, now.date())
    evidence = [p for p in placed if p.path != workbook.path]
    return ExportResult(
        folder=final,
        zip=zip_file,
        placements=len(evidence),
        unique_files=len({e.file.sha256 for e in entries if e.path in kept}),
        payload_bytes=sum(p.size for p in placed),
        linked=sum(p.linked for p in evidence),
        reused_digests=sum(p.reused_digest for p in evidence),
        hashed=sum(not p.reused_digest for p in evidence),
        problems=tuple(problems),
        check=check,
    )


def _refuse_archive(workspace: Workspace, targets: list[Path]) -> None:
    """A bundle written into ``archive/`` would sit among (or replace) the stored evidence."""
    archive = workspace.archive_dir.resolve()
    for target in targets:
        if target.resolve().is_relative_to(archive):
            raise WorkspaceError(
                f"{target} berada di dalam folder arsip {workspace.display(archive)}; bundel "
                "tidak ditulis ke sana agar arsip tidak rusak",
                hint="pilih folder keluaran lain, misalnya out/bundel",
            )


def _clean_leftovers(parent: Path, name: str) -> None:
    """Remove what a killed export left (``.NAME.PID.*`` build folders, ``.NAME.zip.PID.tmp``)."""
    for leftover in parent.glob(f".{name}.*"):
        parts = leftover.name[len(name) + 2 :].split(".")
        pid = next((p for p in parts if p.isdigit()), None)
        if pid is None or pid_alive(int(pid)):
            continue
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _item_of(entry: PayloadEntry) -> str | None:
    items = [t.item for t in entry.file.tags if t.indicator == entry.indicator and t.item]
    return ", ".join(items) if items else None


def _place_all(
    build: Path, entries: tuple[PayloadEntry, ...], link: bool
) -> tuple[list[Placed], list[Finding]]:
    placed: list[Placed] = []
    problems: list[Finding] = []
    for entry in entries:
        source = entry.file.path
        if not source.is_file():
            problems.append(
                Finding(
                    f"berkas '{entry.file.label}' tidak ada di penyimpanan arsip; tidak "
                    "dimasukkan ke bundel. Jalankan 'zi-docs archive verify'",
                    Severity.ERROR,
                    file=entry.file.name,
                    field=entry.indicator,
                    code="berkas-hilang",
                )
            )
            continue
        placed.append(
            place_file(
                source,
                build,
                entry.path,
                sha256=entry.file.sha256,
                size=entry.file.size,
                link=link,
            )
        )
    return placed, problems


def _workbook(
    workspace: Workspace,
    check: CheckResult,
    build: Path,
    links: dict[str, list[tuple[str, str, str | None]]],
    placed: list[Placed],
) -> tuple[Placed, str]:
    """The layered LKE worksheet: each question's evidence in Daftar Bukti Dukung, one empty
    column group per evaluator layer, and the bundle's fingerprint (evidence + answers)."""
    from zi_docs.assessment import write_workbook
    from zi_docs.evaluation import evaluator_groups, fingerprint

    relative = f"{PAYLOAD}/{WORKBOOK_NAME}"
    evidence = {
        qid: [path.split("/", 1)[1] for path, _label, _item in items]
        for qid, items in links.items()
    }
    answers = check.report.answers_file
    answers_path = workspace.root / answers
    parts = [f"{p.sha256} {p.path}".encode() for p in sorted(placed, key=lambda p: p.path)]
    parts.append(answers_path.read_bytes() if answers_path.is_file() else b"")
    written = write_workbook(
        check.report,
        build / relative,
        layers=evaluator_groups(workspace),
        evidence=evidence,
        fingerprint=(sidik := fingerprint("bundel", parts)),
    )
    digest, size = hash_file(written)
    return Placed(relative, digest, size, linked=False, reused_digest=False), sidik


def _record(workspace: Workspace, sidik: str, name: str, day: dt.date) -> None:
    """Note the bundle in ``bundel-terkirim.yaml`` so a returned workbook is recognised."""
    from zi_docs.evaluation import answers_fingerprint, record_bundle

    answers = answers_fingerprint(workspace, workspace.display(workspace.answers_file))
    record_bundle(workspace, fingerprint=sidik, answers=answers, name=name, date=day)


def _scores(check: CheckResult) -> tuple[tuple[str, str], ...]:
    report = check.report
    verdict = report.verdict(report.target)
    return (
        ("Pengungkit", angka(report.pengungkit)),
        ("Hasil", angka(report.hasil)),
        ("Total", angka(report.total)),
        (verdict.name, _verdict_text(verdict.passed_by_reading)),
    )


def _verdict_text(by_reading: Mapping[str, bool]) -> str:
    """``memenuhi``/``belum memenuhi``, naming the reading when the two readings disagree."""
    if all(by_reading.values()):
        return "memenuhi"
    if not any(by_reading.values()):
        return "belum memenuhi"
    return "; ".join(
        f"{'memenuhi' if ok else 'belum memenuhi'} (tafsir {reading})"
        for reading, ok in by_reading.items()
    )


def _page(
    workspace: Workspace,
    check: CheckResult,
    links: dict[str, list[tuple[str, str, str | None]]],
    workbook: str,
    now: dt.datetime,
) -> IndexPage:
    profile = workspace.profile
    catalogue = check.report.catalogue
    return IndexPage(
        title=f"Data Dukung Zona Integritas — {profile.unit_name}",
        unit_lines=(
            str(profile.data["instansi"]),
            f"Tahun penilaian {profile.year} · target {profile.target} · katalog "
            f"{catalogue.id} versi {catalogue.version}",
        ),
        scores=_scores(check),
        catalogue=catalogue,
        completeness=check.completeness,
        rollup=check.rollup,
        gates=check.gates,
        links=links,
        workbook=workbook,
        generated=f"{now:%d-%m-%Y %H:%M} dengan zi-docs {__version__}",
    )


def _bag_info(workspace: Workspace, check: CheckResult, now: dt.datetime) -> dict[str, str]:
    profile = workspace.profile
    unit = profile.data["unit"]
    report = check.report
    catalogue = report.catalogue
    complete = check.completeness.complete_count
    info = {
        "Source-Organization": str(profile.data["instansi"]),
        "Organization-Address": f"{unit['alamat']}, {unit['kota']}",
        "Contact-Email": str(unit.get("email") or ""),
        "External-Description": f"Data dukung Zona Integritas {profile.unit_name} "
        f"tahun {profile.year}",
        "Bagging-Date": f"{now:%Y-%m-%d}",
        "Bag-Software-Agent": f"zi-docs {__version__}",
        "Unit-Kerja": profile.unit_name,
        "Tahun-Penilaian": str(profile.year),
        "Target-Predikat": profile.target,
        "Katalog-LKE": f"{catalogue.id} versi {catalogue.version}",
        "Nilai-Pengungkit": f"{report.pengungkit:.2f}",
        "Nilai-Hasil": f"{report.hasil:.2f}",
        "Nilai-Total": f"{report.total:.2f}",
        "Kelengkapan-Pertanyaan": f"{complete}/{len(check.completeness.indicators)}",
        "Tanggal-Dibuat": now.isoformat(timespec="seconds"),
    }
    return {k: v for k, v in info.items() if v}
