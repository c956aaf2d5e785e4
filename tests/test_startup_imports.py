"""Start-up: the CLI loads no document, spreadsheet, PDF, image or search engine until a
command uses it, and the lazy front doors offer exactly what they name."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

ENGINES = ("docx", "docxtpl", "whoosh", "openpyxl", "pypdf", "pypdfium2", "PIL", "tantivy", "yaml")
LAZY_DOORS = (
    "zi_docs.assessment",
    "zi_docs.catalogue",
    "zi_docs.documents",
    "zi_docs.evidence",
    "zi_docs.submission",
)


def _loaded_after(statement: str) -> list[str]:
    code = f"import sys\n{statement}\nprint(' '.join(m for m in {ENGINES!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_a_door_keeps_its_function_when_a_submodule_of_that_name_loads() -> None:
    statement = (
        "import zi_docs.evidence.search\n"
        "from zi_docs import evidence\n"
        "assert callable(evidence.search) and evidence.search.__module__.endswith('reading')"
    )
    _loaded_after(statement)  # raises (check=True) when the assertion fails


@pytest.mark.parametrize("door", LAZY_DOORS)
def test_lazy_front_door_offers_what_it_names(door: str) -> None:
    module = importlib.import_module(door)
    homes = module._HOMES
    assert set(homes) <= set(module.__all__)
    for name in module.__all__:
        assert getattr(module, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'tidak_ada'"):
        module.tidak_ada  # noqa: B018


def test_importing_the_cli_loads_no_engine() -> None:
    assert _loaded_after("import zi_docs.cli") == []


def test_help_loads_no_engine() -> None:
    statement = (
        "from click.testing import CliRunner\n"
        "from zi_docs.cli import cli\n"
        "assert CliRunner().invoke(cli, ['--help']).exit_code == 0"
    )
    assert _loaded_after(statement) == []


def test_the_command_table_names_every_command_with_its_own_short_help() -> None:
    from zi_docs.cli import COMMAND_TABLE, cli

    commands = cli.commands  # reading them loads every module of the table
    assert set(COMMAND_TABLE) == set(commands)
    for name, (module, short) in COMMAND_TABLE.items():
        command = commands[name]
        assert command.callback is not None
        assert command.callback.__module__ == f"zi_docs.cli.{module}", name
        assert command.get_short_help_str(1000) == short, name


def test_running_a_command_imports_only_its_module() -> None:
    statement = (
        "from click.testing import CliRunner\n"
        "from zi_docs.cli import cli\n"
        "assert CliRunner().invoke(cli, ['lke', '--help']).exit_code == 0\n"
        "assert 'zi_docs.cli.lke' in sys.modules\n"
        "assert 'zi_docs.cli.archive' not in sys.modules and 'zi_docs.cli.web' not in sys.modules"
    )
    assert _loaded_after(statement) == []
