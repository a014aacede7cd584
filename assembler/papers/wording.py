"""How the papers speak of a side: names, possessives, and verbs that agree in number.

Both the template view and the grounds library's placeholders use these words,
so "the ISPs assert" and "Defendant asserts" come from one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from assembler.answers.model import Answers, Side

_IRREGULAR = {"be": ("are", "is"), "have": ("have", "has"), "do": ("do", "does")}


@lru_cache(maxsize=None)
def _phrases() -> dict[str, str]:
    return yaml.safe_load((resources.files("assembler") / "data" / "wording.yaml")
                          .read_text(encoding="utf-8"))


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
            "name": self.name, "Name": capitalized(self.name),
            "short": short, "Short": capitalized(short),
            "possessive": possessive(short), "Possessive": capitalized(possessive(short)),
            "defined": short[4:] if short.lower().startswith("the ") else short,
            "be": conjugate("be", self.plural), "have": conjugate("have", self.plural),
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
    short = first.short_name or (capitalized(side) + ("s" if plural else ""))
    return RoleWords(name, short, plural, True)
