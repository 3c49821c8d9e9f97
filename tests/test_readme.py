"""The README's examples are true: every ``$ kataster ...`` block prints what it shows."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from registry.cli import main

ROOT = Path(__file__).parents[1]
_BLOCK = re.compile(r"^```\n\$ (kataster [^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _examples() -> list[tuple[str, str]]:
    return _BLOCK.findall((ROOT / "README.md").read_text("utf-8"))


def test_the_readme_has_examples() -> None:
    assert len(_examples()) >= 2


@pytest.mark.parametrize(("command", "output"), _examples(), ids=lambda text: text[:60])
def test_a_readme_example_prints_what_the_readme_shows(
    command: str, output: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    arguments = shlex.split(command)[1:]
    result = CliRunner().invoke(main, arguments)
    assert result.output == output
