"""A draft chronology from the docket: one sentence of the background for a docket entry.

The papers print an entry's background after "On <date>, " (its own date); the
sentence says who filed it, as the answers name the party (the movant by its
short name, a lone party by its short name or name, several by their side),
or that the Court entered it (the judge, for an order of another judge), and
its title cleaned of the clerk's text (``clean.told_title``), then cites the
entry: "CP Productions filed an *Ex Parte* Motion for Leave to Take Discovery
Prior to Rule 26(f) Conference.[[5]]".  It is a suggestion: the interview
writes it marked ``# suggested`` until the lawyer keeps or edits it.
"""

from __future__ import annotations

import re
from typing import Any

from assembler.docket.clean import plain_name, told_title

_SIDES = {"plaintiff": "plaintiffs", "defendant": "defendants"}
_MOVANTS = ("motion", "reply")  # the movant's papers of the reconsideration
# what the court enters: an order, an opinion, a judgment (a notice or a summons the clerk issues
# is not "entered" by the Court, and a party does not file an order)
_ORDER = re.compile(
    r"(?i)^(\*?electronic\s+)?(memorandum\s+(and|&)\s+order|memorandum\s+opinion|"
    r"opinion|order|judgment|scheduling\s+order|memo\s+endorse|decision)\b"
)
_JUDGE = re.compile(r"^((?:Magistrate )?Judge [A-Z][\w.' -]+?): (.+)$")


def _party_names(answers: dict[str, Any]) -> list[str]:
    parties = answers.get("parties") or {}
    return [
        str(p.get("name"))
        for side in ("plaintiffs", "defendants", "others")
        for p in parties.get(side) or []
        if isinstance(p, dict) and p.get("name")
    ]


def filer(answers: dict[str, Any], filed_by: str, role: str | None = None, title: str = "") -> str | None:
    """Who filed an entry, as the papers name them; None where the answers do not say."""
    movant = answers.get("movant") or {}
    short = movant.get("short_name") or movant.get("name")
    if filed_by == "movant" or (filed_by == "non-party" and movant.get("party") is False and role in _MOVANTS):
        return str(short) if short else None
    if filed_by == "non-party":
        return "a non-party"
    side = _SIDES.get(filed_by)
    if side is None:
        return None
    listed = [p for p in (answers.get("parties") or {}).get(side) or [] if isinstance(p, dict) and p.get("name")]
    named = [p for p in listed if plain_name(str(p["name"])).lower().rstrip(".") in title.lower()]
    if len(named) == 1 and len(listed) > 1:  # "... for Yahoo! Inc.": that one of the defendants
        listed = named
    elif movant.get("party") is not False and movant.get("side") == filed_by and short:
        return str(short)  # the movant's side: as the papers call the movant ("Defendants")
    if len(listed) == 1:
        return plain_name(str(listed[0].get("short_name") or listed[0]["name"]))
    if listed:
        return side.capitalize()
    return None


def _article(title: str) -> str:
    """ "a" or "an" before ``title``, or nothing where it has its own ("the Complaint")."""
    bare = title.lstrip("*")
    if re.match(r"(?i)(the|a|an|its|their)\s|\S+['’]s\s", bare):  # "Yahoo's Answer"
        return ""
    if re.match(r"(?i)(amended\s+)?complaint\b", bare):
        return "the "
    if re.match(r"(?i)(uni|use|usu|one\b|eu)", bare):
        return "a "
    return "an " if bare[:1].lower() in "aeiou" else "a "


def _judge(answers: dict[str, Any], entry: dict[str, Any]) -> str:
    """Who entered an order: the Court, or the judge who entered the challenged order where
    that is not the judge deciding the motion (order.judge)."""
    order = answers.get("order") or {}
    if order.get("judge") and order.get("docket") == entry.get("number"):
        title = str(order.get("judge_title") or "")
        word = "Magistrate Judge" if "magistrate" in title.lower() else "Judge"
        return f"{word} {order['judge']}"
    return "the Court"


def sentence(answers: dict[str, Any], entry: dict[str, Any]) -> str | None:
    """The background's sentence for ``entry`` (a docket row of ``answers``), without the "On
    <date>, " the papers print before it; None where the answers do not say who filed it or
    the entry has no number or title."""
    number, title = entry.get("number"), entry.get("title")
    if not isinstance(number, int) or not title:
        return None
    text, judge = str(title), None
    if said := _JUDGE.match(" ".join(text.split())):  # "Judge Mark G. Mastroianni: ELECTRONIC ORDER entered ..."
        judge, text = said.group(1), re.sub(r"(?i)^(\S+(?:\s+ORDER)?)\s+entered\b", r"\1", said.group(2))
    told = told_title(text, _party_names(answers))
    if not told or "…" in told or re.match(r"(?i)filing error\b", told):
        return None  # the clerk's text cut short, or a filing the clerk marked an error
    told = told[0].upper() + told[1:]
    end = "" if told.endswith(".") else "."
    order = bool(_ORDER.match(told))
    if entry.get("filed_by") == "court" or judge:
        if not order:
            return None
        return f"{judge or _judge(answers, entry)} entered {_article(told)}{told}{end}[[{number}]]"
    if order:
        return None  # an order said to be a party's: the filer or the title is wrong
    who = filer(answers, str(entry.get("filed_by")), entry.get("role"), str(title))
    if who is None:
        return None
    return f"{who} filed {_article(told)}{told}{end}[[{number}]]"
