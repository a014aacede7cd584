"""How the papers speak of a side: names, possessives, and verbs that agree in number.

Both the template view and the grounds library's placeholders use these words,
so "the ISPs assert" and "Defendant asserts" come from one place.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass
from functools import cache
from typing import get_args

from assembler import packaged
from assembler.answers.model import Answers, Outcome, Side
from assembler.law import roles

_IRREGULAR = {"be": ("are", "is"), "have": ("have", "has"), "do": ("do", "does")}


def _each_outcome(kind: str, *fills: str) -> dict[str, tuple[str, ...]]:
    return {f"{kind}.{outcome}": fills for outcome in get_args(Outcome)}


# Every phrase the code asks for, with the placeholders the code fills in it: data/wording.yaml
# gives each of them, and no other (tests/test_data.py reads the code's calls against this).
PHRASES: dict[str, tuple[str, ...]] = {
    "background_dated": ("date",),
    "standard_quoted": ("rule", "standard"),
    "standard_paraphrased": ("rule", "standard"),
    "paper_leave": (),
    **_each_outcome("verb"),
    **_each_outcome("opening", "date", "noun"),
    **{f"opening.granted.{relief}": ("date", "noun") for relief in ("vacate", "vacate-parts", "modify", "amend")},
    "opening.granted.vacate-scope": ("date", "noun", "scope"),
    **_each_outcome("ordered", "motion", "noun", "defined"),
    "ordered.vacate": ("order",),
    "ordered.vacate-part": ("order", "part"),
    "ordered.vacate-scope": ("order", "scope"),
    "ordered.stands": ("noun", "defined"),
    "ordered.otherwise-denied-stands": ("noun", "defined"),
    "ordered.modify": ("order", "parts", "modification"),
    "ordered.modify-parts": ("order", "parts", "modification"),
    "ordered.amend": ("order", "modification"),
    "ordered.leave": ("short", "whose", "date", "title", "cite"),
    "ordered.otherwise": ("noun", "defined"),
    "ordered.otherwise-denied": ("noun", "defined"),
    "ordered.remains": ("order",),
    "motion_named": ("possessive", "paper", "of", "date", "title"),
    "order_named": ("whose", "date", "title", "cite"),
    "foregoing": (),
    "closing.it-is-so-ordered": (),
    "closing.so-ordered": (),
    "paper.response": (),
    "paper.response.memorandum": ("memorandum",),
    "paper.response.short": (),
    "paper.response.short.memorandum": (),
    "paper.reply": (),
    "reply.with_leave": ("cite",),
    "reply.without_leave": ("rule",),
    "conference.held": ("date", "participants", "manner", "rule"),
    "conference.notice": ("rule", "date"),
    "conference.not-reached": ("opponent", "rule", "efforts"),
    "conference.opposes": ("opponent", "verb"),
    "conference.does-not-oppose": ("opponent", "verb"),
    "conference.no-position": ("opponent", "verb"),
    "conference.reasons": ("reasons",),
    "paper.reply.memorandum": ("memorandum",),
    "notice.returnable": (),
    "idiom.memorandum": (),
    "idiom.bar_label": (),
}


def placeholders(text: str) -> set[str]:
    """The ``{names}`` in ``text``; a ``ValueError`` where a brace is not closed."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@cache
def _phrases() -> dict[str, str]:
    """``data/wording.yaml``, checked against ``PHRASES``."""
    where = "data/wording.yaml"
    data = packaged.read("wording.yaml")
    if not isinstance(data, dict):
        raise packaged.error(where, (), "must be a mapping of phrase names to phrases")
    for name, fills in PHRASES.items():
        if name not in data:
            raise packaged.error(where, (name,), "required, but not given")
        text = data[name]
        if not isinstance(text, str):
            raise packaged.error(where, (name,), "must be text")
        try:
            unknown = placeholders(text) - set(fills)
        except ValueError as exc:
            raise packaged.error(where, (name,), f"not a phrase ({exc})") from None
        if unknown:
            allowed = f"its placeholders are {', '.join(fills)}" if fills else "it has no placeholders"
            raise packaged.error(where, (name,), f"{{{min(unknown)}}} is not one of its placeholders ({allowed})")
    if extra := [name for name in data if name not in PHRASES]:
        raise packaged.error(where, (str(extra[0]),), "no code asks for this phrase (check its spelling)")
    return data


def phrase(name: str, **values: str) -> str:
    """A fixed phrase of ``data/wording.yaml``, filled with ``values`` (plain text)."""
    return _phrases()[name].format(**values)


def raw_phrase(name: str) -> str:
    """A phrase with its ``{placeholders}`` unfilled, for rich parts put in by the view."""
    return _phrases()[name]


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def possessive(name: str) -> str:
    return name + ("’" if name.endswith("s") else "’s")


def conjugate(verb: str, plural: bool) -> str:
    """The present tense of ``verb`` for a plural or a singular subject."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb][0 if plural else 1]
    if plural:
        return verb
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


@dataclass(frozen=True)
class RoleWords:
    """The words for one side: ``name`` in full, ``short`` as the papers call it."""

    name: str
    short: str
    plural: bool
    party: bool

    def words(self) -> dict[str, str]:
        """Every word form by its name, as templates and library placeholders use them."""
        short = self.short
        return {
            "name": self.name,
            "Name": capitalized(self.name),
            "short": short,
            "Short": capitalized(short),
            "possessive": possessive(short),
            "Possessive": capitalized(possessive(short)),
            "defined": short[4:] if short.lower().startswith("the ") else short,
            "be": conjugate("be", self.plural),
            "have": conjugate("have", self.plural),
            "party_noun": "parties" if self.plural else "a party",
        }

    def verb(self, base: str) -> str:
        return conjugate(base, self.plural)


NBSP = "\u00a0"


def long_date(date: dt.date) -> str:
    """``August 24, 2012``: how the papers write a date, never broken across two lines."""
    return f"{date:%B}{NBSP}{date.day},{NBSP}{date.year}"


def movant_words(answers: Answers) -> RoleWords:
    m = answers.movant
    return RoleWords(m.name, m.short_name, m.plural, m.party)


def opponent_words(answers: Answers) -> RoleWords:
    """The movant's opponent: a side of the case, named by its first party."""
    side: Side = answers.movant.opponent_side
    parties = answers.parties.plaintiffs if side == "plaintiff" else answers.parties.defendants
    first = parties[0]
    plural = len(parties) > 1
    name = first.name if not plural else f"{first.name} et al."
    role = roles.role(getattr(answers.parties.roles, f"{side}s"))  # "Respondents", "Defendant"
    short = first.short_name or role.label(len(parties))
    return RoleWords(name, short, plural, True)
