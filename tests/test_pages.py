"""The drafts as a clerk sees their pages (LibreOffice's PDF, read by pdftotext).

The signature block starts on the page of the paper's closing (the Closing, a
declaration's attestation, an order's date line), never pushed on by the
certificate after it, and that page holds the paper's own text above the
closing: the last paragraph keeps its last lines with the closing (a short one
moves whole, with the heading above it); no page ends with an order's "it is
ORDERED:"; no page but the last is more than a third empty, unless the
paper's end, which stays together, is what did not fit there.  The checks are
in tests/pages.py.  The default run looks at the papers whose end used to fall
on a page of its own, the pleading paper and a conclusion long enough to
break; ``-m slow`` at every example's every draft.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE_NAMES, EXAMPLES, needs
from docx import Document
from pages import ending, problems, signature_alone

pytestmark = [needs("soffice"), needs("pdftotext"), pytest.mark.xdist_group("example_pages")]

# papers whose signature page held only the closing before the last paragraph kept with it
# (doe-defendant: a short conclusion under its heading; edtex-sherman and new-evidence-mad's
# motion: the end too tall for the white left, so that page may stay more than a third empty;
# the declaration: its last numbered paragraph with the attestation), and pleading paper
FEW = {
    "doe-defendant": ("motion", "response", "reply"),
    "edtex-sherman": ("motion",),
    "new-evidence-mad": ("motion", "declaration"),
    "doe-defendant-cand": ("motion", "response"),
}

# a conclusion of many lines: a last paragraph that cannot move whole without leaving white
LONG_RELIEF = (
    "vacate its May 22, 2024 Order, quash the subpoena issued under it, direct that any "
    "information already produced in answer to that subpoena be sequestered and not used or "
    "disclosed for any purpose until the Court rules on a properly noticed motion, order "
    "Plaintiff to identify every person to whom any such information has been given, and "
    "grant such further relief as is just, so that Defendant is left where Defendant stood "
    "before the subpoena issued and the rules on discovery before the Rule 26(f) conference "
    "keep the force the Federal Rules of Civil Procedure give them in every case"
)


def _convert(drafts: dict[tuple[str, str], Path]) -> dict[tuple[str, str], Path]:
    from assembler.papers.pdf import convert

    pdfs = convert(list(drafts.values()), timeout_per_document=30.0)
    return {key: pdf.path for key, pdf in zip(drafts, pdfs)}


def _long_conclusion(tmp_path: Path) -> dict[tuple[str, str], Path]:
    """doe-defendant's motion with its relief (and so its conclusion) made nine lines long."""
    from assembler import load_matter, render_matter

    case = tmp_path / "long.yaml"
    case.write_text(
        f"extends: {(EXAMPLES / 'doe-defendant.yaml').as_posix()}\nmotion:\n  relief: {LONG_RELIEF}\n",
        encoding="utf-8",
    )
    (path,) = render_matter(load_matter(case), tmp_path / "out", ["motion"])
    return {("long", "motion"): path}


@pytest.fixture(scope="module")
def few_pdfs(drafts_of, tmp_path_factory) -> dict[tuple[str, str], Path]:
    drafts = {(name, paper): drafts_of(name)[paper] for name, papers in FEW.items() for paper in papers}
    drafts |= _long_conclusion(tmp_path_factory.mktemp("long-conclusion"))
    return _convert(drafts)


@pytest.mark.parametrize("key", [(n, p) for n, papers in FEW.items() for p in papers], ids="/".join)
def test_the_signature_page_holds_the_papers_text(few_pdfs, key):
    pdf = few_pdfs[key]
    assert problems(pdf.with_suffix(".docx"), pdf) == []
    assert not signature_alone(pdf.with_suffix(".docx"), pdf)


def test_a_long_conclusion_keeps_with_the_signature_and_may_break(few_pdfs):
    """Word breaks a paragraph that keeps with the next (its lines are not kept together) and
    carries at least two of its lines to the signature's page; LibreOffice moves it whole.
    Either way the signature's page holds the conclusion and no page is left a third empty."""
    pdf = few_pdfs[("long", "motion")]
    docx = pdf.with_suffix(".docx")
    *_, last = [p for p in Document(str(docx)).paragraphs if "keep the force" in p.text]  # the introduction's too
    form = last.paragraph_format
    assert (form.keep_with_next, form.keep_together) == (True, None)
    assert last.style.base_style.paragraph_format.widow_control is True  # Normal's, not undone
    assert ending(docx).paragraph == last.text
    assert problems(docx, pdf) == []


@pytest.fixture(scope="module")
def example_pdfs(drafts_of) -> dict[tuple[str, str], Path]:
    """Every example's drafts as PDFs, converted by one LibreOffice run."""
    return _convert({(name, paper): path for name in EXAMPLE_NAMES for paper, path in drafts_of(name).items()})


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_pages_are_set_as_a_clerk_would_set_them(example_pdfs, name):
    found = {
        paper: problems(pdf.with_suffix(".docx"), pdf)
        for (example, paper), pdf in example_pdfs.items()
        if example == name
    }
    assert found and {paper: found for paper, found in found.items() if found} == {}
