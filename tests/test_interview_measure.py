"""How many prompts a lawyer answers (#20): counted with the scripted user, from nothing (or from
an imported docket) to drafted papers.  The figures are upper bounds, so that a question added
on purpose moves them knowingly; each test says what it counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES
from interview_driver import ExampleUser
from test_interview_flow import interview
from test_interview_import import imported, needs_juriscraper, the_defendants

from assembler.answers.reader import load_source

# 167 prompts before #20's parts 3, 5 and 6, counted the same way; 111 after (a few to spare)
# 117 before the parties' descriptions, parties of other roles and the caption's form went behind one
# question (113 after), and before a "more" group of three or more fields asked which of them rather
# than yes-then-every-one; 107 today
NEW_CASE = 110
# 105 prompts before, and no papers: the old interview could not draft the motion alone; 23 now
# (5 of them the guesses' screen and its two corrections), as before the suggested chronology
IMPORTED = 25


def drafting(tmp_path: Path) -> dict:
    return {
        "draft": True,
        "documents": lambda prompt: [o.value for o in prompt.options if o.checked],
        "output": str(tmp_path / "drafts"),
    }


def test_a_new_case_of_six_entries_and_two_grounds_to_its_drafted_papers(tmp_path):
    """acme-nysd (six docket entries, two grounds, the opposition's two, both proposed orders),
    every prompt from an empty file to the six drafted papers (notice of motion included)."""
    user = ExampleUser(load_source(EXAMPLES / "acme-nysd.yaml").data, drafting(tmp_path))
    outcome = interview(tmp_path / "case.yaml", user)
    assert len(outcome.drafts) == 6
    assert len(user.log) <= NEW_CASE, len(user.log)


@needs_juriscraper
def test_an_imported_docket_to_the_motions_drafted_papers(tmp_path):
    """The S.D.N.Y. docket imported with --movant defendant: the wrong motion guess corrected, the
    order corrected, then what the notice and the memorandum need, to the two drafted papers."""
    file = imported(tmp_path)
    user = the_defendants(file, tmp_path / "drafts")
    outcome = interview(file, user)
    assert [p.name for p in outcome.drafts] == ["notice.docx", "motion.docx"]
    assert len(user.log) <= IMPORTED, len(user.log)


@pytest.mark.parametrize("name", ["cp-productions", "rule-59e-judgment"])
def test_other_examples_take_fewer_prompts_than_before(tmp_path, name):
    before = {"cp-productions": 229, "rule-59e-judgment": 155}  # counted at the branch's start
    user = ExampleUser(load_source(EXAMPLES / f"{name}.yaml").data, drafting(tmp_path))
    outcome = interview(tmp_path / "case.yaml", user)
    assert outcome.drafts and len(user.log) < before[name] * 0.85, len(user.log)  # 173 and 113 now
