"""README's two install commands stay as CI and a new user run them."""

from __future__ import annotations

import re
import shlex

from click.testing import CliRunner
from conftest import ROOT

from assembler.cli import cli

BLOCKS = re.findall(r"^```\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S | re.M)


def test_the_first_command_installs_into_a_virtual_environment_then_drafts(tmp_path):
    # a bare "pip install ." is refused by Debian 12's and Homebrew's Python (PEP 668)
    steps = BLOCKS[0].split(" && ")
    assert steps[:3] == ["python3 -m venv .venv", ". .venv/bin/activate", "pip install ."]
    (command,) = [step for step in steps if step.startswith("assembler ")]
    args = shlex.split(command)[1:]
    assert args[:2] == ["render", "examples/cp-productions.yaml"]
    result = CliRunner().invoke(cli, [*args[:1], str(ROOT / args[1]), "-o", str(tmp_path), "--dry-run"])
    assert result.exit_code == 0, result.output


def test_the_test_command_is_the_one_ci_runs():
    assert BLOCKS[1] == 'pip install ".[test]" && python -m pytest'
