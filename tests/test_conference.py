"""The conference before filing: which courts require it (their profiles), the motion's
statement of it where the rule puts it, true for the answers, and check's warning."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES, write

from assembler import load_matter
from assembler.checks import check
from assembler.errors import AnswersError
from assembler.law.advice import advise
from assembler.law.courts import known_courts, load_court
from assembler.papers.render import docx_bytes, render_set
from assembler.papers.textview import text_view

SHERMAN = (EXAMPLES / "edtex-sherman.yaml").read_text(encoding="utf-8")
# the example's conference, as the answer file gives it (from its key to the next key of motion)
CONFERENCE = re.search(r"  conference:.*?\n(?=  response:|response:)", SHERMAN, re.S)
assert CONFERENCE is not None
WITHOUT = SHERMAN.replace(CONFERENCE.group(0), "")


def _in(court_id: str, text: str) -> str:
    """The Sherman example moved to ``court_id``: its number and no division."""
    court = load_court(court_id)
    return (
        text.replace("court: txed", f"court: {court_id}")
        .replace("4:24-cv-00933-ABC", court.case_number.examples[0])
        .replace("  consolidated: [4:24-cv-00934-ABC]", "")
        .replace("  division: Sherman\n", "")
    )


def _motion(tmp_path, text: str, name: str = "case.yaml") -> list[str]:
    """The motion ``text`` drafts, as the golden text view's lines."""
    matter = load_matter(write(tmp_path, name, text))
    (doc,) = render_set(matter, ["motion"])
    path = tmp_path / "motion.docx"
    path.write_bytes(docx_bytes(doc))
    return text_view(path).splitlines()


def _conference_warnings(matter) -> list[str]:
    return [
        w.message for w in advise(matter) if "requires counsel to confer" in w.message or "conference is" in w.message
    ]


# -- the profiles ----------------------------------------------------------------------------


@pytest.mark.parametrize("court_id", ["cacd", "txnd", "mad", "txed"])
def test_the_courts_the_issue_names_require_a_conference_with_their_rule_named(court_id):
    rule = load_court(court_id).conference
    assert rule.required.value is True
    assert rule.rule and rule.rule.split()[-1][:3] in rule.required.source


@pytest.mark.parametrize("court_id", known_courts())
def test_a_courts_conference_facts_are_sourced_and_agree(court_id):
    rule = load_court(court_id).conference
    for fact in (rule.required, rule.place, rule.content):
        assert fact.source.strip()
    if rule.required.value is None:
        assert rule.required.unverified  # unknown, and check lists it
        assert "conference.required" in load_court(court_id).unknown()
    if rule.required.value is False:  # nothing to place or say
        assert rule.place.value is None and rule.content.value is None
    if rule.content.known or rule.place.known:  # what to say and where, only where it is required
        assert rule.required.value is True


@pytest.mark.parametrize("court_id", known_courts())
def test_check_warns_of_a_missing_conference_exactly_where_the_profile_requires_one(tmp_path, court_id):
    matter = load_matter(write(tmp_path, "case.yaml", _in(court_id, WITHOUT)))
    warned = [w for w in advise(matter) if "requires counsel to confer" in w.message]
    required = load_court(court_id).conference.required.value is True
    assert bool(warned) == required
    if required:
        rule = load_court(court_id).conference
        assert (rule.rule or rule.required.source) in warned[0].message
        assert warned[0].field == "motion"


# -- the answers -----------------------------------------------------------------------------


def test_the_example_answers_silence_the_warning_and_a_later_date_is_warned(tmp_path):
    assert not _conference_warnings(load_matter(write(tmp_path, "a.yaml", SHERMAN)))
    late = SHERMAN.replace("    date: 2024-06-12\n", "    date: 2024-06-20\n")
    (warning,) = [w for w in advise(load_matter(write(tmp_path, "b.yaml", late))) if "conference is dated" in w.message]
    assert warning.field == "motion.conference.date" and "after the motion's filing on 2024-06-14" in warning.message


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("    position: opposes", "    position: not-reached"), "efforts: required"),
        (("    date: 2024-06-12\n", ""), "date: required"),
        (("    position: opposes", "    position: maybe"), "position"),
    ],
)
def test_an_incomplete_conference_is_one_sentence_with_its_line(tmp_path, change, said):
    path = write(tmp_path, "case.yaml", SHERMAN.replace(*change))
    with pytest.raises(AnswersError) as caught:
        load_matter(path)
    (problem,) = caught.value.problems
    assert said in str(problem) and problem.line is not None


def test_schema_describes_the_conference():
    result = subprocess.run([sys.executable, "-m", "assembler", "schema"], capture_output=True, text=True)
    schema = json.loads(result.stdout)
    conference = schema["$defs"]["Conference"]
    assert set(conference["properties"]) == {"position", "date", "manner", "participants", "reasons", "efforts"}
    assert "not-reached" in conference["properties"]["position"]["enum"]
    assert "conference" in schema["$defs"]["MotionPaper"]["properties"]


# -- the printed statement -------------------------------------------------------------------


def test_the_sherman_motion_ends_with_its_certificate_after_the_certificate_of_service(tmp_path):
    lines = _motion(tmp_path, SHERMAN)
    service = lines.index("[Heading 1] Certificate of Service")
    conference = lines.index("[Heading 1] Certificate of Conference")
    assert service < conference
    statement = lines[conference + 1]
    assert statement.startswith("[Body Text] I certify that on June 12, 2024, Jordan P. Lee, counsel for ")
    assert "and Casey R. Vance, counsel for Plaintiff, conferred by telephone, as Local Rule CV-7(h) requires" in (
        statement
    )
    assert "Lone Star opposes the motion. Agreement could not be reached because Lone Star maintains" in statement
    assert lines[conference + 2] == "[Signature] /s/ Jordan P. Lee"
    assert lines[conference + 2] == lines[-1]


def test_the_certificate_stays_whole_on_one_page(tmp_path):
    matter = load_matter(write(tmp_path, "case.yaml", SHERMAN))
    (doc,) = render_set(matter, ["motion"])
    paragraphs = doc.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == "Certificate of Conference")
    heading, statement = paragraphs[at], paragraphs[at + 1]
    assert heading.style.paragraph_format.keep_with_next  # Heading 1 keeps with the statement
    assert statement.paragraph_format.keep_with_next  # and the statement with its signature


@pytest.mark.parametrize(
    ("position", "extra", "says", "not_said"),
    [
        ("does-not-oppose", "", "Lone Star does not oppose the motion.", "opposes"),
        ("no-position", "", "Lone Star takes no position on the motion.", "oppose"),
        (
            "not-reached",
            "    efforts: >-\n      a call on June 10, 2024, and e-mails on June 10 and 11, 2024, none answered.\n",
            "I certify that I tried to confer with counsel for Lone Star, as Local Rule CV-7(h) requires, about the "
            "relief this motion seeks, and could not reach them: a call on June 10, 2024, and e-mails on June 10 "
            "and 11, 2024, none answered.",
            "conferred",
        ),
    ],
)
def test_the_statement_says_the_other_sides_position_and_no_more(tmp_path, position, extra, says, not_said):
    text = SHERMAN.replace("    position: opposes", f"    position: {position}\n{extra}".rstrip("\n"))
    text = re.sub(r"    reasons: >-\n(?:      .*\n)+", "", text)
    if position == "not-reached":  # no conference: no date, no participants to certify
        text = re.sub(r"    date: 2024-06-12\n    manner: by telephone\n    participants:\n(?:      - .*\n)+", "", text)
    lines = _motion(tmp_path, text)
    statement = lines[lines.index("[Heading 1] Certificate of Conference") + 1]
    assert says in statement
    assert not_said not in statement.replace(says, "")


def test_the_central_district_statement_is_in_the_motions_notice_in_its_rules_words(tmp_path):
    lines = _motion(tmp_path, _in("cacd", SHERMAN))
    statement = (
        "[Body Text] This motion is made following the conference of counsel pursuant to L.R. 7-3 "
        "which took place on June 12, 2024."
    )
    at = next(i for i, line in enumerate(lines) if line.startswith(statement))
    assert at < lines.index("[Paper Title] MEMORANDUM OF POINTS AND AUTHORITIES")
    assert "Certificate of Conference" not in "\n".join(lines)


def test_colorado_states_the_conference_in_the_body_before_the_signature(tmp_path):
    lines = _motion(tmp_path, _in("cod", SHERMAN))
    heading = lines.index("[Heading 1] Certificate of Conference")
    closing = next(i for i, line in enumerate(lines) if line.startswith("[Closing]"))
    assert lines.index("[Heading 1] Conclusion") < heading < closing
    assert "as D.C.COLO.LCivR 7.1(a) requires" in lines[heading + 1]


def test_no_conference_answered_prints_no_statement(tmp_path):
    assert not any("confer" in line and "I certify" in line for line in _motion(tmp_path, WITHOUT))


def test_check_of_the_example_passes_with_the_certificate_drafted():
    report = check(EXAMPLES / "edtex-sherman.yaml", ["motion"])
    assert report.ok, report.problems
    assert not [w for w in report.warnings if "requires counsel to confer" in w.message]
