"""The examples' drafts as a clerk sees their pages (LibreOffice's PDF, read by pdftotext).

The signature block starts on the page of the paper's last paragraph (the
Closing, an order's date line), never pushed on by the certificate after it:
that page holds text of the paper wherever the block fits there; no page ends
with an order's "it is ORDERED:"; no page but the last is more than a third
empty.  The checks are in tests/pages.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE_NAMES, needs
from pages import problems

pytestmark = [needs("soffice"), needs("pdftotext"), pytest.mark.xdist_group("example_pages")]


@pytest.fixture(scope="module")
def example_pdfs(drafts_of) -> dict[tuple[str, str], Path]:
    """Every example's drafts as PDFs, converted by one LibreOffice run."""
    from assembler.papers.pdf import convert

    drafts = {(name, paper): path for name in EXAMPLE_NAMES for paper, path in drafts_of(name).items()}
    pdfs = convert(list(drafts.values()), timeout_per_document=30.0)
    return {key: pdf.path for key, pdf in zip(drafts, pdfs)}


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_pages_are_set_as_a_clerk_would_set_them(example_pdfs, name):
    found = {
        paper: problems(pdf.with_suffix(".docx"), pdf)
        for (example, paper), pdf in example_pdfs.items()
        if example == name
    }
    assert found and {paper: found for paper, found in found.items() if found} == {}
