"""The tree passes ruff's lint and format checks, as pyproject's [tool.ruff] sets them (STYLE: a
linter and formatter in the same run as the type checker)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("ruff", reason="ruff comes with the test extra: pip install '.[test]'")
    command = [shutil.which("ruff") or sys.executable, *args]
    if command[0] == sys.executable:
        command[1:1] = ["-m", "ruff"]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_the_tree_passes_ruffs_lint():
    result = _ruff("check", "assembler", "tests", "tools", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_tree_is_formatted_as_ruff_formats_it():
    result = _ruff("format", "--check", "assembler", "tests", "tools", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr
