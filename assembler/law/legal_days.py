"""The legal holidays of FRCP 6(a)(6), each with the law that makes it one.

(A) and (B): the federal holidays of 5 U.S.C. § 6103(a), on the days set aside
for observing them (the ``holidays`` package computes these), Inauguration Day
where § 6103(c) reaches the court, and the days an executive order closed the
executive departments.  (C): the days the state's own statute declares, as
``data/holidays.yaml`` records them with the statute; a state, or a year,
that research did not verify is reported as such and counts no state day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from pydantic import field_validator

from assembler import kept
from assembler.law.courts import Strict
from assembler.packaged import load

Kind = Literal["federal", "closure", "state"]


class Closure(Strict):
    date: dt.date
    name: str
    order: str
    signed: dt.date | None
    citation: str | None
    source: str

    @property
    def basis(self) -> str:
        signed = f" of {self.signed:%B} {self.signed.day}, {self.signed.year}" if self.signed else ""
        cite = f", {self.citation}" if self.citation else ""
        return f"{self.order}{signed}{cite}"


class Inauguration(Strict):
    statute: str
    courts: tuple[str, ...]
    partly: dict[str, str]
    source: str


MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FIXED = re.compile(rf"({'|'.join(MONTHS)}) (\d{{1,2}})")
_NTH = re.compile(rf"(1st|2nd|3rd|4th|last) ({'|'.join(WEEKDAYS)}) of ({'|'.join(MONTHS)})")
_NAMED = ("friday after thanksgiving", "election day", "lunar new year")


class StateHoliday(Strict):
    name: str
    rule: str
    sunday: bool = False  # a Sunday's holiday is kept on the Monday
    saturday: bool = False  # a Saturday's holiday is kept on the Friday
    since: int | None = None
    cite: str | None = None

    @field_validator("rule")
    @classmethod
    def _known_rule(cls, rule: str) -> str:
        text = rule.lower()
        if not (_FIXED.fullmatch(text) or _NTH.fullmatch(text) or text in _NAMED):
            raise ValueError(
                f"{rule!r} is not a rule (e.g. 'March 31', '3rd Monday of April', "
                f"'last Friday of October', {', '.join(repr(n) for n in _NAMED)})"
            )
        if (m := _FIXED.fullmatch(text)) is not None:
            dt.date(2024, MONTHS.index(m.group(1)) + 1, int(m.group(2)))  # ValueError on April 31
        return rule

    def dates(self, year: int) -> list[dt.date]:
        """The days this holiday is kept in ``year``: its date, moved off a weekend as the statute says."""
        if self.since is not None and year < self.since:
            return []
        day = _date(self.rule.lower(), year)
        if self.sunday and day.weekday() == 6:
            day += dt.timedelta(days=1)
        elif self.saturday and day.weekday() == 5:
            day -= dt.timedelta(days=1)
        return [day]


class StateList(Strict):
    statute: str | None
    years: tuple[int, int] | None  # the years the list is verified for; None: not verified
    source: str
    holidays: tuple[StateHoliday, ...] = ()
    notes: tuple[str, ...] = ()

    def covers(self, year: int) -> bool:
        return self.years is not None and self.years[0] <= year <= self.years[1]


class Holidays(Strict):
    closures: tuple[Closure, ...]
    inauguration: Inauguration
    states: dict[str, StateList]


@cache
def data() -> Holidays:
    """``data/holidays.yaml``, checked."""
    return load("holidays.yaml", Holidays)


def _nth(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _date(rule: str, year: int) -> dt.date:
    if (m := _FIXED.fullmatch(rule)) is not None:
        return dt.date(year, MONTHS.index(m.group(1)) + 1, int(m.group(2)))
    if (m := _NTH.fullmatch(rule)) is not None:
        n = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": -1}[m.group(1)]
        return _nth(year, MONTHS.index(m.group(3)) + 1, WEEKDAYS.index(m.group(2)), n)
    if rule == "friday after thanksgiving":
        return _nth(year, 11, 3, 4) + dt.timedelta(days=1)
    if rule == "election day":
        return _nth(year, 11, 0, 1) + dt.timedelta(days=1)
    return _lunar_new_year(year)


def package_days(country: str, years: range, subdiv: str | None = None) -> dict[dt.date, str] | None:
    """The ``holidays`` package's days of ``country`` (its ``subdiv``) in ``years``, on their observed
    dates; None where it does not know the subdivision.  What it gives is kept in the user's cache
    by the package's version: importing it costs more than the rest of a deadline count."""
    name = f"holidays-{kept.version('holidays', 'holidays')}"
    key = f"{country}/{subdiv or ''}/{years.start}-{years.stop}"
    store = kept.store(name)
    try:
        days = store[key]
        return None if days is None else {dt.date.fromisoformat(day): str(title) for day, title in days}
    except (KeyError, TypeError, ValueError):  # not kept yet (or not as this code keeps it)
        pass
    import holidays

    try:
        found = dict(holidays.country_holidays(country, subdiv=subdiv, years=years, observed=True))
    except NotImplementedError:  # a territory the package does not know as a subdivision
        store[key] = None
        kept.save(name, store)
        return None
    store[key] = [[day.isoformat(), title] for day, title in found.items()]
    kept.save(name, store)
    return found


@cache
def _lunar_new_year(year: int) -> dt.date:
    days = package_days("CN", range(year, year + 1)) or {}
    return min(d for d, name in days.items() if "Spring Festival" in name or "Chinese New Year" in name)


@dataclass(frozen=True)
class LegalDay:
    """A legal holiday on ``date``: its name, the law that makes it one, and which clause of 6(a)(6)."""

    date: dt.date
    name: str
    basis: str
    kind: Kind


def federal_days(court_id: str, years: range) -> dict[dt.date, LegalDay]:
    """6(a)(6)(A)-(B) by statute: 5 U.S.C. § 6103(a), and § 6103(c) where it reaches the court."""
    out = {d: LegalDay(d, n, "5 U.S.C. § 6103(a); FRCP 6(a)(6)(A)", "federal") for d, n in _listed(None, years) or ()}
    inauguration = data().inauguration
    if court_id in inauguration.courts:
        for day in inauguration_days(years):
            out.setdefault(
                day, LegalDay(day, "Inauguration Day", f"{inauguration.statute}; FRCP 6(a)(6)(B)", "federal")
            )
    return out


def inauguration_days(years: range) -> list[dt.date]:
    """January 20 of every fourth year from 1965, or the 21st when the 20th is a Sunday."""
    out = []
    for year in years:
        if year >= 1965 and (year - 1965) % 4 == 0:
            day = dt.date(year, 1, 20)
            out.append(day + dt.timedelta(days=1) if day.weekday() == 6 else day)
    return out


def closure_days() -> dict[dt.date, LegalDay]:
    """6(a)(6)(B): the days an executive order closed the executive departments."""
    return {c.date: LegalDay(c.date, c.name, f"{c.basis}; FRCP 6(a)(6)(B)", "closure") for c in data().closures}


@dataclass(frozen=True)
class StateDays:
    """A state's 6(a)(6)(C) days for some years, and the years its list was not verified for."""

    state: str
    days: dict[dt.date, LegalDay]
    unverified: tuple[int, ...]
    reason: str


def state_days(state: str | None, years: range) -> StateDays:
    """The holidays ``state``'s statute declares in ``years``, as ``data/holidays.yaml`` records them."""
    if not state:
        return StateDays("", {}, (), "")
    record = data().states.get(state)
    if record is None:
        return StateDays(state, {}, tuple(years), "its holiday statute was not researched")
    days: dict[dt.date, LegalDay] = {}
    for year in years:
        if not record.covers(year):
            continue
        for holiday in record.holidays:
            for day in holiday.dates(year):
                days.setdefault(
                    day, LegalDay(day, holiday.name, f"{holiday.cite or record.statute}; FRCP 6(a)(6)(C)", "state")
                )
    unverified = tuple(y for y in years if not record.covers(y))
    if record.years is None:
        reason = f"{record.statute or 'no holiday statute'} was not verified"
    else:
        reason = f"{record.statute} was verified for {record.years[0]}-{record.years[1]} only"
    return StateDays(state, days, unverified, reason)


def package_state_days(state: str, years: range) -> dict[dt.date, str]:
    """The days the ``holidays`` package lists for ``state`` beyond the federal ones (not verified)."""
    federal = dict(_listed(None, years) or ())
    listed = _listed(state, years)
    if listed is None:  # a territory the package does not know as a subdivision
        return {}
    return {d: n for d, n in listed if d not in federal and "Inauguration" not in n}


@lru_cache(maxsize=256)
def _listed(subdiv: str | None, years: range) -> tuple[tuple[dt.date, str], ...] | None:
    """The days the ``holidays`` package lists for the United States (``subdiv``: one of its
    states or territories) in ``years``, in its order; None for a subdivision it does not know.
    Read once per process for each (from the user's cache after the first run, package_days)."""
    days = package_days("US", years, subdiv)
    return None if days is None else tuple(days.items())
