"""The procedure and the outcome: which rule the motion moves under, and what the orders give.

The vehicle (``motion.rule``) decides the rule cited, the paper's name and
title, the standard stated, the kind of paper it reaches and the deadline
(``data/vehicles.yaml``).  The outcome of each proposed order
(``ruling.<side>.outcome``) decides its opening sentence and its ORDERED list,
item by item, from phrases in ``data/wording.yaml``: a partly granted motion
vacates only the parts granted.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, RootModel, ValidationInfo, field_validator

from assembler import packaged
from assembler.answers.model import Answers
from assembler.answers.model import Vehicle as VehicleId
from assembler.answers.reader import Source
from assembler.errors import Problem
from assembler.law.courts import Court, MarkupText
from assembler.names import DEADLINE_RULES

DEFAULT_OUTCOME = {"granting": "granted", "denying": "denied"}
OUTCOMES = {"granting": ("granted", "granted-in-part"), "denying": ("denied", "denied-without-prejudice", "adhered")}


# what resolve() fills in a vehicle's paper and title
_PLACEHOLDERS = {"paper": {"Noun"}, "title": {"date", "noun"}}


class VehicleData(BaseModel):
    """One vehicle of ``data/vehicles.yaml``: what it decides in the papers (see ``Vehicle``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    rule: str | None
    paper: str
    title: str
    moves_for: str
    of: str
    short: str
    asks_to: str
    reaches: Literal["order", "judgment"]
    deadline: str | None
    standard: MarkupText | None
    source: str

    @field_validator("deadline")
    @classmethod
    def _counted(cls, rule: str | None) -> str | None:
        if rule is not None and rule not in DEADLINE_RULES:
            raise ValueError(f"must be one of {', '.join(DEADLINE_RULES)}, or null")
        return rule

    @field_validator("paper", "title")
    @classmethod
    def _placeholders(cls, text: str, info: ValidationInfo) -> str:
        allowed = _PLACEHOLDERS[info.field_name or ""]
        used = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
        if used - allowed:
            raise ValueError(f"{{{min(used - allowed)}}} is not one of its placeholders ({', '.join(sorted(allowed))})")
        return text


class _Vehicles(RootModel[dict[VehicleId, VehicleData]]):
    pass


@cache
def vehicles() -> dict[str, VehicleData]:
    """Every vehicle (``motion.rule``) by id, in the order of ``data/vehicles.yaml``."""
    data = packaged.validate(_Vehicles, packaged.read("vehicles.yaml"), "data/vehicles.yaml").root
    for vid in get_args(VehicleId):
        if vid not in data:
            raise packaged.error("data/vehicles.yaml", (vid,), "required, but not given")
    return {str(vid): vehicle for vid, vehicle in data.items()}


@dataclass(frozen=True)
class Vehicle:
    """The motion's vehicle, resolved for one court and one challenged paper."""

    id: str
    rule: str | None  # the rule cited ("LRCiv 7.2(g)", "Fed. R. Civ. P. 59(e)")
    paper: str  # "Motion to Alter or Amend the Judgment"
    title: str  # "MOTION TO ALTER OR AMEND THE AUGUST 24, 2012 JUDGMENT"
    reaches: str  # "order" or "judgment"
    deadline: str | None  # the rule `deadline` counts: local, 59e, 60b, or none
    standard: str | None  # the rule's own words, in the answers' markup
    moves_for: str  # "reconsideration of", "an order altering or amending"
    asks_to: str  # "reconsider", "alter or amend"
    of: str  # "a Motion for Reconsideration of", "... the Judgment directed to"
    short: str  # "Motion to Reconsider" (the model order's words), "Motion"


def vehicle_id(answers: Answers, court: Court) -> str:
    """The vehicle the answers choose, or the default: 59(e) for a judgment, else the local rule."""
    if answers.motion.rule is not None:
        return answers.motion.rule
    if answers.order.kind == "judgment":
        return "59e"
    return "local" if court.reconsideration.rule.known else "54b"


def resolve(answers: Answers, court: Court) -> Vehicle:
    vid = vehicle_id(answers, court)
    data = vehicles()[vid]
    noun = "Judgment" if answers.order.kind == "judgment" else "Order"
    # "AUGUST 24, 2012 ORDER" stays whole on the title's last line
    date = f"{answers.order.date:%B}\u00a0{answers.order.date.day},\u00a0{answers.order.date.year}".upper()
    rule = data.rule
    if vid == "local":
        rule = court.reconsideration.rule.value
    elif vid == "60b" and answers.motion.clauses:
        rule = "Fed. R. Civ. P. 60(b)" + _clauses(sorted(set(answers.motion.clauses)))
    return Vehicle(
        id=vid,
        rule=rule,
        paper=data.paper.format(Noun=noun),
        title=data.title.format(date=date, noun=noun.upper()),
        reaches=data.reaches,
        deadline=data.deadline,
        standard=data.standard,
        moves_for=data.moves_for,
        asks_to=data.asks_to,
        of=data.of,
        short=data.short,
    )


def _clauses(numbers: list[int]) -> str:
    """``(1)``, ``(1) and (3)``, ``(1), (2), and (6)``, as the rules write lists."""
    parts = [f"({n})" for n in numbers]
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + ", and " + parts[-1]


def problems(answers: Answers, court: Court, source: Source) -> list[Problem]:
    """What makes the vehicle or the outcome impossible to draft: errors, not warnings."""
    out: list[Problem] = []
    motion = answers.motion
    if motion.rule == "local" and not court.reconsideration.rule.known:
        out.append(
            source.problem(
                f"the {court.name} has no local rule on reconsideration in its profile; use 54b, 59e or 60b",
                ("motion", "rule"),
            )
        )
    if motion.clauses and vehicle_id(answers, court) != "60b":
        out.append(source.problem("clauses name reasons of Rule 60(b); they need rule: 60b", ("motion", "clauses")))
    if motion.asks in ("modify", "amend") and motion.modification is None:
        out.append(source.problem(f"asks: {motion.asks} needs modification: the new text", ("motion", "asks")))
    if motion.asks == "amend" and answers.order.kind != "judgment":
        out.append(
            source.problem(
                "asks: amend is for a judgment (order.kind: judgment); an order is vacated or modified",
                ("motion", "asks"),
            )
        )
    if motion.scope is not None and (motion.parts or motion.asks != "vacate"):
        out.append(
            source.problem(
                "scope says how far a motion to vacate reaches the whole order; with parts or with "
                f"asks: {motion.asks}, say it in the parts or the modification instead",
                ("motion", "scope"),
            )
        )
    if answers.ruling is None:
        return out
    out += _magistrate_problems(answers, source)
    for side in ("granting", "denying"):
        ruling = getattr(answers.ruling, side)
        if ruling is not None and not ruling.vacates:
            if side != "granting":
                out.append(
                    source.problem("vacates: false is for the order granting the motion", ("ruling", side, "vacates"))
                )
            elif not ruling.ordered:
                out.append(
                    source.problem(
                        "vacates: false needs ordered: what the order does instead of vacating (“Plaintiff "
                        "may file a reply by ...”)",
                        ("ruling", side, "vacates"),
                    )
                )
        if ruling is None or ruling.outcome is None:
            continue
        if ruling.outcome not in OUTCOMES[side]:
            out.append(
                source.problem(
                    f"the {side} order's outcome is one of {', '.join(OUTCOMES[side])}", ("ruling", side, "outcome")
                )
            )
        if ruling.outcome == "granted-in-part" and ruling.vacates:
            if not motion.parts:
                out.append(
                    source.problem(
                        "granted-in-part needs motion.parts (what the motion targets) and granted "
                        "(which of them the order grants)",
                        ("ruling", side, "outcome"),
                    )
                )
            elif not ruling.granted or len(set(ruling.granted)) == len(motion.parts):
                out.append(
                    source.problem(
                        f"granted-in-part needs granted: the numbers of some, not all, of the "
                        f"{len(motion.parts)} motion.parts",
                        ("ruling", side, "granted"),
                    )
                )
        for number in ruling.granted:
            if number > len(motion.parts):
                out.append(
                    source.problem(
                        f"granted names part {number}, but motion.parts has {len(motion.parts)}",
                        ("ruling", side, "granted"),
                    )
                )
    return out


def _magistrate_problems(answers: Answers, source: Source) -> list[Problem]:
    """A magistrate judge's order that vacates or changes a district judge's order rests on the
    parties' consent (28 U.S.C. § 636(c)(1)); without it the magistrate judge cannot enter it."""
    decider = answers.case.judge_title.lower()
    entered_by = (answers.order.judge_title or "").lower()
    other_judge = answers.order.judge is not None and answers.order.judge != answers.case.judge
    granting = answers.ruling.granting if answers.ruling else None
    if (
        "magistrate" not in decider
        or not other_judge
        or "magistrate" in entered_by
        or granting is None
        or not granting.vacates
        or answers.case.consent
    ):
        return []
    return [
        source.problem(
            "a magistrate judge decides, and the challenged order is a district judge's: the order granting "
            "the motion may vacate or change it only where the parties consented to the magistrate judge "
            "under 28 U.S.C. § 636(c)(1); give case.consent: true (the orders then recite it), or have the "
            "district judge decide",
            ("case", "judge_title"),
        )
    ]


def warnings(answers: Answers, court: Court, source: Source) -> list[Problem]:
    """Mismatches a lawyer must look at: the vehicle and the paper, and who decides."""
    out: list[Problem] = []
    vid = vehicle_id(answers, court)
    kind = answers.order.kind
    if vid == "59e" and kind == "order":
        out.append(
            source.problem(
                "Rule 59(e) reaches judgments, and the challenged paper is an interlocutory order "
                "(order.kind: order): such an order is reconsidered under Rule 54(b) or the local rule",
                ("motion", "rule"),
            )
        )
    elif vid == "60b" and kind == "order":
        out.append(
            source.problem(
                "Rule 60(b) reaches final judgments and orders, and the challenged paper is marked an "
                "interlocutory order (order.kind: order); check that the order is final",
                ("motion", "rule"),
            )
        )
    elif vid in ("54b", "local") and kind == "judgment":
        reaches = court.reconsideration.reaches_judgments
        rule = "Rule 54(b)" if vid == "54b" else (court.reconsideration.rule.value or "the local rule")
        after = (
            "a judgment is altered or amended under Rule 59(e) (28 days, not extendable) or "
            "relieved from under Rule 60(b)"
        )
        if vid == "54b" or reaches.value is False:
            out.append(source.problem(f"after judgment, {rule} no longer reaches it: {after}", ("motion", "rule")))
        elif reaches.value is None:
            out.append(
                source.problem(
                    f"whether {rule} reaches a final judgment is not verified for the {court.name} "
                    f"({reaches.source}); {after}",
                    ("motion", "rule"),
                )
            )
    order_title = (answers.order.judge_title or "").lower()
    decider_title = answers.case.judge_title.lower()
    if "magistrate" in order_title and "magistrate" not in decider_title:
        out.append(
            source.problem(
                "the challenged order is a magistrate judge's and a district judge decides: asking a "
                "district judge to set aside a magistrate judge's non-dispositive order is an objection "
                "under Fed. R. Civ. P. 72(a), within 14 days after service of the order, not a motion "
                "for reconsideration",
                ("order", "judge_title"),
            )
        )
    return out
