"""Self-assessment: validate LKE answers, score them, check the WBK/WBBM thresholds, find gaps.

``score_workspace(workspace)`` is the entry point; the dataclasses it returns are shared with
the check, export and report commands. The xlsx workbook lives in
:mod:`zi_docs.assessment.workbook` (the only module importing openpyxl).
"""

from zi_docs.assessment.answer_edit import (
    AnswerEntry,
    StaleAnswerError,
    read_answer,
    save_answer,
)
from zi_docs.assessment.answers import Answer, AnswerSet, load_answers, parse_answers
from zi_docs.assessment.gaps import Gap, RuleEffect
from zi_docs.assessment.report import ScoreReport, demo_step, score_workspace
from zi_docs.assessment.scoring import (
    AreaScore,
    NodeScore,
    PartScore,
    QuestionScore,
    Score,
    score_answers,
)
from zi_docs.assessment.verdict import RuleResult, Verdict

__all__ = [
    "Answer",
    "AnswerEntry",
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
    "StaleAnswerError",
    "Verdict",
    "demo_step",
    "load_answers",
    "parse_answers",
    "read_answer",
    "save_answer",
    "score_answers",
    "score_workspace",
]
