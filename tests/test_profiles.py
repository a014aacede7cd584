"""Every court profile, checked from its own data and its research notes.

The courts come from the package (``known_courts()``) and the notes folder
(``data/courts/research/<id>.md``), never from a list kept here: a new profile
is tested the day it is added.  A note's "Case numbers" lines say which real
numbers the court's forms must take (``- accepts `...```) and which other
courts' real numbers they must refuse (``- refuses `...```).
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from assembler.law.courts import known_courts, load_court

RESEARCH = Path(str(resources.files("assembler") / "data" / "courts" / "research"))
NOTES = sorted(p.stem for p in RESEARCH.glob("*.md") if p.stem != "README")
LINE = re.compile(r"^- (accepts|refuses) `([^`]+)`", re.M)


def _numbers(court_id: str) -> dict[str, list[str]]:
    text = (RESEARCH / f"{court_id}.md").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {"accepts": [], "refuses": []}
    for verb, number in LINE.findall(text):
        out[verb].append(number)
    return out


@pytest.mark.parametrize("court_id", known_courts())
def test_every_figure_has_a_source_or_is_unknown_with_a_reason(court_id):
    court = load_court(court_id)
    for name, fact in court.facts().items():
        assert fact.source.strip(), f"{court_id}: {name} has no source"
        if fact.source.startswith("UNVERIFIED"):
            assert fact.value is None, f"{court_id}: {name} is UNVERIFIED but has a value"
            assert len(fact.source) > len("UNVERIFIED"), f"{court_id}: {name}: say why it is unverified"
        if fact.value is not None:
            assert "UNVERIFIED" not in fact.source.split("(")[0], f"{court_id}: {name}"
    # the quoted flag only where there is a standard to quote, and never over a paraphrase
    recon = court.reconsideration
    if recon.standard_quoted:
        assert recon.standard.known and "paraphrased" not in recon.standard.source
    if recon.days.known:
        assert recon.trigger.known, f"{court_id}: a deadline needs its trigger"


@pytest.mark.parametrize("court_id", known_courts())
def test_every_case_number_example_fits_its_court(court_id):
    rule = load_court(court_id).case_number
    assert rule.source.strip()
    for example in rule.examples:
        assert rule.accepts(example), f"{court_id}: its own example {example!r}"


def test_every_research_note_belongs_to_a_profile():
    assert set(NOTES) <= set(known_courts())


@pytest.mark.parametrize("court_id", NOTES)
def test_case_number_forms_take_the_courts_real_numbers_and_refuse_others(court_id):
    numbers = _numbers(court_id)
    assert numbers["accepts"], f"research/{court_id}.md records no real number of the court"
    assert numbers["refuses"], f"research/{court_id}.md records no other court's number to refuse"
    rule = load_court(court_id).case_number
    for number in numbers["accepts"]:
        assert rule.accepts(number), f"{court_id} refuses its own real number {number!r}"
    for number in numbers["refuses"]:
        assert not rule.accepts(number), f"{court_id} takes another court's number {number!r}"


@pytest.mark.parametrize("court_id", NOTES)
def test_the_profile_names_its_notes(court_id):
    text = resources.files("assembler").joinpath("data", "courts", f"{court_id}.yaml").read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines()[:12] if line.startswith("#"))
    assert f"research/{court_id}.md" in header, f"{court_id}.yaml: its opening comment names the notes"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assembler", *args], capture_output=True, text=True)


def test_mied_deadline_counts_14_days_under_lr_7_1_h():
    result = run("deadline", "--court", "mied", "--from", "2024-06-05")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith("Rule: E.D. Mich. LR 7.1(h): 14 days after entry of the order")
    assert "ends on 2024-06-19 (Wednesday)" in result.stdout
    assert "Juneteenth" in result.stdout  # June 19 is a legal holiday: the period runs a day more
    assert lines[-1] == "2024-06-20"


MIED = """\
schema_version: 1
court: mied
case:
  number: 2:24-cv-11234
  division: Southern
parties:
  plaintiffs: [{name: "Example Films, LLC", short_name: Example Films}]
  defendants: [{name: John Doe}]
movant: {name: Defendant John Doe, short_name: Defendant, party: true, side: defendant}
order:
  docket: 10
  date: 2024-06-05
  title: Order Granting Plaintiff's Motion for Leave to Serve a Third-Party Subpoena
docket:
  - number: 10
    date: 2024-06-05
    filed_by: court
    title: Order Granting Plaintiff's Motion for Leave to Serve a Third-Party Subpoena
    background: The Court granted Example Films leave to subpoena Defendant's provider.[[10]]
  - {number: 12, date: FILED, filed_by: defendant, title: Motion for Reconsideration, role: motion}
grounds:
  - id: manifest-error
    fills: {error: it read the wrong version of the rule}
motion:
  filed: FILED
  relief: vacate its June 5, 2024 Order
counsel:
  movant:
    represents: Attorney for Defendant John Doe
    attorneys:
      - name: Pat A. Lawyer
        bar_number: P12345
        address: [100 Main Street, "Detroit, Michigan 48226"]
        email: pat@lawyer.example
        phone: (313) 555-0123
"""


@pytest.mark.parametrize("filed, late", [("2024-06-20", False), ("2024-06-21", True)])
def test_mied_check_names_lr_7_1_h_and_its_14_days(tmp_path, filed, late):
    path = tmp_path / "mied.yaml"
    path.write_text(MIED.replace("FILED", filed), encoding="utf-8")
    result = run("check", "--documents", "motion", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout + result.stderr
    warning = (
        "after the last day under E.D. Mich. LR 7.1(h), 2024-06-20 (14 days after entry of "
        "the order, counted from 2024-06-05)"
    )
    assert (warning in output) is late
    # what check says the court's profile does not know: never the rule, the days or the trigger
    unknown = re.search(r"not verified for the Eastern District of Michigan[^:]*: (.*)", output)
    assert unknown and not {"reconsideration.rule", "reconsideration.days", "reconsideration.trigger"} & set(
        unknown.group(1).split(", ")
    )
