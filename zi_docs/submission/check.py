"""``zi-docs check``: score, archive, completeness, roll-up and gates of one workspace."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from zi_docs import evidence
from zi_docs.bulk import collector_paused
from zi_docs.findings import Finding, Severity
from zi_docs.submission.gates import Gates, GateState, evaluate_gates
from zi_docs.workspace import PageSetup, Workspace

if TYPE_CHECKING:
    from zi_docs.assessment import ScoreReport
    from zi_docs.evidence import ArchiveView, PendingListing
    from zi_docs.submission.completeness import Completeness
    from zi_docs.submission.rollup import Rollup

__all__ = ["CheckResult", "collector_paused", "gate_findings", "run_check"]
"""``collector_paused`` is offered through the door too: a client rendering the check of
100,000 files keeps the collector paused until it is done (see :mod:`zi_docs.bulk`)."""


@dataclass(frozen=True)
class CheckResult:
    """Everything ``check`` found about one workspace."""

    unit_name: str
    instansi: str
    year: int
    report: ScoreReport
    archive: ArchiveView
    completeness: Completeness
    rollup: Rollup
    gates: Gates
    findings: tuple[Finding, ...]
    """One per input file that still carries the example unit's values and one per
    cross-document inconsistency (shown first: those documents are about to be signed),
    completeness and integrity findings, one per unmet or unknown gate, then the follow-up
    register's overdue and open items."""
    kota: str = ""
    """Where the unit's documents are signed (``unit.kota`` of the profile)."""
    page: PageSetup | None = None
    """The profile's paper, font and margins (for ``check --docx``)."""

    @property
    def complete(self) -> bool:
        """No error or warning, every question complete, every gate met."""
        return (
            all(f.severity is Severity.INFO for f in self.findings)
            and all(i.complete for i in self.completeness.indicators)
            and self.gates.all_met
        )

    def count(self, severity: Severity) -> int:
        return sum(f.severity is severity for f in self.findings)


def gate_findings(gates: Gates) -> list[Finding]:
    found = []
    for gate in gates.results:
        if gate.state is GateState.MET:
            continue
        unknown = gate.state is GateState.UNKNOWN
        found.append(
            Finding(
                f"prasyarat pengajuan '{gate.description}' "
                + (
                    "belum diisi"
                    if unknown
                    else f"tidak terpenuhi (unit: {gate.actual}, syarat: {gate.required})"
                )
                + f"; isi pengajuan.{gate.field} di unit.yaml",
                Severity.WARNING if unknown else Severity.ERROR,
                file="unit.yaml",
                field=f"pengajuan.{gate.field}",
                code=f"prasyarat-{gate.code}",
            )
        )
    return found


def run_check(workspace: Workspace, today: dt.date, *, read_only: bool = False) -> CheckResult:
    """Check one workspace. With ``read_only`` nothing in it is touched (see
    :func:`zi_docs.evidence.read_view`)."""
    # a large archive's objects are listed beside this process from the very start: the
    # modules below load, the answers are scored and the files assessed meanwhile (the
    # archive's integrity, the last findings assess takes, waits for that listing)
    listing = None if read_only else evidence.start_archive_listing(workspace.archive_dir)
    try:
        with collector_paused():  # a finding and a status per file, no cycles (zi_docs.bulk)
            return _run_check(workspace, today, read_only, listing)
    finally:
        if listing is not None:
            listing.close()


def _run_check(
    workspace: Workspace, today: dt.date, read_only: bool, listing: PendingListing | None
) -> CheckResult:
    # loaded here, after the listing started (a tenth of a second at 100,000 files)
    from zi_docs.assessment import score_workspace
    from zi_docs.documents import consistency_findings
    from zi_docs.evaluation import load_register, register_findings
    from zi_docs.newunit import example_value_findings
    from zi_docs.submission.completeness import assess
    from zi_docs.submission.documents_engine import generator_hint
    from zi_docs.submission.rollup import roll_up

    profile = workspace.profile
    with evidence.open_view(workspace, read_only=read_only, listing=listing) as archive:
        report = score_workspace(workspace)
        completeness = assess(
            report.catalogue,
            report.score,
            archive,
            profile.evidence_window,
            generator_hint,
            with_integrity=False,
        )
        rollup = roll_up(report.catalogue, report.score, completeness, report.target)
        gates = evaluate_gates(profile, today)
        before = (*example_value_findings(workspace), *consistency_findings(workspace))
        after = (
            *gate_findings(gates),
            *register_findings(load_register(workspace), today, completeness.files.keys()),
        )
        # last, when the objects' listing had all the time it could: the archive's integrity
        completeness = replace(completeness, findings=(*completeness.findings, *archive.integrity))
    return CheckResult(
        unit_name=profile.unit_name,
        instansi=str(profile.data["instansi"]),
        year=profile.year,
        report=report,
        archive=archive,
        completeness=completeness,
        rollup=rollup,
        gates=gates,
        findings=(*before, *completeness.findings, *after),
        kota=str(profile.data["unit"].get("kota") or ""),
        page=profile.page,
    )
