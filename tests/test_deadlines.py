"""FRCP 6(a) deadlines: table-driven, across courts, rules and roll-overs."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, write

from assembler import load_matter
from assembler import packaged as data_files
from assembler.checks import check
from assembler.cli import cli, main
from assembler.errors import DataError
from assembler.law import legal_days
from assembler.law.advice import advise
from assembler.law.courts import load_court
from assembler.law.deadlines import DeadlineError, FederalLimits, compute, federal_limits

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
    ("wawd", "local", "2021-11-11", "2021-11-29", "Thanksgiving, then the day after (a WA holiday), then a weekend"),
    ("wawd", "local", "2024-11-14", "2024-11-29", "WA's list not verified for 2024: Thanksgiving only"),
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


def test_state_holiday_roll_over_is_flagged_with_the_safe_day():
    result = compute(load_court("nysd"), D("2024-01-29"))
    assert result.safe_last_day == D("2024-02-12")
    assert any("Lincoln's Birthday (N.Y. Gen. Constr. Law § 24" in r.reason for r in result.rollovers)
    (caution,) = [line for line in result.explain() if line.startswith("Caution:")]
    assert "2024-02-12 under N.Y. Gen. Constr. Law § 24" in caution and "2024-02-12 (Monday), the safe day" in caution


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
    data = json.loads(CliRunner().invoke(cli, ["deadline", "--court", "azd", "--from", "2024-06-05", "--json"]).output)
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
    report = check(write(tmp_path, "case.yaml", text.replace("    role: response-order\n", "")), draft=False)
    (warning,) = [w for w in report.warnings if "only when the court orders a response" in w.message]
    assert warning.field == "opposition" and warning.line is not None
    assert "(Civil L.R. 7-9(d)), and no docket entry has role: response-order" in warning.message


def test_a_59e_response_is_not_warned_where_only_local_motions_need_an_order(tmp_path):
    # E.D. Mich. LR 7.1(h)(3) bars an unordered response to a motion under that rule, not to a
    # Rule 59(e) motion: the habeas example's response is drafted without a response-order entry
    text = (EXAMPLES / "habeas-2254.yaml").read_text(encoding="utf-8")
    assert "    role: response-order\n" in text
    report = check(write(tmp_path, "case.yaml", text.replace("    role: response-order\n", "")), draft=False)
    assert not [w for w in report.warnings if "orders a response" in w.message]
    assert "response" in report.documents and not report.notes


def test_check_warns_when_leave_is_required_but_not_sought(tmp_path):
    text = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8").replace(*CAND)
    matter = load_matter(
        write(tmp_path, "c.yaml", text.replace("motion:\n  filed:", "motion:\n  leave: false\n  filed:"))
    )
    assert any(w.field == "motion.leave" and "requires leave" in w.message for w in advise(matter))


def test_check_is_the_pre_flight_of_render_for_a_court_without_profile(tmp_path):
    text = (
        (EXAMPLES / "doe-defendant.yaml")
        .read_text(encoding="utf-8")
        .replace(*CAND)
        .replace("court: cand", "court: ndd")
        .replace("3:24-cv", "1:24-cv")
    )
    path = write(tmp_path, "ndd.yaml", text)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1  # render would refuse it, so check does
    assert "warning:" in result.output and "ndd has no profile of its own" in result.output
    assert "cannot be drafted" in result.output and "write motion.standard" in result.output
    path.write_text(
        text.replace(
            "motion:\n",
            "motion:\n  standard: The Court may revise an interlocutory order at any time before judgment.\n",
            1,
        )
    )
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "ndd has no profile of its own" in result.output


# -- legal holidays as sourced data (data/holidays.yaml) ------------------------------
CLOSURES = [
    # the closed day, trigger (14 days before, LRCiv 7.2(g)), last day, order
    ("2012-12-24", "2012-12-10", "2012-12-26", "Executive Order 13633"),  # then Christmas
    ("2014-12-26", "2014-12-12", "2014-12-29", "Executive Order 13682"),  # then a weekend
    ("2018-12-05", "2018-11-21", "2018-12-06", "Executive Order 13852"),
    ("2018-12-24", "2018-12-10", "2018-12-26", "Executive Order 13854"),
    ("2019-12-24", "2019-12-10", "2019-12-26", "Executive Order 13900"),
    ("2020-12-24", "2020-12-10", "2020-12-28", "Executive Order 13965"),  # Christmas, a weekend
    ("2024-12-24", "2024-12-10", "2024-12-26", "Executive Order 14129"),
    ("2025-01-09", "2024-12-26", "2025-01-10", "Executive Order 14133"),
    ("2025-12-24", "2025-12-10", "2025-12-29", "Executive Order 14371"),  # 25th, closed 26th, weekend
    ("2025-12-26", "2025-12-12", "2025-12-29", "Executive Order 14371"),
]


@pytest.mark.parametrize("closed, trigger, last, order", CLOSURES, ids=[c[0] for c in CLOSURES])
def test_a_day_the_president_closed_is_a_legal_holiday(closed, trigger, last, order):
    result = compute(load_court("azd"), D(trigger))
    assert result.raw_last_day == D(closed)
    assert result.last_day == D(last) and result.safe_last_day == D(closed)
    assert [r.date for r in result.rests_on if r.kind == "closure"][0] == D(closed)
    assert order in result.rests_on[0].basis and "FRCP 6(a)(6)(B)" in result.rests_on[0].basis


def test_every_stored_closure_is_a_weekday_since_2009_with_its_order():
    closures = legal_days.data().closures
    assert [c.date for c in closures] == sorted(c.date for c in closures)
    for closure in closures:
        assert closure.date >= dt.date(2009, 12, 1) and closure.date.weekday() < 5, closure
        assert re.fullmatch(r"Executive Order \d{5}", closure.order) and closure.source, closure


STATE_ROLLS = [
    # court, rule, trigger, safe day (the state's holiday), last day, statute named
    ("nysd", "local", "2024-01-29", "2024-02-12", "2024-02-13", "N.Y. Gen. Constr. Law § 24"),
    ("nysd", "59e", "2023-10-10", "2023-11-07", "2023-11-08", "N.Y. Gen. Constr. Law § 24"),  # Election Day
    ("cacd", "local", "2024-03-17", "2024-04-01", "2024-04-02", "Cal. Gov't Code §§ 6700, 6701"),
    ("casd", "59e", "2024-03-27", "2024-04-24", "2024-04-25", "Cal. Gov't Code §§ 6700, 6701"),
    ("txnd", "59e", "2025-03-24", "2025-04-21", "2025-04-22", "Tex. Gov't Code § 662.003(b)(3)"),
    ("txnd", "59e", "2023-11-28", "2023-12-26", "2023-12-27", "not a legal holiday under § 662.021"),
    ("mad", "59e", "2023-03-20", "2023-04-17", "2023-04-18", "Mass. Gen. Laws ch. 4, § 7"),
    ("nvd", "59e", "2023-09-29", "2023-10-27", "2023-10-30", "NRS 236.015"),
    ("dcd", "59e", "2021-03-19", "2021-04-16", "2021-04-19", "D.C. Code §§ 28-2701, 1-612.02"),
    ("wawd", "local", "2021-11-12", "2021-11-26", "2021-11-29", "RCW 1.16.050(1)"),
]


@pytest.mark.parametrize(
    "court_id, rule, trigger, safe, last, statute", STATE_ROLLS, ids=[f"{c[0]} {c[3]}" for c in STATE_ROLLS]
)
def test_a_state_holiday_rolls_with_its_statute_and_the_safe_day(court_id, rule, trigger, safe, last, statute):
    result = compute(load_court(court_id), D(trigger), rule)
    assert (result.safe_last_day, result.last_day) == (D(safe), D(last))
    assert result.rests_on and all(r.kind == "state" for r in result.rests_on)
    assert result.rests_on[0].date == D(safe) and statute in result.rests_on[0].basis
    assert not any(line.startswith("Not verified") for line in result.explain())


UNVERIFIED = [
    # court, rule, trigger, last day (no state day counted), the day the package would give
    ("cacd", "local", "2026-03-17", "2026-03-31", "2026-04-01"),  # CA verified to 2025: Cesar Chavez Day 2026
    ("wawd", "local", "2024-11-14", "2024-11-29", "2024-12-02"),  # WA verified 2014-2021
    ("flmd", "59e", "2024-11-01", "2024-11-29", "2024-12-02"),  # FL's statute not read
]


@pytest.mark.parametrize("court_id, rule, trigger, last, package_day", UNVERIFIED, ids=[c[0] for c in UNVERIFIED])
def test_an_unverified_state_counts_no_state_day_and_says_so(court_id, rule, trigger, last, package_day):
    result = compute(load_court(court_id), D(trigger), rule)
    assert result.last_day == result.safe_last_day == D(last) and not result.rests_on
    notes = [line for line in result.explain() if line.startswith("Not verified")]
    assert notes[0].startswith(f"Not verified: the state holidays of {load_court(court_id).state}")
    assert f"the last day is {package_day}" in notes[1]


INAUGURATION = [
    # court, last day for a 59(e) motion on a judgment of 2020-12-23 (raw last day: Wed 2021-01-20)
    ("dcd", "2021-01-21"),
    ("azd", "2021-01-20"),
    ("nysd", "2021-01-20"),
    ("mdd", "2021-01-20"),  # Greenbelt is in the § 6103(c) area; the district is not
]


@pytest.mark.parametrize("court_id, last", INAUGURATION, ids=[c[0] for c in INAUGURATION])
def test_inauguration_day_is_a_holiday_only_in_the_district_of_columbia(court_id, last):
    result = compute(load_court(court_id), D("2020-12-23"), "59e")
    assert result.last_day == result.safe_last_day == D(last)
    inaugurated = [r for r in result.rollovers if "Inauguration Day" in r.reason]
    assert bool(inaugurated) == (court_id == "dcd")
    if inaugurated:
        assert "5 U.S.C. § 6103(c)" in inaugurated[0].reason
    assert any("Greenbelt" in line for line in result.explain()) == (court_id == "mdd")


def test_inauguration_day_on_a_sunday_is_kept_on_the_monday():
    assert legal_days.inauguration_days(range(2012, 2030)) == [
        D("2013-01-21"),
        D("2017-01-20"),
        D("2021-01-20"),
        D("2025-01-20"),
        D("2029-01-20"),
    ]  # a Saturday: not moved


def test_acceptance_the_carter_closure_through_the_cli(capsys):
    main(["deadline", "--court", "azd", "--from", "2024-12-26"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "2025-01-10"
    assert any("Executive Order 14133" in line and "2025-01-09" in line for line in lines)
    assert any(line.startswith("Caution:") and "2025-01-09 (Thursday), the safe day" in line for line in lines)
    main(["deadline", "--court", "azd", "--from", "2024-12-26", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert (data["last_day"], data["safe_last_day"]) == ("2025-01-10", "2025-01-09")
    assert data["rests_on"][0]["kind"] == "closure" and "14133" in data["rests_on"][0]["basis"]


# -- check: a 59(e) motion on time only by a state-holiday or closure roll ----------------
JUDGMENT_59E = [
    # court, judgment entered, motion filed, warning expected ("rolled", "late" or None)
    ("nysd", "2024-01-15", "2024-02-12", None),  # the safe day: Lincoln's Birthday itself
    ("nysd", "2024-01-15", "2024-02-13", "rolled"),  # on time only by the NY roll
    ("nysd", "2024-01-15", "2024-02-14", "late"),
    ("azd", "2024-12-12", "2025-01-10", "rolled"),  # on time only by the Carter closure
    ("azd", "2024-12-12", "2025-01-09", None),
]
CASE_NUMBERS = {"nysd": "1:24-cv-01234 (ABC)", "azd": "2:24-cv-01234-PHX-ABC"}


@pytest.mark.parametrize(
    "court_id, entered, filed, expected", JUDGMENT_59E, ids=[f"{c[0]} {c[2]}" for c in JUDGMENT_59E]
)
def test_check_warns_of_a_59e_motion_saved_only_by_a_holiday_roll(tmp_path, court_id, entered, filed, expected):
    text = (
        (EXAMPLES / "rule-59e-judgment.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "court: azd\ncase:\n  number: 2:24-cv-01234-PHX-ABC",
            f"court: {court_id}\ncase:\n  number: {CASE_NUMBERS[court_id]}",
        )
        .replace("2024-09-03", entered)
        .replace("2024-09-24", filed)  # the motion: its filing date and its docket entry's
    )
    warnings = [w.message for w in advise(load_matter(write(tmp_path, "c.yaml", text))) if w.field == "motion.filed"]
    if expected is None:
        assert warnings == []
    elif expected == "late":
        assert len(warnings) == 1 and "after the last day under Fed. R. Civ. P. 59(e)" in warnings[0]
    else:
        (warning,) = warnings
        assert f"is filed on {filed}" in warning and "Fed. R. Civ. P. 6(b)(2)" in warning
        assert "does not toll the time to appeal (Fed. R. App. P. 4(a)(4)(A))" in warning
        kind = "a state holiday" if court_id == "nysd" else "a day the President closed"
        assert kind in warning and "file by " in warning


# -- the schemas of the data files ----------------------------------------------------
DATA_FILES = [
    # file, loader, a typo, the key the error names
    (
        "holidays.yaml",
        legal_days.Holidays,
        ("    order: Executive Order 13633\n", "    ordr: Executive Order 13633\n"),
        "closures.0.order",
    ),
    (
        "holidays.yaml",
        legal_days.Holidays,
        ("rule: 3rd Monday of April", "rule: 3rd Munday of April"),
        "states.MA.holidays.0.rule",
    ),
    ("federal-deadlines.yaml", FederalLimits, ("  days: 28\n", "  dayz: 28\n"), "59e"),
    ("federal-deadlines.yaml", FederalLimits, ("  rule: Fed. R. Civ. P. 60(c)(1)\n", ""), "60b.rule"),
]


@pytest.mark.parametrize("name, model, typo, key", DATA_FILES, ids=[f"{d[0]} {d[3]}" for d in DATA_FILES])
def test_a_typo_in_a_data_file_is_one_sentence_naming_file_and_key(name, model, typo, key):
    text = (resources.files("assembler") / "data" / name).read_text(encoding="utf-8")
    assert data_files.parse(name, text, model) is not None  # the shipped file passes its schema
    assert typo[0] in text
    with pytest.raises(DataError) as error:
        data_files.parse(name, text.replace(typo[0], typo[1], 1), model)
    message = str(error.value)
    assert message.startswith(f"data/{name}: {key}") and "\n" not in message


def test_the_packaged_data_files_load():
    assert set(federal_limits()) == {"59e", "60b"} and federal_limits()["59e"].days == 28
    holidays = legal_days.data()
    assert holidays.inauguration.courts == ("dcd",)
    verified = {state for state, record in holidays.states.items() if record.years is not None}
    assert verified == {"CA", "NY", "TX", "MA", "NV", "WA", "DC"}
    for state in verified:  # every rule of a verified list computes in every year it covers
        record = holidays.states[state]
        days = legal_days.state_days(state, range(record.years[0], record.years[1] + 1))
        assert days.days and not days.unverified, state


COUNT_TWICE = (
    "import sys; from assembler.law.legal_days import package_days; "
    "print(sorted((d.isoformat(), n) for d, n in package_days('US', range(2020, 2022), 'AZ').items())); "
    "print(package_days('US', range(2020, 2022), 'XX')); "
    "print('holidays' in sys.modules)"
)


def test_the_holidays_packages_days_are_kept_for_the_next_run_and_are_the_same(tmp_path):
    """The ``holidays`` package costs a fifth of a second to import: its days are kept in the user's
    cache (by its version), and a run that finds them there gives the same days without it."""
    import os
    import subprocess
    import sys

    import holidays

    env = {**os.environ, "ASSEMBLER_CACHE": str(tmp_path / "cache")}
    runs = [
        subprocess.run([sys.executable, "-c", COUNT_TWICE], capture_output=True, text=True, check=True, env=env)
        for _ in range(2)
    ]
    first, again = (r.stdout.splitlines() for r in runs)
    direct = holidays.US(subdiv="AZ", years=range(2020, 2022), observed=True)
    assert first[0] == again[0] == str(sorted((d.isoformat(), n) for d, n in direct.items()))
    assert first[1] == again[1] == "None"  # a subdivision the package does not know, also kept
    assert (first[2], again[2]) == ("True", "False")
