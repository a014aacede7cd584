"""Deadlines under FRCP 6(a): count the days, then roll a last day off weekends and holidays.

FRCP 6(a)(1): exclude the day of the event that triggers the period, count
every day, include the last day -- but if it is a Saturday, Sunday or legal
holiday, the period runs until the end of the next day that is none of those.
Legal holidays (6(a)(6)): the federal holidays on the days set aside for
observing them (a holiday on a Saturday is observed the Friday before, on a
Sunday the Monday after), and, for periods counted forward -- all of ours --
the holidays of the state where the court sits.  The holidays come from the
``holidays`` package.  A state holiday only moves a deadline when the package
lists it; because a lawyer should not lean on a roll-over the court may not
share, the explanation also gives the last day on federal holidays alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import holidays
import yaml

from assembler.law.courts import Court
from assembler.errors import AssemblerError

RuleName = Literal["local", "59e", "60b"]
RULES: tuple[RuleName, ...] = ("local", "59e", "60b")


class DeadlineError(AssemblerError):
    """A deadline that cannot be computed (the court's rule fixes none, or it is unknown)."""


@dataclass(frozen=True)
class RollOver:
    date: dt.date
    reason: str


@dataclass(frozen=True)
class Deadline:
    court: str
    rule: str
    period: str
    source: str
    trigger: dt.date
    trigger_event: str
    raw_last_day: dt.date
    rollovers: tuple[RollOver, ...]
    last_day: dt.date
    federal_last_day: dt.date
    notes: tuple[str, ...] = field(default=())

    def explain(self) -> list[str]:
        """The count in words, one step a line; the last line is the last day alone."""
        lines = [
            f"Court: {self.court}",
            f"Rule: {self.rule}: {self.period} ({self.source})",
            f"Trigger: {_day(self.trigger)}, {self.trigger_event}; not counted (FRCP 6(a)(1)(A))",
            f"Counting every day, the period ends on {_day(self.raw_last_day)} (FRCP 6(a)(1)(B)-(C))",
        ]
        for step in self.rollovers:
            lines.append(f"{_day(step.date)} is {step.reason}: the period runs to the next day (FRCP 6(a)(1)(C))")
        lines.append(f"Last day: {_day(self.last_day)}; for electronic filing it ends at midnight "
                     "in the court's time zone (FRCP 6(a)(4))")
        if self.federal_last_day != self.last_day:
            lines.append(f"Caution: counting federal holidays only, the last day is "
                         f"{_day(self.federal_last_day)}; confirm the court observes the state holiday")
        lines += list(self.notes)
        lines.append(self.last_day.isoformat())
        return lines

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("trigger", "raw_last_day", "last_day", "federal_last_day"):
            data[key] = data[key].isoformat()
        data["rollovers"] = [{"date": r.date.isoformat(), "reason": r.reason} for r in self.rollovers]
        data["notes"] = list(self.notes)
        return data


def _day(date: dt.date) -> str:
    return f"{date.isoformat()} ({date:%A})"


def legal_holidays(state: str | None, years: range) -> tuple[dict[dt.date, str], dict[dt.date, str]]:
    """(federal, state-only) legal holidays for ``years``, each with its name."""
    federal: dict[dt.date, str] = dict(holidays.US(years=years, observed=True))
    state_only: dict[dt.date, str] = {}
    if state:
        try:
            with_state: dict[dt.date, str] = dict(holidays.US(subdiv=state, years=years, observed=True))
        except NotImplementedError:  # a territory the package does not know as a subdivision
            with_state = {}
        state_only = {d: n for d, n in with_state.items() if d not in federal}
    return federal, state_only


@lru_cache(maxsize=None)
def _federal_limits() -> dict[str, dict[str, Any]]:
    text = (resources.files("assembler") / "data" / "federal-deadlines.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _add_years(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # February 29: in a common year, the period ends on February 28
        return date.replace(year=date.year + years, day=28)


# FRCP 6(a) has counted every day (weekends included) only since the 2009 amendments;
# before December 1, 2009, periods under 11 days skipped weekends and 59(e) gave 10 days.
COUNTING_SINCE = dt.date(2009, 12, 1)
COUNTING_UNTIL = dt.date(2099, 12, 31)  # holiday tables and the rules are not known beyond


def compute(court: Court, trigger: dt.date, rule: RuleName = "local") -> Deadline:
    """The last day to move under ``rule`` after ``trigger``, for ``court``."""
    if trigger < COUNTING_SINCE:
        raise DeadlineError(
            f"{trigger.isoformat()} is before December 1, 2009, when FRCP 6(a)'s present way of "
            "counting began (earlier periods under 11 days skipped weekends, and Rule 59(e) gave "
            "10 days); count that deadline by the rules then in force")
    if trigger > COUNTING_UNTIL:
        raise DeadlineError(f"{trigger.isoformat()} is past {COUNTING_UNTIL.year}; no deadline "
                            "can be counted that far ahead")
    notes: list[str] = []
    if rule == "local":
        recon = court.reconsideration
        if recon.days.value is None:
            reason = recon.days.source
            raise DeadlineError(
                f"the {court.name}'s rule ({recon.rule.value or 'unknown'}) fixes no deadline to count "
                f"({reason}); use --rule 59e or --rule 60b for a judgment")
        days = recon.days.value
        raw = trigger + dt.timedelta(days=days)
        label = recon.rule.value or "the local rule"
        period = f"{days} days after {recon.trigger.value or 'the order'}"
        source = recon.days.source
        event = recon.trigger.value or "the order"
    else:
        limit = _federal_limits()[rule]
        raw = (trigger + dt.timedelta(days=limit["days"]) if "days" in limit
               else _add_years(trigger, limit["years"]))
        label, period, event = limit["rule"], limit["period"], limit["event"]
        source = limit["source"]
        notes.append(limit["note"])
    federal, state_only = legal_holidays(court.state, range(raw.year, raw.year + 2))
    last, rollovers = _roll(raw, federal, state_only, court.state)
    federal_last, _ = _roll(raw, federal, {}, court.state)
    if not court.profiled:
        notes.append(f"No profile for {court.name}: federal defaults only.")
    return Deadline(court=f"{court.name} ({court.id})", rule=label, period=period, source=source,
                    trigger=trigger, trigger_event=event, raw_last_day=raw,
                    rollovers=tuple(rollovers), last_day=last, federal_last_day=federal_last,
                    notes=tuple(notes))


def _roll(day: dt.date, federal: dict[dt.date, str], state_only: dict[dt.date, str],
          state: str) -> tuple[dt.date, list[RollOver]]:
    steps: list[RollOver] = []
    while True:
        if day.weekday() == 5:
            reason = "a Saturday"
        elif day.weekday() == 6:
            reason = "a Sunday"
        elif day in federal:
            reason = f"a legal holiday: {federal[day]} (federal, FRCP 6(a)(6)(A)-(B))"
        elif day in state_only:
            reason = f"a legal holiday: {state_only[day]} ({state}, FRCP 6(a)(6)(C))"
        else:
            return day, steps
        steps.append(RollOver(day, reason))
        day += dt.timedelta(days=1)
