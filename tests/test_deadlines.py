"""FRCP 6(a) deadlines: table-driven, across courts, rules and roll-overs."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, write

from assembler import load_matter
from assembler.law.advice import advise
from assembler.cli import cli
from assembler.law.courts import load_court
from assembler.law.deadlines import DeadlineError, compute

D = dt.date.fromisoformat

CASES = [
    # court, rule, trigger, last day, why
    ("azd", "local", "2024-06-03", "2024-06-17", "plain: 14 days to a Monday"),
    ("azd", "local", "2024-06-01", "2024-06-17", "weekend: day 14 is a Saturday"),
    ("azd", "local", "2024-06-02", "2024-06-17", "weekend: day 14 is a Sunday"),
    ("azd", "local", "2024-06-05", "2024-06-20", "federal holiday: Juneteenth, a Wednesday"),
    ("azd", "local", "2024-12-11", "2024-12-26", "federal holiday: Christmas"),
    ("azd", "local", "2024-12-18", "2025-01-02", "year-end: New Year's Day"),
    ("azd", "local", "2026-06-19", "2026-07-06", "observed: July 4 on a Saturday, observed Friday July 3"),
    ("nysd", "local", "2027-06-04", "2027-06-21", "observed: Juneteenth 2027 on a Saturday, observed Friday"),
    ("nysd", "local", "2027-12-17", "2028-01-03", "year-end observed: Christmas observed Fri Dec 24, 2027"),
    ("nysd", "local", "2024-01-29", "2024-02-13", "state holiday: Lincoln's Birthday (NY)"),
    ("cacd", "local", "2024-03-17", "2024-04-02", "state holiday: Cesar Chavez Day observed (CA), after a Sunday"),
    ("casd", "local", "2024-10-28", "2024-11-25", "28 days, no roll-over"),
    ("wawd", "local", "2024-11-14", "2024-12-02", "Thanksgiving, then the day after (a WA holiday), then a weekend"),
    ("njd", "local", "2024-05-13", "2024-05-28", "federal holiday: Memorial Day"),
    ("paed", "local", "2024-08-19", "2024-09-03", "federal holiday: Labor Day"),
    ("ohnd", "59e", "2025-12-04", "2026-01-02", "59(e): 28 days to New Year's Day"),
    ("txnd", "59e", "2024-10-16", "2024-11-13", "59(e): 28 days, a Wednesday"),
    ("ilnd", "59e", "2024-10-14", "2024-11-12", "59(e): Veterans Day on the 28th day"),
    ("dcd", "60b", "2024-07-04", "2025-07-07", "60(c)(1): a year later is a Friday holiday, then a weekend"),
    ("cand", "60b", "2024-02-29", "2025-02-28", "60(c)(1): from February 29"),
]


@pytest.mark.parametrize("court_id, rule, trigger, expected, why", CASES, ids=[c[4] for c in CASES])
def test_last_day(court_id, rule, trigger, expected, why):
    assert compute(load_court(court_id), D(trigger), rule).last_day == D(expected)


def test_state_holiday_roll_over_is_flagged_with_the_federal_only_day():
    result = compute(load_court("nysd"), D("2024-01-29"))
    assert result.federal_last_day == D("2024-02-12")
    assert any("Lincoln's Birthday (NY" in r.reason for r in result.rollovers)
    assert any(line.startswith("Caution: counting federal holidays only") for line in result.explain())


@pytest.mark.parametrize("court_id", ["cand", "caed", "dcd", "ilnd", "ohnd"])
def test_court_without_a_fixed_local_deadline_says_so(court_id):
    with pytest.raises(DeadlineError, match="fixes no deadline"):
        compute(load_court(court_id), D("2024-06-05"), "local")


def test_deadline_command_explains_and_ends_with_the_date():
    result = CliRunner().invoke(cli, ["deadline", "--court", "azd", "--from", "2024-06-05", "--rule", "local"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[-1] == "2024-06-20"
    assert any("2024-06-05 (Wednesday)" in line and "not counted" in line for line in lines)
    assert any("Juneteenth" in line for line in lines)
    data = json.loads(CliRunner().invoke(
        cli, ["deadline", "--court", "azd", "--from", "2024-06-05", "--json"]).output)
    assert data["last_day"] == "2024-06-20" and data["raw_last_day"] == "2024-06-19"
    assert data["rollovers"][0]["date"] == "2024-06-19"


def test_59e_is_not_extendable():
    text = "\n".join(compute(load_court("azd"), D("2024-06-05"), "59e").explain())
    assert "must not extend" in text and "FRCP 6(b)(2)" in text


# -- check's warnings ----------------------------------------------------------------
def _case(tmp_path, old: str, new: str, example: str = "doe-defendant"):
    text = (EXAMPLES / f"{example}.yaml").read_text(encoding="utf-8")
    assert old in text
    return load_matter(write(tmp_path, "case.yaml", text.replace(old, new)))


def test_check_warns_of_a_late_motion(tmp_path):
    matter = _case(tmp_path, "  filed: 2024-06-05", "  filed: 2024-06-10")
    (late,) = [w for w in advise(matter) if w.field == "motion.filed"]
    assert "after the last day under LRCiv 7.2(g), 2024-06-05" in late.message
    assert late.line is not None
    on_time = load_matter(EXAMPLES / "doe-defendant.yaml")
    assert not [w for w in advise(on_time) if w.field == "motion.filed"]


CAND = ("court: azd\ncase:\n  number: 2:24-cv-01234-PHX-ABC", "court: cand\ncase:\n  number: 3:24-cv-01234-ABC")


def test_check_warns_of_a_response_the_court_did_not_order(tmp_path):
    text = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8").replace(*CAND)
    matter = load_matter(write(tmp_path, "case.yaml", text.replace("    role: response-order\n", "")))
    assert any("allows a response only when the court orders one" in w.message for w in advise(matter))


def test_check_warns_when_leave_is_required_but_not_sought(tmp_path):
    text = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8").replace(*CAND)
    matter = load_matter(write(tmp_path, "c.yaml", text.replace("motion:\n  filed:", "motion:\n  leave: false\n  filed:")))
    assert any(w.field == "motion.leave" and "requires leave" in w.message for w in advise(matter))


def test_check_is_the_pre_flight_of_render_for_a_court_without_profile(tmp_path):
    text = ((EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8")
            .replace(*CAND).replace("court: cand", "court: ohnd").replace("3:24-cv", "1:24-cv"))
    path = write(tmp_path, "ohnd.yaml", text)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1  # render would refuse it, so check does
    assert "warning:" in result.output and "ohnd has no profile of its own" in result.output
    assert "cannot be drafted" in result.output and "write motion.standard" in result.output
    path.write_text(text.replace("motion:\n", "motion:\n  standard: The Court may revise an "
                                 "interlocutory order at any time before judgment.\n", 1))
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "ohnd has no profile of its own" in result.output
