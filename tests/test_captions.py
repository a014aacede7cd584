"""Every district's caption from data: the lines naming the court, the division and the label."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import EXAMPLES, write

from assembler import check, load_matter, packaged, text_view
from assembler.law.courts import load_court
from assembler.law.districts import districts
from assembler.papers.render import TemplateSet

ROOT = EXAMPLES.parent
MODEL = (EXAMPLES / "cp-productions.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def caption_only(tmp_path_factory):
    """A template set whose motion is the real caption part alone."""
    from docx import Document

    folder = tmp_path_factory.mktemp("caption-templates")
    (folder / "parts").mkdir()
    shutil.copy(ROOT / "templates" / "parts" / "caption.docx", folder / "parts" / "caption.docx")
    doc = Document(str(ROOT / "templates" / "motion.docx"))  # its styles, none of its text
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    doc.add_paragraph('{%p include "parts/caption.docx" %}')
    doc.save(folder / "motion.docx")
    return TemplateSet(folder)


def answers_in(court_id: str, division: str | None = None) -> str:
    court = load_court(court_id)
    text = MODEL.replace("court: azd", f"court: {court_id}")
    text = re.sub(r"(?m)^  number: .*$", f"  number: {court.case_number.examples[0]}", text, count=1)
    if division:
        text = text.replace("case:\n", f"case:\n  division: {division}\n", 1)
    return text


@pytest.mark.parametrize("court_id", sorted(districts()))
def test_every_district_captions_from_its_data(court_id, caption_only, tmp_path):
    court = load_court(court_id)
    district = districts()[court_id]
    division = court.divisions[0] if court.divisions else None
    matter = load_matter(write(tmp_path, "a.yaml", answers_in(court_id, division)))
    path = tmp_path / "caption.docx"
    caption_only.render(matter, "motion").save(str(path))
    view = text_view(path)
    lines = [line.removeprefix("[Court Title] ") for line in view.splitlines() if line.startswith("[Court Title]")]
    expected = list(court.caption) + ([f"{division.upper()} DIVISION"] if division else [])
    assert lines == expected
    # the court as 28 U.S.C. §§ 81-131 name it, and no fixed "IN THE ... FOR THE ..." form where the
    # data does not give one
    assert "UNITED STATES DISTRICT COURT" in lines[0]
    assert (
        " ".join(lines)
        .replace("FOR THE ", "")
        .endswith(district["name"].upper() + (f" {division.upper()} DIVISION" if division else ""))
    )
    # the profile's own lines, else the district list's, else the default form (and said to be)
    own = packaged.read(f"courts/{court_id}.yaml").get("caption") if court.profiled else None
    assert list(court.caption) == (own or district.get("caption") or list(court.caption))
    if not (own or district.get("caption")):
        assert court.caption_source.startswith("UNVERIFIED") and "caption" in court.unknown()
    if lines[0].startswith("IN THE"):
        assert "UNVERIFIED" not in court.caption_source, "the old fixed form, taken for a court's own"
    assert f"{court.case_label} {court.case_number.examples[0]}" in view


def test_a_default_caption_is_said_to_be_unverified_and_a_sourced_one_is_not():
    assert "caption" in load_court("akd").unknown()  # no profile, no caption in the district list
    assert load_court("akd").caption == ("UNITED STATES DISTRICT COURT", "FOR THE DISTRICT OF ALASKA")
    assert load_court("alnd").caption == ("UNITED STATES DISTRICT COURT", "NORTHERN DISTRICT OF ALABAMA")
    assert "caption" not in load_court("njd").unknown() and load_court("njd").case_label == "Civil Action No."
    assert "caption" not in load_court("azd").unknown()  # the model order's


@pytest.mark.parametrize(
    "court_id, division, said",
    [
        ("txed", "Houston", "has no Houston Division (its divisions: Beaumont, Lufkin"),
        ("txed", None, "sits in divisions (Beaumont, Lufkin"),
        ("cod", "Denver", "sits in no divisions"),
    ],
)
def test_check_reads_the_division_against_the_courts(court_id, division, said, tmp_path):
    report = check(write(tmp_path, "a.yaml", answers_in(court_id, division)), draft=False)
    assert any(said in w.message for w in report.warnings), [w.message for w in report.warnings]


def test_a_division_of_the_court_is_no_warning(tmp_path):
    report = check(write(tmp_path, "a.yaml", answers_in("txed", "Sherman Division")), draft=False)
    assert not [w for w in report.warnings if "ivision" in w.message]


def test_the_interview_offers_the_courts_divisions_and_refuses_another():
    from types import SimpleNamespace

    from assembler.interview import questions

    iv = SimpleNamespace()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(questions, "_court", lambda _iv: load_court("txed"))
        assert "Beaumont, Lufkin, Marshall" in questions._division_prompt(iv, {}, ())
        assert questions._division_check(iv, {}, (), "Sherman Division") is None
        assert "has no Houston Division" in questions._division_check(iv, {}, (), "Houston")
        patch.setattr(questions, "_court", lambda _iv: load_court("cod"))
        assert "sits in no divisions" in questions._division_check(iv, {}, (), "Denver")
