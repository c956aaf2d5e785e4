"""The LKE catalogue: a versioned YAML tree of indicators, weights, options and thresholds."""

from typing import TYPE_CHECKING

from zi_docs import _lazy

if TYPE_CHECKING:
    from zi_docs.catalogue.loader import BUNDLED_DIR, bundled_catalogues, load_catalogue
    from zi_docs.catalogue.model import (
        Catalogue,
        ChecklistItem,
        CountInput,
        Node,
        Predicate,
        ThresholdRule,
        fold,
    )
    from zi_docs.catalogue.views import node_summary, question_details

# name -> the module it is read from, loaded on first use (zi_docs._lazy)
_HOMES = {
    "BUNDLED_DIR": "loader",
    "Catalogue": "model",
    "ChecklistItem": "model",
    "CountInput": "model",
    "Node": "model",
    "Predicate": "model",
    "ThresholdRule": "model",
    "bundled_catalogues": "loader",
    "fold": "model",
    "load_catalogue": "loader",
    "node_summary": "views",
    "question_details": "views",
}
_lazy.door(__name__, _HOMES)

__all__ = [
    "BUNDLED_DIR",
    "Catalogue",
    "ChecklistItem",
    "CountInput",
    "Node",
    "Predicate",
    "ThresholdRule",
    "bundled_catalogues",
    "fold",
    "load_catalogue",
    "node_summary",
    "question_details",
]
