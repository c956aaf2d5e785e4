"""Self-assessment: validate LKE answers, score them, check the WBK/WBBM thresholds, find gaps.

``score_workspace(workspace)`` is the entry point; the dataclasses it returns are shared with
the check, export and report commands. ``report_to_dict`` is its JSON view and
``write_workbook`` its LKE worksheet (.xlsx, written by :mod:`zi_docs.spreadsheet`).
"""

from typing import TYPE_CHECKING

from zi_docs import _lazy

if TYPE_CHECKING:
    from zi_docs.assessment.answer_edit import (
        AnswerEntry,
        StaleAnswerError,
        read_answer,
        save_answer,
    )
    from zi_docs.assessment.answer_values import parse_value
    from zi_docs.assessment.answers import (
        Answer,
        AnswerSet,
        answer_of,
        load_answers,
        parse_answers,
    )
    from zi_docs.assessment.gaps import Gap, RuleEffect
    from zi_docs.assessment.report import (
        SCORE_JSON,
        WORKBOOK,
        ScoreReport,
        score_answer_set,
        score_workspace,
    )
    from zi_docs.assessment.scoring import (
        AreaScore,
        NodeScore,
        PartScore,
        QuestionScore,
        Score,
        score_answers,
    )
    from zi_docs.assessment.verdict import RuleResult, Verdict, subject_label
    from zi_docs.assessment.views import report_to_dict
    from zi_docs.assessment.workbook import write_workbook

# name -> the module it is read from, loaded on first use (zi_docs._lazy)
_HOMES = {
    "Answer": "answers",
    "AnswerEntry": "answer_edit",
    "StaleAnswerError": "answer_edit",
    "read_answer": "answer_edit",
    "save_answer": "answer_edit",
    "AnswerSet": "answers",
    "AreaScore": "scoring",
    "Gap": "gaps",
    "NodeScore": "scoring",
    "PartScore": "scoring",
    "QuestionScore": "scoring",
    "RuleEffect": "gaps",
    "RuleResult": "verdict",
    "SCORE_JSON": "report",
    "Score": "scoring",
    "ScoreReport": "report",
    "Verdict": "verdict",
    "WORKBOOK": "report",
    "answer_of": "answers",
    "load_answers": "answers",
    "parse_answers": "answers",
    "parse_value": "answer_values",
    "report_to_dict": "views",
    "score_answer_set": "report",
    "score_answers": "scoring",
    "score_workspace": "report",
    "subject_label": "verdict",
    "write_workbook": "workbook",
}
_lazy.door(__name__, _HOMES)

__all__ = [
    "SCORE_JSON",
    "WORKBOOK",
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
    "answer_of",
    "load_answers",
    "parse_answers",
    "parse_value",
    "read_answer",
    "report_to_dict",
    "save_answer",
    "score_answer_set",
    "score_answers",
    "score_workspace",
    "subject_label",
    "write_workbook",
]
