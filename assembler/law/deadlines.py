"""Deadlines under FRCP 6(a): count the days, then roll a last day off weekends and holidays.

FRCP 6(a)(1): exclude the day of the event that triggers the period, count
every day, include the last day -- but if it is a Saturday, Sunday or legal
holiday, the period runs until the end of the next day that is none of those.
The legal holidays of 6(a)(6) come from ``legal_days``: the federal holidays
by statute, the days an executive order closed the executive departments, and,
for periods counted forward -- all of ours -- the holidays the state's statute
declares.  A roll that rests on a closure or a state day is flagged: the
explanation and ``safe_last_day`` give the last day without it, and name the
order or statute it rests on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from pydantic import RootModel, model_validator

from assembler.errors import AssemblerError
from assembler.law.courts import Court, Strict
from assembler.law.legal_days import (
    LegalDay,
    closure_days,
    data,
    federal_days,
    inauguration_days,
    package_state_days,
    state_days,
)
from assembler.packaged import load

RuleName = Literal["local", "59e", "60b"]
RULES: tuple[RuleName, ...] = ("local", "59e", "60b")


class DeadlineError(AssemblerError):
    """A deadline that cannot be computed (the court's rule fixes none, or it is unknown)."""


class FederalLimit(Strict):
    """One federal time limit of ``data/federal-deadlines.yaml``: a number of days or of years."""

    rule: str
    days: int | None = None
    years: int | None = None
    event: str
    period: str
    source: str
    note: str

    @model_validator(mode="after")
    def _days_or_years(self) -> FederalLimit:
        if (self.days is None) == (self.years is None):
            raise ValueError("give exactly one of days and years")
        return self


class FederalLimits(RootModel[dict[RuleName, FederalLimit]]):
    pass


@cache
def federal_limits() -> dict[RuleName, FederalLimit]:
    """``data/federal-deadlines.yaml``, checked."""
    return load("federal-deadlines.yaml", FederalLimits).root


@dataclass(frozen=True)
class RollOver:
    """A day the period ran past, why, and on what (``weekend``, ``federal``, ``closure``, ``state``)."""

    date: dt.date
    reason: str
    kind: Literal["weekend", "federal", "closure", "state"] = "weekend"
    basis: str = ""


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
    safe_last_day: dt.date  # the last day counting no closure or state holiday
    rests_on: tuple[RollOver, ...] = ()  # the closure and state days the roll past safe_last_day rests on
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
        lines.append(
            f"Last day: {_day(self.last_day)}; for electronic filing it ends at midnight "
            "in the court's time zone (FRCP 6(a)(4))"
        )
        if self.safe_last_day != self.last_day:
            bases = "; ".join(f"{r.date.isoformat()} under {r.basis}" for r in self.rests_on)
            lines.append(
                f"Caution: the last day rests on {bases}; without that, the last day is "
                f"{_day(self.safe_last_day)}, the safe day to file"
            )
        lines += list(self.notes)
        lines.append(self.last_day.isoformat())
        return lines

    def as_json(self) -> dict[str, object]:
        def step(r: RollOver) -> dict[str, str]:
            return {"date": r.date.isoformat(), "reason": r.reason, "kind": r.kind, "basis": r.basis}

        return {
            "court": self.court,
            "rule": self.rule,
            "period": self.period,
            "source": self.source,
            "trigger": self.trigger.isoformat(),
            "trigger_event": self.trigger_event,
            "raw_last_day": self.raw_last_day.isoformat(),
            "rollovers": [step(r) for r in self.rollovers],
            "last_day": self.last_day.isoformat(),
            "safe_last_day": self.safe_last_day.isoformat(),
            "rests_on": [step(r) for r in self.rests_on],
            "notes": list(self.notes),
        }


def _day(date: dt.date) -> str:
    return f"{date.isoformat()} ({date:%A})"


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
            "10 days); count that deadline by the rules then in force"
        )
    if trigger > COUNTING_UNTIL:
        raise DeadlineError(
            f"{trigger.isoformat()} is past {COUNTING_UNTIL.year}; no deadline can be counted that far ahead"
        )
    notes: list[str] = []
    if rule == "local":
        recon = court.reconsideration
        if recon.days.value is None:
            reason = recon.days.source
            raise DeadlineError(
                f"the {court.name}'s rule ({recon.rule.value or 'unknown'}) fixes no deadline to count "
                f"({reason}); use --rule 59e or --rule 60b for a judgment"
            )
        days = recon.days.value
        raw = trigger + dt.timedelta(days=days)
        label = recon.rule.value or "the local rule"
        period = f"{days} days after {recon.trigger.value or 'the order'}"
        source = recon.days.source
        event = recon.trigger.value or "the order"
    else:
        limit = federal_limits()[rule]
        raw = (
            trigger + dt.timedelta(days=limit.days) if limit.days is not None else _add_years(trigger, limit.years or 0)
        )
        label, period, event, source = limit.rule, limit.period, limit.event, limit.source
        notes.append(limit.note)
    years = range(raw.year, raw.year + 2)
    safe = federal_days(court.id, years)
    state = state_days(court.state, years)
    every = {**state.days, **closure_days(), **safe}  # a day that is several kinds counts as the safest
    last, rollovers = _roll(raw, every, court.state)
    safe_last, _ = _roll(raw, safe, court.state)
    rests_on = tuple(r for r in rollovers if r.kind in ("closure", "state"))
    notes += _state_notes(court, state.unverified, state.reason, raw, last, every)
    notes += _inauguration_notes(court.id, raw, last)
    if not court.profiled:
        notes.append(f"No profile for {court.name}: federal defaults only.")
    return Deadline(
        court=f"{court.name} ({court.id})",
        rule=label,
        period=period,
        source=source,
        trigger=trigger,
        trigger_event=event,
        raw_last_day=raw,
        rollovers=tuple(rollovers),
        last_day=last,
        safe_last_day=safe_last,
        rests_on=rests_on,
        notes=tuple(notes),
    )


def _roll(day: dt.date, legal: dict[dt.date, LegalDay], state: str) -> tuple[dt.date, list[RollOver]]:
    steps: list[RollOver] = []
    while True:
        if day.weekday() >= 5:
            steps.append(RollOver(day, "a Saturday" if day.weekday() == 5 else "a Sunday"))
        elif (holiday := legal.get(day)) is not None:
            steps.append(RollOver(day, _reason(holiday, state), holiday.kind, holiday.basis))
        else:
            return day, steps
        day += dt.timedelta(days=1)


def _reason(holiday: LegalDay, state: str) -> str:
    if holiday.kind == "closure":
        return f"a legal holiday: the President closed the executive departments ({holiday.name}), {holiday.basis}"
    of = f" of {state}" if holiday.kind == "state" else ""
    return f"a legal holiday{of}: {holiday.name} ({holiday.basis})"


def _state_notes(
    court: Court, unverified: tuple[int, ...], reason: str, raw: dt.date, last: dt.date, every: dict[dt.date, LegalDay]
) -> list[str]:
    """Where the state's list was not verified for the years the count touches: say so, and what
    the ``holidays`` package (unverified) would add."""
    touched = [y for y in range(raw.year, last.year + 1) if y in unverified]
    if not court.state or not touched:
        return []
    years = ", ".join(str(y) for y in touched)
    notes = [
        f"Not verified: the state holidays of {court.state} for {years} ({reason.rstrip('.')}); "
        "a day the state declares a holiday would move this last day (FRCP 6(a)(6)(C))"
    ]
    listed = {
        d: n
        for d, n in package_state_days(court.state, range(raw.year, last.year + 2)).items()
        if d.year in touched and d not in every
    }
    later, steps = _roll(
        raw, {**every, **{d: LegalDay(d, n, "the holidays package", "state") for d, n in listed.items()}}, court.state
    )
    if later != last:
        used = ", ".join(f"{s.date.isoformat()} ({listed[s.date]})" for s in steps if s.date in listed)
        notes.append(
            f"Not verified: the holidays package lists {used} for {court.state}; if the state "
            f"declares it a holiday, the last day is {_day(later)}"
        )
    return notes


def _inauguration_notes(court_id: str, raw: dt.date, last: dt.date) -> list[str]:
    partly = data().inauguration.partly.get(court_id)
    if partly is None:
        return []
    return [
        f"Inauguration Day, {day.isoformat()}, is a holiday under {data().inauguration.statute} "
        f"only in the Washington area, which takes in {partly}; it is not counted district-wide"
        for day in inauguration_days(range(raw.year, last.year + 1))
        if raw <= day <= last
    ]
