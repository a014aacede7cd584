"""The grounds library: arguments for and against reconsideration, as data in the package.

Each ground has an id, the side that raises it, a heading, default text in the
answers' markup, and the authorities that text cites.  The default text may hold
placeholders such as ``{movant.Short}`` or ``{movant:assert}`` (a verb agreeing
with the movant); they are filled only with answer fields and what the answers'
court implies (its name, its rule, its citation word), after the text is
parsed, so a value prints as plain text.  A user's own text is never filled:
it is data, printed as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from assembler import packaged
from assembler.answers import markup
from assembler.answers.markup import Document, Inline, Note, Paragraph, Styled, Text
from assembler.answers.model import Answers, Slug, Vehicle
from assembler.answers.reader import FieldPath, Source
from assembler.errors import Problem
from assembler.law.citations import CitationStyle
from assembler.law.courts import Court, MarkupText
from assembler.law.vehicles import resolve as resolve_vehicle
from assembler.law.vehicles import vehicle_id
from assembler.papers.wording import RoleWords, long_date, movant_words, opponent_words

GroundSide = Literal["movant", "opponent"]
_VEHICLE_WORDS = {
    "local": "the court's local rule (an interlocutory order)",
    "54b": "Rule 54(b) (an interlocutory order)",
    "59e": "Rule 59(e) (a judgment)",
    "60b": "Rule 60(b) (relief from a final judgment or order)",
}
PLACEHOLDER = re.compile(r"\{([a-z_]+)([.:])([A-Za-z_]+)\}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GroundEntry(_Strict):
    """One ground as its file writes it."""

    id: Slug
    side: GroundSide
    heading: str
    text: MarkupText
    authorities: tuple[str, ...] = ()
    vehicles: tuple[Vehicle, ...] = ()  # the motion.rule values it fits; empty: every one
    # blanks only the user can fill (the error the order rests on): {fill.<name>} in the text,
    # each with what to write; the answers give them as grounds[].fills
    fills: dict[str, str] = {}
    # the ground argues facts that are not in the record yet: a declaration must put them in evidence
    evidence: bool = False

    @model_validator(mode="after")
    def _blanks_declared(self) -> GroundEntry:
        used = set(re.findall(r"\{fill\.([A-Za-z_]+)\}", self.text + self.heading))
        if used != set(self.fills):
            raise ValueError(
                f"its text's blanks ({', '.join(sorted(used)) or 'none'}) and its fills "
                f"({', '.join(sorted(self.fills)) or 'none'}) must be the same"
            )
        return self


class GroundsFile(_Strict):
    """One file of ``data/grounds``: a family of grounds, and the vehicles they fit."""

    family: Slug
    vehicles: tuple[Vehicle, ...] = ()
    grounds: tuple[GroundEntry, ...]


class LibraryGround(GroundEntry):
    """A ground of the library, with its file's family (and its vehicles, where it names none)."""

    family: Slug


@cache
def library() -> dict[str, LibraryGround]:
    """Every ground of the library, by id, in the order of the data files."""
    grounds: dict[str, LibraryGround] = {}
    for name in packaged.names("grounds"):
        where = f"data/grounds/{name}"
        data = packaged.load(f"grounds/{name}", GroundsFile)
        for index, ground in enumerate(data.grounds):
            if ground.id in grounds:
                raise packaged.error(
                    where, ("grounds", index, "id"), f"{ground.id} is also a ground of {grounds[ground.id].family}"
                )
            grounds[ground.id] = LibraryGround.model_validate(
                {**ground.model_dump(), "family": data.family, "vehicles": ground.vehicles or data.vehicles}
            )
    return grounds


def placeholder_values(
    answers: Answers, rule_citation: str | None, court_name: str, citation: CitationStyle
) -> dict[str, str]:
    """What library placeholders may print: answer fields (and the court's rule), nothing else."""
    values: dict[str, str] = {}
    for side, words in (("movant", movant_words(answers)), ("opponent", opponent_words(answers))):
        values.update({f"{side}.{k}": v for k, v in words.words().items()})
    values["order.date"] = long_date(answers.order.date)
    values["order.docket"] = str(answers.order.docket)
    values["order.cite"] = citation.one(answers.order.docket)
    # the defined term the papers use for the challenged order: "the Order", "the Judgment"
    values["order.noun"] = "Judgment" if answers.order.kind == "judgment" else "Order"
    values["order.defined"] = answers.order.defined or values["order.noun"]
    # what the motion asks the court to do with the order (motion.asks), in the forms a text needs
    asks = answers.motion.asks
    values["motion.remedy"] = REMEDY[asks][0]
    values["motion.Remedied"] = REMEDY[asks][1]
    values["motion.Remedying"] = REMEDY[asks][2]
    values["court.name"] = court_name
    if rule_citation:
        values["rule.citation"] = rule_citation
    for entry in answers.docket:
        if entry.role in ("motion", "response", "reply"):
            values[f"{entry.role}.docket"] = str(entry.number)
            values[f"{entry.role}.cite"] = citation.one(entry.number)
    return values


# motion.asks in a library text: "asks the Court to vacate it", "Should Be Vacated", "Warrants Vacating"
REMEDY = {
    "vacate": ("vacate it", "Vacated", "Vacating"),
    "modify": ("modify it", "Modified", "Modifying"),
    "amend": ("amend it", "Amended", "Amending"),
}


class PlaceholderError(ValueError):
    pass


def shown_heading(heading: str, defined: str = "Order") -> str:
    """A library heading as a list shows it: the defined term in place of ``{order.defined}``, and
    what a 59(e) motion most often asks (amend) in place of the motion's own ``asks``."""
    shown = heading.replace("{order.defined}", defined)
    return shown.replace("{motion.Remedied}", "Amended").replace("{motion.Remedying}", "Amending")


def fill_text(value: str, values: dict[str, str], verbs: dict[str, RoleWords]) -> str:
    """``value`` (plain text: a heading) with each placeholder replaced by its value."""

    def one(match: re.Match[str]) -> str:
        head, sep, tail = match.groups()
        if sep == ":":
            if head not in verbs:
                raise PlaceholderError(f"{{{head}:{tail}}} names no side (movant or opponent)")
            return verbs[head].verb(tail)
        key = f"{head}.{tail}"
        if key not in values:
            raise PlaceholderError(key)
        return values[key]

    return PLACEHOLDER.sub(one, value)


def fill(document: Document, values: dict[str, str], verbs: dict[str, RoleWords]) -> Document:
    """``document`` with each placeholder in its plain text replaced by its value."""

    def text(value: str) -> str:
        return fill_text(value, values, verbs)

    def inlines(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in nodes:
            if isinstance(node, Text):
                out.append(Text(text(node.text)))
            elif isinstance(node, Styled):
                out.append(Styled(node.style, inlines(node.children)))
            elif isinstance(node, Note):
                out.append(Note(inlines(node.children)))
            else:
                out.append(node)
        return tuple(out)

    return Document(
        tuple(Paragraph(inlines(p.children), p.kind, p.marker) for p in document.paragraphs), document.citations
    )


@dataclass(frozen=True)
class ResolvedGround:
    """One argument of the set, with its text from the answers or from the library."""

    id: str
    heading: str
    text: Document
    summary: Document | None
    reply: Document | None
    answers: str | None
    authorities: tuple[str, ...]  # those the library's text cites; none for the user's own text


_LISTS: tuple[tuple[str, GroundSide], ...] = (("grounds", "movant"), ("opposition", "opponent"))
_HINTS = {
    "rule.citation": " (the court's profile names no reconsideration rule; write the ground's text)",
    "motion.docket": " (mark the motion's docket entry with role: motion)",
    "motion.cite": " (mark the motion's docket entry with role: motion)",
    "response.cite": " (mark the response's docket entry with role: response)",
    "response.docket": " (mark the response's docket entry with role: response)",
    "reply.docket": " (mark the reply's docket entry with role: reply)",
}


def resolve(
    answers: Answers, source: Source, texts: dict[FieldPath, Document], court: Court, citation: CitationStyle
) -> tuple[dict[str, tuple[ResolvedGround, ...]], list[Problem]]:
    """Both sides' grounds, each with its text from the answers or the library; and any problems."""
    lib = library()
    # the rule the motion moves under (its vehicle), never the court's local rule by default
    values = placeholder_values(answers, resolve_vehicle(answers, court).rule, court.name, citation)
    verbs = {"movant": movant_words(answers), "opponent": opponent_words(answers)}
    motion_ids = {g.id for g in answers.grounds}
    vehicle = vehicle_id(answers, court)
    problems: list[Problem] = []
    resolved: dict[str, tuple[ResolvedGround, ...]] = {}
    for key, side in _LISTS:
        out = []
        seen: set[str] = set()
        for index, ground in enumerate(getattr(answers, key)):
            here = (key, index)
            entry = lib.get(ground.id)
            if ground.id in seen:
                problems.append(source.problem(f"ground {ground.id!r} is listed twice", here + ("id",)))
            seen.add(ground.id)
            if entry is not None and entry.side != side:
                other = "opposition" if key == "grounds" else "grounds"
                problems.append(
                    source.problem(
                        f"ground {ground.id!r} is the {entry.side}'s argument in the library; list it under {other}",
                        here + ("id",),
                    )
                )
                continue
            if entry is not None and entry.vehicles and vehicle not in entry.vehicles and ground.text is None:
                problems.append(
                    source.problem(
                        f"ground {ground.id!r} argues under {_VEHICLE_WORDS[entry.vehicles[0]]}, and this "
                        f"motion is under {_VEHICLE_WORDS[vehicle]} (motion.rule: {vehicle}); choose a "
                        f"ground for it (`assembler grounds --rule {vehicle}`) or write the ground's text",
                        here + ("id",),
                    )
                )
                continue
            if entry is None and (ground.heading is None or ground.text is None):
                problems.append(
                    source.problem(
                        f"ground {ground.id!r} is not in the grounds library (`assembler grounds` "
                        "lists them); a ground of your own needs a heading and a text",
                        here + ("id",),
                    )
                )
                continue
            if key == "grounds":
                for name in ("answers", "reply"):
                    if getattr(ground, name) is not None:
                        problems.append(source.problem(f"only an opposition ground has {name}:", here + (name,)))
            elif ground.answers is not None and ground.answers not in motion_ids:
                problems.append(
                    source.problem(
                        f"answers {ground.answers!r}, which is not one of the motion's grounds", here + ("answers",)
                    )
                )
            text = texts.get(here + ("text",))
            if text is None:
                assert entry is not None
                blanks = [name for name in entry.fills if name not in ground.fills]
                if blanks:
                    problems.append(
                        source.problem(
                            f"ground {ground.id!r} takes the library's text, which has blanks only you can "
                            "fill: " + "; ".join(f"fills.{name}: {entry.fills[name]}" for name in blanks),
                            here + ("fills",) if ground.fills else here + ("id",),
                        )
                    )
                    continue
                for name in ground.fills:
                    if name not in entry.fills:
                        problems.append(
                            source.problem(
                                f"the library text of ground {ground.id!r} has no blank {name!r} (its blanks: "
                                f"{', '.join(entry.fills) or 'none'})",
                                here + ("fills", name),
                            )
                        )
                filled = {**values, **{f"fill.{k}": v for k, v in ground.fills.items()}}
                try:
                    text = fill(markup.parse(entry.text), filled, verbs)
                except PlaceholderError as exc:
                    problems.append(
                        source.problem(
                            f"the library text of ground {ground.id!r} needs {exc}, which the answers "
                            f"do not give{_HINTS.get(str(exc), '')}",
                            here + ("id",),
                        )
                    )
                    continue
            heading = ground.heading
            if heading is None and entry is not None:
                heading = fill_text(entry.heading, values, verbs)  # "The {order.defined} Is Void"
            out.append(
                ResolvedGround(
                    id=ground.id,
                    heading=heading or "",
                    text=text,
                    summary=texts.get(here + ("summary",)),
                    reply=texts.get(here + ("reply",)),
                    answers=ground.answers,
                    authorities=entry.authorities if entry and ground.text is None else (),
                )
            )
        resolved[key] = tuple(out)
    return resolved, problems
