"""The drafts as independent readers meet them: pandoc and LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import EXAMPLE_NAMES, EXAMPLES, needs

from assembler import DOCUMENTS, load_matter


def pandoc_markdown(path, *, keep_nbsp: bool = False) -> str:
    """pandoc's Markdown of a draft; its non-breaking spaces read as spaces unless kept."""
    text = subprocess.run(
        ["pandoc", "-t", "markdown", "--wrap=none", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return text if keep_nbsp else text.replace("\u00a0", " ")


@needs("pandoc")
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("document", DOCUMENTS)
def test_pandoc_reads_each_draft_with_its_footnotes(name, document, drafts_of):
    text = pandoc_markdown(drafts_of(name)[document])
    notes = re.findall(r"^\[\^(\d+)\]: (.*)$", text, flags=re.M)
    refs = re.findall(r"\[\^(\d+)\](?!:)", text)
    citation = load_matter(EXAMPLES / f"{name}.yaml").citation
    if citation.placement == "inline":  # citations in the text, in the case's form
        form = re.escape(citation.one(1).replace("\u00a0", " ")[:-1])
        opening = re.escape(citation.brackets[0])  # "(ECF No. 18)", or "[ECF No. 18]" (pandoc: "\[")
        assert not notes and re.search(rf" \\?{opening}{form}\d+", text.replace("\u00a0", " "))
        return
    assert notes and [n for n, _ in notes] == [str(i) for i in range(1, len(notes) + 1)]
    assert sorted(set(refs), key=int) == [n for n, _ in notes]


@needs("pandoc")
def test_pandoc_reads_the_order_as_the_model(example_drafts):
    text = pandoc_markdown(example_drafts["order-granting"])
    headings = re.findall(r"^# (.*)$", text, flags=re.M)
    assert headings == ["Factual and Procedural Background", "Discussion", "Conclusion"]
    assert re.search(r"Before the Court at Docket 18 is a Motion for Reconsideration .* at Docket 13\.", text)
    assert re.findall(r"^\d\.\s+.*(GRANTED|VACATED|DENIED)\.$", text, flags=re.M) == ["GRANTED", "VACATED", "DENIED"]
    assert "DATED this 13^th^ day of November, 2012." in text
    docket_notes = re.findall(r"^\[\^\d+\]: Docket \d+ at [^;\n]+\.$", text, flags=re.M)
    assert len(docket_notes) >= 20


@needs("soffice")
@pytest.mark.xdist_group("example_pdfs")
def test_libreoffice_converts_every_draft_to_pdf(example_pdfs):
    """``example_pdfs``: one ``soffice --convert-to pdf`` of the five drafts (it fails on an error)."""
    for document in DOCUMENTS:
        pdf = example_pdfs[document]
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
        if shutil.which("pdftotext") is None:
            continue
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "FOR THE DISTRICT OF ARIZONA" in text
        assert re.search(r"Docket \d+ at \d", text), f"{document}: no docket footnote in its PDF"


@needs("pandoc")
def test_citations_dates_and_titles_do_not_break_across_lines(drafts_of):
    """An independent reader sees the non-breaking spaces: "ECF No. 18", dates, "2012 ORDER"."""
    nbsp = "\u00a0"
    nysd = pandoc_markdown(drafts_of("acme-nysd")["motion"], keep_nbsp=True)
    assert f"(ECF{nbsp}No.{nbsp}1{nbsp}at{nbsp}1-3.)" in nysd
    model = pandoc_markdown(drafts_of("cp-productions")["order-granting"], keep_nbsp=True)
    assert f"AUGUST{nbsp}24,{nbsp}2012{nbsp}ORDER" in model
    assert f"the Court's August{nbsp}24,{nbsp}2012 Order" in model  # pandoc writes ’ as '
    assert f"Docket{nbsp}18{nbsp}at{nbsp}7-8." in model
