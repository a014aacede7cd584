"""The package type-checks (STYLE: a type checker in CI), as pyproject's [tool.mypy] sets it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_package_type_checks():
    pytest.importorskip("mypy", reason="mypy comes with the test extra: pip install '.[test]'")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
