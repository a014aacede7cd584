"""Finding a district court by what a lawyer types: its id, its name, or its abbreviation.

"nysd", "S.D.N.Y.", "sdny", "Southern District of New York", "southern district
of new york" and "New York Southern" all find the Southern District of New York;
"Massachusetts" finds the District of Massachusetts (the only court of the
state).  Abbreviations are the Bluebook's (table T1 for the courts, T10 for the
states): "D. Mass.", "N.D. Cal.", "D.D.C.".
"""

from __future__ import annotations

import re
from functools import cache

# Bluebook T10, for the states and territories that have a district court
STATES = {
    "Alabama": "Ala.",
    "Alaska": "Alaska",
    "Arizona": "Ariz.",
    "Arkansas": "Ark.",
    "California": "Cal.",
    "Colorado": "Colo.",
    "Connecticut": "Conn.",
    "Delaware": "Del.",
    "Columbia": "D.C.",
    "Florida": "Fla.",
    "Georgia": "Ga.",
    "Guam": "Guam",
    "Hawaii": "Haw.",
    "Idaho": "Idaho",
    "Illinois": "Ill.",
    "Indiana": "Ind.",
    "Iowa": "Iowa",
    "Kansas": "Kan.",
    "Kentucky": "Ky.",
    "Louisiana": "La.",
    "Maine": "Me.",
    "Maryland": "Md.",
    "Massachusetts": "Mass.",
    "Michigan": "Mich.",
    "Minnesota": "Minn.",
    "Mississippi": "Miss.",
    "Missouri": "Mo.",
    "Montana": "Mont.",
    "Nebraska": "Neb.",
    "Nevada": "Nev.",
    "New Hampshire": "N.H.",
    "New Jersey": "N.J.",
    "New Mexico": "N.M.",
    "New York": "N.Y.",
    "North Carolina": "N.C.",
    "North Dakota": "N.D.",
    "Northern Mariana Islands": "N. Mar. I.",
    "Ohio": "Ohio",
    "Oklahoma": "Okla.",
    "Oregon": "Or.",
    "Pennsylvania": "Pa.",
    "Puerto Rico": "P.R.",
    "Rhode Island": "R.I.",
    "South Carolina": "S.C.",
    "South Dakota": "S.D.",
    "Tennessee": "Tenn.",
    "Texas": "Tex.",
    "Utah": "Utah",
    "Vermont": "Vt.",
    "Virgin Islands": "V.I.",
    "Virginia": "Va.",
    "Washington": "Wash.",
    "West Virginia": "W. Va.",
    "Wisconsin": "Wis.",
    "Wyoming": "Wyo.",
}
_PARTS = {
    "Northern": "N.D.",
    "Southern": "S.D.",
    "Eastern": "E.D.",
    "Western": "W.D.",
    "Middle": "M.D.",
    "Central": "C.D.",
}
_NAME = re.compile(r"^(?:(?P<part>\w+) )?District of (?:the )?(?P<state>.+)$")


def abbreviation(name: str) -> str:
    """The Bluebook abbreviation of a district court's name: "S.D.N.Y.", "D. Mass."."""
    match = _NAME.match(name)
    if match is None or match.group("state") not in STATES:
        return ""
    part = _PARTS.get(match.group("part") or "", "D.")
    state = STATES[match.group("state")]
    # adjacent single capitals close up ("S.D.N.Y."); any longer abbreviation is spaced ("N.D. Cal.")
    closed = re.fullmatch(r"(?:[A-Z]\.)+", state) is not None
    return part + ("" if closed else " ") + state


def _key(text: str) -> str:
    """``text`` reduced to its letters, lowercase: "S.D.N.Y." and "sdny" are both "sdny"."""
    return re.sub(r"[^a-z]", "", text.lower())


def _words(text: str) -> list[str]:
    return [
        w for w in re.split(r"[^a-z]+", text.lower()) if w and w not in ("of", "the", "district", "court", "for", "us")
    ]


@cache
def _table() -> tuple[tuple[str, str, str, frozenset[str]], ...]:
    """(id, name, abbreviation, words of the name) for every district."""
    from assembler.law.districts import districts

    return tuple(
        (cid, info["name"], abbreviation(info["name"]), frozenset(_words(info["name"])))
        for cid, info in districts().items()
    )


def find(text: str) -> list[str]:
    """The ids of the courts ``text`` names: one, several (a state with several districts), or none.

    An id, an abbreviation or a whole name ("southern district of new york") names one
    court; otherwise every court whose name holds all the words typed ("new york",
    "massachusetts", "york southern")."""
    typed = text.strip()
    if not typed:
        return []
    key = _key(typed)
    table = _table()
    exact = [cid for cid, name, abbr, _ in table if typed.lower() == cid or key in (_key(name), _key(abbr), _key(cid))]
    if exact:
        return exact
    words = _words(typed)
    if not words:
        return []
    return [
        cid
        for cid, _, _, name_words in table
        if all(any(w == n or (len(w) >= 3 and n.startswith(w)) for n in name_words) for w in words)
    ]


def described(court_id: str) -> str:
    """ "Southern District of New York (S.D.N.Y.)", for a list of courts."""
    for cid, name, abbr, _ in _table():
        if cid == court_id:
            return f"{name} ({abbr})" if abbr else name
    return court_id


def matches(text: str, court_id: str) -> bool:
    """Whether what is typed so far could be the start of a way to name ``court_id``
    (its id, its abbreviation, its name), for the completions shown while typing."""
    typed = text.strip().lower()
    if not typed:
        return True
    for cid, name, abbr, name_words in _table():
        if cid != court_id:
            continue
        key = _key(typed)
        if key and (_key(cid).startswith(key) or _key(abbr).startswith(key) or _key(name).startswith(key)):
            return True
        words = _words(typed)
        if not words:
            return False
        # every word typed is the start of a word of the name ("new yo", "southern new")
        return all(any(n.startswith(w) for n in name_words) for w in words)
    return False
