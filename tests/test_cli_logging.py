"""Logging is configured once by the CLI: ``-v`` shows progress, ``-q`` only errors."""

from __future__ import annotations

import logging

import pytest

from zi_docs import documents
from zi_docs.cli import _logging
from zi_docs.workspace import Workspace


def test_progress_is_shown_only_with_verbose(run_cli, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    source = str(workspace.inputs_dir / "piagam.yaml")
    quiet = run_cli("generate", source)
    assert quiet.exit_code == 0, quiet.output
    assert "piagam: 1 dokumen ditulis" not in quiet.output
    loud = run_cli("-v", "generate", source)
    assert loud.exit_code == 0, loud.output
    assert "piagam: 1 dokumen ditulis" in loud.output


def test_warnings_are_shown_by_default_and_silenced_by_senyap(
    run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    real = documents.list_templates  # the CLI reads it from the documents door on use

    def warn_then_list(workspace):  # type: ignore[no-untyped-def]
        logging.getLogger("zi_docs.documents").warning("peringatan uji dari pustaka")
        return real(workspace)

    monkeypatch.setattr(documents, "list_templates", warn_then_list)
    shown = run_cli("templates", "list")
    assert shown.exit_code == 0
    assert shown.output.count("peringatan uji dari pustaka") == 1  # one handler, however often
    assert "peringatan uji dari pustaka" in run_cli("templates", "list").output
    silenced = run_cli("--senyap", "templates", "list")
    assert silenced.exit_code == 0
    assert "peringatan uji dari pustaka" not in silenced.output
    assert "sk-tim" in silenced.output


def test_verbose_and_senyap_together_is_a_usage_error(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("-v", "-q", "templates", "list")
    assert result.exit_code == 2
    assert "--rinci dan --senyap" in result.output


def test_levels() -> None:
    assert _logging.level_for(0, False) == logging.WARNING
    assert _logging.level_for(1, False) == logging.INFO
    assert _logging.level_for(2, False) == logging.DEBUG
    assert _logging.level_for(0, True) == logging.ERROR
