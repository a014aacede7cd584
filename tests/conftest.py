from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden/ from the current drafts (review the diff).")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def example() -> Path:
    return EXAMPLES / "cp-productions.yaml"


@pytest.fixture(scope="session")
def example_drafts(tmp_path_factory: pytest.TempPathFactory, example: Path) -> dict[str, Path]:
    """The example's drafts, rendered once for the session."""
    from assembler import DOCUMENTS, load_matter, render_matter

    out = tmp_path_factory.mktemp("drafts")
    paths = render_matter(load_matter(example), out, DOCUMENTS)
    return {path.stem: path for path in paths}


def needs(program: str):
    """Skip, saying why, where an external program the test reads drafts with is missing."""
    return pytest.mark.skipif(shutil.which(program) is None,
                              reason=f"{program} is not installed (CI installs it)")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
