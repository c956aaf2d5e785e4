"""Self-assessment: validate LKE answers, score them, check the WBK/WBBM thresholds, find gaps.

``score_workspace(workspace)`` is the entry point; the dataclasses it returns are shared with
the check, export and report commands. ``report_to_dict`` is its JSON view and
``write_workbook`` its LKE worksheet (.xlsx, written by :mod:`zi_docs.spreadsheet`).
"""

from zi_docs.assessment.answers import Answer, AnswerSet, load_answers, parse_answers
from zi_docs.assessment.gaps import Gap, RuleEffect
from zi_docs.assessment.report import SCORE_JSON, WORKBOOK, ScoreReport, score_workspace
from zi_docs.assessment.scoring import (
    AreaScore,
    NodeScore,
    PartScore,
    QuestionScore,
    Score,
    score_answers,
)
from zi_docs.assessment.verdict import RuleResult, Verdict
from zi_docs.assessment.views import report_to_dict
from zi_docs.assessment.workbook import write_workbook

__all__ = [
    "SCORE_JSON",
    "WORKBOOK",
    "Answer",
    "AnswerSet",
    "AreaScore",
    "Gap",
    "NodeScore",
    "PartScore",
    "QuestionScore",
    "RuleEffect",
    "RuleResult",
    "Score",
    "ScoreReport",
    "Verdict",
    "load_answers",
    "parse_answers",
    "report_to_dict",
    "score_answers",
    "score_workspace",
    "write_workbook",
]
