"""The LKE catalogue: a versioned YAML tree of indicators, weights, options and thresholds."""

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
