"""``zi-docs demo``: the main job on the bundled example workspace, inside one output folder."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from zi_docs.errors import WorkspaceError
from zi_docs.workspace import EXAMPLE_DIR, Workspace


@dataclass(frozen=True)
class DemoReport:
    """Where the demo put its results."""

    workspace: Workspace
    outputs: tuple[tuple[str, Path], ...]


MARKER = ".zi-docs-demo"


def run_demo(output: Path, *, progress: Callable[[str], None] = lambda _: None) -> DemoReport:
    """Copy the example workspace into ``output`` and run every step of the main job there.

    A previous demo output (recognised by its marker file) is replaced; any other non-empty
    folder is refused, so the demo never deletes a user's files.
    """
    output = output.expanduser()
    if output.exists() and any(output.iterdir()):
        if not (output / MARKER).is_file():
            raise WorkspaceError(
                f"folder {output} sudah berisi berkas lain; demo tidak menimpanya",
                hint="pilih folder kosong atau folder baru dengan -o",
            )
        shutil.rmtree(output)
    output.mkdir(parents=True, exist_ok=True)
    (output / MARKER).write_text(
        "Folder ini dibuat oleh 'zi-docs demo' dan boleh dihapus.\n", encoding="utf-8"
    )
    shutil.copytree(
        EXAMPLE_DIR, output, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
    )
    workspace = Workspace(output.resolve())
    progress(f"Contoh ruang kerja disalin ke {output}")
    outputs: list[tuple[str, Path]] = [("Ruang kerja contoh", workspace.root)]
    for step in _steps():
        outputs.extend(step(workspace, progress))
    return DemoReport(workspace=workspace, outputs=tuple(outputs))


Step = Callable[[Workspace, Callable[[str], None]], list[tuple[str, Path]]]


def _steps() -> list[Step]:
    """The main job in order; imported late so each flow stays independent of the others."""
    from zi_docs.assessment import demo_step as score_step
    from zi_docs.documents.demo_step import demo_documents
    from zi_docs.evidence.example import demo_step as archive_step
    from zi_docs.submission.demo import demo_step as submission_step

    return [demo_documents, archive_step, score_step, submission_step]
