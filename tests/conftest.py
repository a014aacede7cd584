from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# no user's settings file changes what the tests draft (tests of settings name their own)
os.environ["ASSEMBLER_CONFIG"] = str(Path(__file__).resolve().parent / "fixtures" / "no-settings.yaml")
os.environ["ASSEMBLER_CACHE"] = tempfile.mkdtemp(prefix="assembler-test-cache-")  # none from before
atexit.register(shutil.rmtree, os.environ["ASSEMBLER_CACHE"], True)  # and none left after

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite tests/golden/ from the current drafts (review the diff)."
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def example() -> Path:
    return EXAMPLES / "cp-productions.yaml"


EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="session")
def drafts_of(tmp_path_factory: pytest.TempPathFactory):
    """``drafts_of(name)``: an example's five drafts, rendered once for the session."""
    from assembler import DOCUMENTS, load_matter, render_matter
    from assembler.law.forms import notice_of_motion
    from assembler.papers.registry import allowed, paper, paper_ids

    cache: dict[str, dict[str, Path]] = {}

    def drafts(name: str) -> dict[str, Path]:
        if name not in cache:
            out = tmp_path_factory.mktemp(f"drafts-{name}")
            matter = load_matter(EXAMPLES / f"{name}.yaml")
            notice = ["notice"] if notice_of_motion(matter.answers, matter.court) else []
            # and each side's declaration, where the answers give one (the default set's rule)
            declarations = [d for d in allowed(matter, DOCUMENTS, explicit=False)[0] if paper(d).default == "given"]
            documents = [*notice, *DOCUMENTS, *declarations]
            paths = render_matter(matter, out, sorted(documents, key=list(paper_ids()).index))
            cache[name] = {path.stem: path for path in paths}
        return cache[name]

    return drafts


@pytest.fixture(scope="session")
def example_drafts(drafts_of) -> dict[str, Path]:
    """The model case's drafts."""
    return drafts_of("cp-productions")


@pytest.fixture(scope="session")
def example_pdfs(example_drafts, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The model case's five drafts as PDFs, converted once for the session by LibreOffice
    itself (one ``soffice``, a profile of its own), for the tests that read PDFs; they are
    marked ``xdist_group("example_pdfs")`` so that a parallel run converts them once too."""
    import subprocess

    from assembler import DOCUMENTS

    out = tmp_path_factory.mktemp("example-pdfs")
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *[str(example_drafts[d]) for d in DOCUMENTS],
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {document: out / f"{document}.pdf" for document in DOCUMENTS}


def needs(program: str):
    """Skip, saying why, where an external program the test reads drafts with is missing."""
    return pytest.mark.skipif(shutil.which(program) is None, reason=f"{program} is not installed (CI installs it)")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
