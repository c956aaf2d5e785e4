"""The entry point: score a workspace's answers and bundle score, verdicts and gaps."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zi_docs.assessment.answers import AnswerSet, load_answers
from zi_docs.assessment.gaps import Gap, analyse
from zi_docs.assessment.scoring import Score, score_answers
from zi_docs.assessment.verdict import Verdict, evaluate_all, measures_of
from zi_docs.catalogue import Catalogue
from zi_docs.errors import NotFoundError
from zi_docs.findings import Finding
from zi_docs.workspace import Workspace

SCORE_JSON = "skor.json"
WORKBOOK = "lke-penilaian-mandiri.xlsx"


@dataclass(frozen=True)
class ScoreReport:
    """A scored self-assessment: values, the verdict of every predicate, and the gaps."""

    catalogue: Catalogue
    answers_file: str
    """The answers file as shown to the user (relative to the workspace when inside it)."""
    unit_name: str
    year: int
    target: str
    """The predicate the gaps are analysed for (``WBK`` or ``WBBM``)."""
    score: Score
    verdicts: tuple[Verdict, ...]
    """One per predicate of the catalogue, in catalogue order."""
    gaps: tuple[Gap, ...]
    """Improvements, best first, against the failed rules of ``target``."""
    warnings: tuple[Finding, ...] = ()
    layer: str | None = None
    """The evaluation layer scored (``tpi-unit``), or ``None`` for the unit's own answers."""

    @property
    def pengungkit(self) -> float:
        return self.score.pengungkit

    @property
    def hasil(self) -> float:
        return self.score.hasil

    @property
    def total(self) -> float:
        return self.score.total

    def verdict(self, code: str) -> Verdict:
        for verdict in self.verdicts:
            if verdict.code.casefold() == code.casefold():
                return verdict
        raise NotFoundError(
            f"predikat '{code}' tidak ada dalam katalog {self.catalogue.id}",
            suggestions=[v.code for v in self.verdicts],
        )


def score_workspace(
    workspace: Workspace, answers_path: Path | None = None, *, predicate: str | None = None
) -> ScoreReport:
    """Validate and score ``answers_path`` (default: the workspace's ``lke.yaml``).

    Raises :class:`~zi_docs.errors.InvalidInputError` listing every invalid answer.
    """
    catalogue = workspace.catalogue
    path = answers_path or workspace.answers_file
    answers = load_answers(path, catalogue, display=workspace.display(path))
    return score_answer_set(workspace, answers, predicate=predicate)


def score_answer_set(
    workspace: Workspace,
    answers: AnswerSet,
    *,
    predicate: str | None = None,
    layer: str | None = None,
) -> ScoreReport:
    """Score validated answers (the unit's, or an evaluation layer's) of ``workspace``."""
    catalogue = workspace.catalogue
    score = score_answers(catalogue, answers)
    verdicts = evaluate_all(catalogue, measures_of(score))
    profile = workspace.profile
    target = catalogue.predicate(predicate or profile.target).code
    analysed = tuple(v for v in verdicts if v.code == target)
    return ScoreReport(
        catalogue=catalogue,
        answers_file=answers.file,
        unit_name=profile.unit_name,
        year=profile.year,
        target=target,
        score=score,
        verdicts=verdicts,
        gaps=analyse(catalogue, score, analysed),
        warnings=answers.warnings,
        layer=layer,
    )
