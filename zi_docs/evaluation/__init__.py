"""After submission: filled LKE workbooks in, evaluation layers and rounds, tanggapan, the
comparison of the unit with every layer, and the tindak lanjut register.

This is the package's front door: clients (the CLI, the web app) and the other flows (the
LHE document, ``check``, ``export``, the monev report, the demo) call what ``__all__`` names.
Behind it, one module per job:

- :mod:`.sheet_read`, :mod:`.sheet_xml` — an .xlsx into plain grids (the sheet XML in one pass:
  values, formulas and their cached values);
- :mod:`.sheet_layout`, :mod:`.row_match` — where the columns are, which row is which id;
- :mod:`.sheet_import`, :mod:`.sheet_answers`, :mod:`.sheet_diff` — the answers of one column
  group, and the sheet's values against zi-docs's score;
- :mod:`.importing`, :mod:`.answers_file` — ``lke impor`` into ``lke.yaml`` or a layer;
- :mod:`.layers`, :mod:`.rounds`, :mod:`.comparison` — ``lapis/NAMA.yaml``, what changed
  between rounds, the unit beside every layer;
- :mod:`.workbook_groups` — the evaluator column groups and fingerprint of written workbooks;
- :mod:`.bundles` — ``bundel-terkirim.yaml``, the exported bundles a returned workbook is
  matched with;
- :mod:`.followup`, :mod:`.followup_sources` — ``tindak-lanjut.yaml``;
- :mod:`.guarded` — the same writes with versions and the edit lock, for forms.
"""

from typing import TYPE_CHECKING

from zi_docs import _lazy

if TYPE_CHECKING:
    from zi_docs.evaluation.bundles import SentBundle, find_bundle, record_bundle, sent_bundles
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
    from zi_docs.evaluation.followup_sources import (
        items_from_layer,
        items_from_lhe,
        owner_choices,
        owner_hint,
    )
    from zi_docs.evaluation.guarded import (
        LayerEntry,
        ResponseEntry,
        StaleEntryError,
        add_items_locked,
        item_versions,
        open_round,
        read_layer_entry,
        read_response,
        save_layer_entry,
        save_response,
        update_item_checked,
    )
    from zi_docs.evaluation.importing import ImportOutcome, import_into, outcome_to_dict
    from zi_docs.evaluation.layer_edits import record, respond
    from zi_docs.evaluation.layers import Layer, Round, layer_names, load_layer
    from zi_docs.evaluation.rounds import RoundChanges, round_changes
    from zi_docs.evaluation.sheet_import import SheetImport, import_workbook
    from zi_docs.evaluation.workbook_groups import (
        answers_fingerprint,
        default_layers,
        evaluator_groups,
        fingerprint,
    )

# name -> the module it is read from, loaded on first use (zi_docs._lazy)
_HOMES = {
    "Comparison": "comparison",
    "FollowUp": "followup",
    "ImportOutcome": "importing",
    "Layer": "layers",
    "LayerEntry": "guarded",
    "Register": "followup",
    "ResponseEntry": "guarded",
    "Round": "layers",
    "RoundChanges": "rounds",
    "SentBundle": "bundles",
    "SheetImport": "sheet_import",
    "StaleEntryError": "guarded",
    "Suggestion": "followup",
    "add_items": "followup",
    "add_items_locked": "guarded",
    "answer_text": "comparison",
    "answers_fingerprint": "workbook_groups",
    "compare_layers": "comparison",
    "comparison_to_dict": "comparison",
    "default_layers": "workbook_groups",
    "evaluator_groups": "workbook_groups",
    "find_bundle": "bundles",
    "fingerprint": "workbook_groups",
    "import_into": "importing",
    "import_workbook": "sheet_import",
    "item_versions": "guarded",
    "items_from_layer": "followup_sources",
    "items_from_lhe": "followup_sources",
    "layer_names": "layers",
    "load_layer": "layers",
    "load_register": "followup",
    "open_round": "guarded",
    "outcome_to_dict": "importing",
    "owner_choices": "followup_sources",
    "owner_hint": "followup_sources",
    "read_layer_entry": "guarded",
    "read_response": "guarded",
    "record": "layer_edits",
    "record_bundle": "bundles",
    "register_findings": "followup",
    "respond": "layer_edits",
    "round_changes": "rounds",
    "save_layer_entry": "guarded",
    "save_response": "guarded",
    "sent_bundles": "bundles",
    "settings": "followup",
    "suggest_mp_iii_c": "followup",
    "update_item": "followup",
    "update_item_checked": "guarded",
}
_lazy.door(__name__, _HOMES)

__all__ = [
    "Comparison",
    "FollowUp",
    "ImportOutcome",
    "Layer",
    "LayerEntry",
    "Register",
    "ResponseEntry",
    "Round",
    "RoundChanges",
    "SentBundle",
    "SheetImport",
    "StaleEntryError",
    "Suggestion",
    "add_items",
    "add_items_locked",
    "answer_text",
    "answers_fingerprint",
    "compare_layers",
    "comparison_to_dict",
    "default_layers",
    "evaluator_groups",
    "find_bundle",
    "fingerprint",
    "import_into",
    "import_workbook",
    "item_versions",
    "items_from_layer",
    "items_from_lhe",
    "layer_names",
    "load_layer",
    "load_register",
    "open_round",
    "outcome_to_dict",
    "owner_choices",
    "owner_hint",
    "read_layer_entry",
    "read_response",
    "record",
    "record_bundle",
    "register_findings",
    "respond",
    "round_changes",
    "save_layer_entry",
    "save_response",
    "sent_bundles",
    "settings",
    "suggest_mp_iii_c",
    "update_item",
    "update_item_checked",
]
