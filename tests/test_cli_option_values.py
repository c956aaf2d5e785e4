"""One rule for option values the library does not know: a usage error, exit 2, with choices."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "args",
    [
        ("lke", "list", "--area", "XX"),
        ("check", "--area", "XX"),
        ("archive", "search", "pengaduan", "--area", "XX"),
        ("archive", "list", "--area", "XX"),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_unknown_area_is_a_usage_error_naming_the_choices(run_cli, args) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(*args)
    assert result.exit_code == 2, result.output
    assert "nilai untuk --area tidak sah" in result.output
    assert "MP (Manajemen Perubahan)" in result.output


def test_an_area_name_is_resolved_before_the_library_sees_it(run_cli) -> None:  # type: ignore[no-untyped-def]
    by_code = run_cli("archive", "list", "--area", "PW", "--json")
    by_name = run_cli("archive", "list", "--area", "penguatan pengawasan", "--json")
    assert by_code.exit_code == by_name.exit_code == 0
    assert by_code.output == by_name.output
