"""Import, then confirm (#20, part 3): an imported docket's guesses on one screen, kept or
corrected one at a time, then only what drafting still needs, in the lawyer's order."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from interview_driver import ExampleUser
from test_interview_flow import interview

from assembler import check
from assembler.answers.reader import load_source
from assembler.cli import cli

DOCKETS = Path(__file__).resolve().parent / "fixtures" / "dockets"
needs_juriscraper = pytest.mark.skipif(
    __import__("importlib").util.find_spec("juriscraper") is None, reason="juriscraper (the pacer extra)"
)


def imported(tmp_path: Path, movant: str = "defendant") -> Path:
    out = tmp_path / "molina.yaml"
    result = CliRunner().invoke(
        cli, ["docket", "import", str(DOCKETS / "molina-nysd.html"), "-o", str(out), "--movant", movant]
    )
    assert result.exit_code == 0, result.output
    return out


def defendants_case(data: dict) -> dict:
    """What the defendants' lawyer means: they move against the order denying summary judgment
    (docket 53); the plaintiff's consent motion (docket 50) is not theirs, and theirs is not filed."""
    case = copy.deepcopy(data)
    rows = {row["number"]: row for row in case["docket"]}
    rows[50].pop("role", None)
    case["order"] = {"docket": 53, "date": rows[53]["date"], "title": rows[53]["title"]}
    rows[1]["background"] = "Plaintiff sued Defendants for injuries he says he suffered aboard a cruise.[[1]]"
    rows[40]["background"] = "Defendants moved for summary judgment and to preclude Plaintiff's expert.[[40]]"
    rows[53]["background"] = "the Court denied summary judgment and granted the motion to preclude.[[53]]"
    case["grounds"] = [
        {"id": "manifest-error", "fills": {"error": "it overlooked the expert's report"}},
        {"id": "change-in-law", "fills": {"authority": "The Court of Appeals has since decided the question."}},
    ]
    case["motion"] = {
        "filed": dt.date(2022, 10, 6),
        "relief": "reconsider its September 22, 2022 Order and grant summary judgment",
    }
    return case


def the_defendants(file: Path, drafts: Path, **more) -> ExampleUser:
    steps = iter(["role:motion", "order", "keep"])
    return ExampleUser(
        defendants_case(load_source(file).data),
        {
            "guesses": lambda prompt: next(steps),
            "guess:motion": None,
            "guess:order": lambda prompt: next(o.value for o in prompt.options if o.title.split()[0] == "53"),
            "draft": True,
            "documents": lambda prompt: [o.value for o in prompt.options if o.checked],
            "output": str(drafts),
            **more,
        },
    )


@needs_juriscraper
def test_the_guesses_come_first_on_one_screen_and_a_wrong_one_is_corrected(tmp_path):
    file = imported(tmp_path)
    assert "# guessed" in file.read_text(encoding="utf-8")
    user = the_defendants(file, tmp_path / "drafts")
    outcome = interview(file, user)

    first = user.log[0][0]
    assert first.key == "guesses" and first.default == "role:motion"  # the doubt is offered first
    screen = user.said[user.said.index("\n[what the docket import guessed: check each]") :][:14]
    assert screen[1].startswith("  the challenged order   docket 49, 2022-09-20: ORDER denying 48")
    assert screen[2].startswith(
        "  the motion             docket 50, 2022-09-21, filed by plaintiff: CONSENT MOTION for Reconsideration"
    )
    assert screen[3] == "    ! filed by the plaintiff, and the movant is the defendants: is this their motion?"
    assert screen[4:6] == ["  the response           none found", "  the reply              none found"]
    filers = next(line for line in screen if line.startswith("    court "))
    assert filers.startswith("    court      10-12, 14, 19, ") and ", 49, 52-55," in filers
    # the plaintiff's consent motion taken for the defendants' motion: corrected there
    text = file.read_text(encoding="utf-8")
    data = load_source(file).data
    assert "# guessed" not in text and text.startswith("# Imported from molina-nysd.html")
    assert data["order"] == {
        "docket": 53,
        "date": dt.date(2022, 9, 22),
        "title": "ORDER denying 40 Motion for Summary Judgment; granting 40 Motion to Preclude",
    }
    assert not any(row.get("role") for row in data["docket"])
    assert data["motion"]["filed"] == dt.date(2022, 10, 6)  # the guess went with the motion's entry

    # then only what drafting still needs, the rule first (the grounds depend on it)
    after = [p.key for p, _ in user.log if not p.key.startswith("guess")]
    assert after == [
        "motion.rule",
        "pick:grounds",
        "more:grounds",
        "grounds.0.summary",
        "grounds.0.fills.error",  # the library texts' blanks only the lawyer can fill
        "grounds.1.summary",
        "grounds.1.fills.authority",
        "add:grounds",
        "background:docket",
        "docket.0.background",
        "docket.38.background",
        "docket.51.background",
        "motion.relief",
        "motion.filed",
        "review",
        "draft",
        "documents",
        "output",
    ]
    background = next(p for p, _ in user.log if p.key == "docket.51.background")
    assert background.message.startswith("docket entry 53: ")
    assert (
        "  not drafted yet: response in opposition, reply in support, proposed order granting, proposed "
        "order denying (they wait for the motion to be on the docket)" in user.said
    )
    assert [p.name for p in outcome.drafts] == ["notice.docx", "motion.docx"]
    assert len(user.log) < 40


@needs_juriscraper
def test_keeping_every_guess_is_one_answer_and_takes_every_mark_off(tmp_path):
    file = imported(tmp_path, "plaintiff")
    before = load_source(file).data
    comments = [line for line in file.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    relief = {
        "motion.relief": "reconsider its September 20, 2022 Order and adjourn the conference",
        "review": KeyboardInterrupt,
    }
    user = ExampleUser(before, relief)
    with pytest.raises(KeyboardInterrupt):
        interview(file, user)
    assert [p.key for p, _ in user.log][:1] == ["guesses"] and user.log[0][1] == "keep"
    assert sum(1 for p, _ in user.log if p.key.startswith("guess")) == 1
    text = file.read_text(encoding="utf-8")
    assert "# guessed" not in text
    assert [line for line in text.splitlines() if line.startswith("#")] == comments
    after = load_source(file).data
    for key in ("court", "case", "parties", "order", "movant", "counsel"):
        assert after[key] == before[key], key
    assert [row["filed_by"] for row in after["docket"]] == [row["filed_by"] for row in before["docket"]]
    # the entries come first among what drafting needs: the response, then its date
    asked = [p.key for p, _ in user.log]
    assert asked.index("role:response") < asked.index("background:docket") < asked.index("motion.relief")

    again = ExampleUser(before, relief)  # resumed: no screen again
    with pytest.raises(KeyboardInterrupt):
        interview(file, again)
    assert not any(p.key.startswith("guess") for p, _ in again.log)


@needs_juriscraper
def test_filers_and_the_signature_lines_are_corrected_one_at_a_time(tmp_path):
    file = imported(tmp_path)
    steps = iter(["filers", "represents:opponent", "keep"])
    user = ExampleUser(
        load_source(file).data,
        {
            "guesses": lambda prompt: next(steps),
            "guess:filers": lambda prompt: [o.value for o in prompt.options if o.title.split()[0] == "51"],
            "guess:docket.49.filed_by": "court",
            "counsel.opponent.represents": "Attorney for Plaintiff",
            "motion.rule": KeyboardInterrupt,
        },
    )  # the first question after the guesses
    with pytest.raises(KeyboardInterrupt):
        interview(file, user)
    data = load_source(file).data
    assert next(row for row in data["docket"] if row["number"] == 51)["filed_by"] == "court"
    assert data["counsel"]["opponent"]["represents"] == "Attorney for Plaintiff"
    assert "# guessed" not in file.read_text(encoding="utf-8")


def test_check_refuses_a_motion_filed_before_the_order_it_challenges(tmp_path):
    from conftest import EXAMPLES

    text = (EXAMPLES / "acme-nysd.yaml").read_text(encoding="utf-8")
    file = tmp_path / "case.yaml"
    # the motion (docket 15) dated before the order (docket 12, June 5, 2024)
    file.write_text(re.sub(r"(- number: 15\n    date:) 2024-06-20", r"\1 2024-06-01", text), encoding="utf-8")
    report = check(file)
    assert any(
        problem.endswith(
            "docket.3.role: the motion, docket 15, was filed on 2024-06-01, before the "
            "challenged order (docket 12, 2024-06-05); a motion cannot challenge an order "
            "not yet entered: check which entry is the motion and which the order"
        )
        for problem in report.problems
    ), report.problems
