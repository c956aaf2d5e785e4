"""The web's own write (an answer saved into lke.yaml) survives SIGKILL at random moments:
the file always parses and scores, the next save works without waiting, no temporary file stays."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zi_docs.assessment import read_answer, save_answer, score_workspace
from zi_docs.workspace import Workspace

TRIALS = 30
WRITER = """
import sys
from pathlib import Path
from zi_docs.assessment import read_answer, save_answer
from zi_docs.workspace import Workspace
ws = Workspace(Path(sys.argv[1]))
options = ["A", "B", "C"]
i = 0
while True:
    entry = read_answer(ws, "A.I.1.i.b")
    save_answer(ws, "A.I.1.i.b", {"jawaban": options[i % 3], "catatan": "x" * (i % 50)},
                expected_version=entry.version)
    i += 1
"""


@pytest.mark.slow
def test_sigkill_while_saving_answers_leaves_a_whole_file(workspace: Workspace) -> None:
    rng = random.Random(14)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for _ in range(TRIALS):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(workspace.root)], env=env)
        time.sleep(rng.uniform(0.3, 1.5))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        assert score_workspace(workspace).total >= 0  # the file parses and scores
        entry = read_answer(workspace, "A.I.1.i.b")
        save_answer(workspace, "A.I.1.i.b", "B", expected_version=entry.version)  # no waiting
        leftovers = list(workspace.root.glob(".lke.yaml.*.tmp"))
        assert leftovers == []
