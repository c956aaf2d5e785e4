"""After submission: filled LKE workbooks in, evaluation layers and rounds, tanggapan, the
comparison of the unit with every layer, and the tindak lanjut register.

This is the package's front door: clients (the CLI, the web app) and the other flows (the
LHE document, ``check``, ``export``, the monev report, the demo) call what ``__all__`` names.
Behind it, one module per job:

- :mod:`.sheet_read` — an .xlsx into plain grids (openpyxl reading, cached formula values);
- :mod:`.sheet_layout`, :mod:`.row_match` — where the columns are, which row is which id;
- :mod:`.sheet_import`, :mod:`.sheet_diff` — the answers of one column group, and the sheet's
  values against zi-docs's score;
- :mod:`.importing`, :mod:`.answers_file` — ``lke impor`` into ``lke.yaml`` or a layer;
- :mod:`.layers`, :mod:`.rounds`, :mod:`.comparison` — ``lapis/NAMA.yaml``, what changed
  between rounds, the unit beside every layer;
- :mod:`.workbook_groups` — the evaluator column groups and fingerprint of written workbooks;
- :mod:`.followup`, :mod:`.followup_sources` — ``tindak-lanjut.yaml``.
"""

from typing import TYPE_CHECKING

from zi_docs import _lazy

if TYPE_CHECKING:
    from zi_docs.evaluation.comparison import (
        Comparison,
        answer_text,
        compare_layers,
        comparison_to_dict,
    )
    from zi_docs.evaluation.followup import (
        FollowUp,
        Register,
        Suggestion,
        add_items,
        load_register,
        register_findings,
        settings,
        suggest_mp_iii_c,
        update_item,
    )
    from zi_docs.evaluation.followup_sources import items_from_layer
    from zi_docs.evaluation.importing import ImportOutcome, import_into, outcome_to_dict
    from zi_docs.evaluation.layer_edits import record, respond
    from zi_docs.evaluation.layers import Layer, Round, layer_names, load_layer
    from zi_docs.evaluation.rounds import RoundChanges, round_changes
    from zi_docs.evaluation.sheet_import import SheetImport, import_workbook
    from zi_docs.evaluation.workbook_groups import (
        answers_fingerprint,
        evaluator_groups,
        fingerprint,
    )

# name -> the module it is read from, loaded on first use (zi_docs._lazy)
_HOMES = {
    "Comparison": "comparison",
    "FollowUp": "followup",
    "ImportOutcome": "importing",
    "Layer": "layers",
    "Register": "followup",
    "Round": "layers",
    "RoundChanges": "rounds",
    "SheetImport": "sheet_import",
    "Suggestion": "followup",
    "add_items": "followup",
    "answer_text": "comparison",
    "answers_fingerprint": "workbook_groups",
    "compare_layers": "comparison",
    "comparison_to_dict": "comparison",
    "evaluator_groups": "workbook_groups",
    "fingerprint": "workbook_groups",
    "import_into": "importing",
    "import_workbook": "sheet_import",
    "items_from_layer": "followup_sources",
    "layer_names": "layers",
    "load_layer": "layers",
    "load_register": "followup",
    "outcome_to_dict": "importing",
    "record": "layer_edits",
    "register_findings": "followup",
    "respond": "layer_edits",
    "round_changes": "rounds",
    "settings": "followup",
    "suggest_mp_iii_c": "followup",
    "update_item": "followup",
}
_lazy.door(__name__, _HOMES)

__all__ = [
    "Comparison",
    "FollowUp",
    "ImportOutcome",
    "Layer",
    "Register",
    "Round",
    "RoundChanges",
    "SheetImport",
    "Suggestion",
    "add_items",
    "answer_text",
    "answers_fingerprint",
    "compare_layers",
    "comparison_to_dict",
    "evaluator_groups",
    "fingerprint",
    "import_into",
    "import_workbook",
    "items_from_layer",
    "layer_names",
    "load_layer",
    "load_register",
    "outcome_to_dict",
    "record",
    "register_findings",
    "respond",
    "round_changes",
    "settings",
    "suggest_mp_iii_c",
    "update_item",
]
