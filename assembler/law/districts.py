"""Every US district court by CourtListener id, read without the rest of the court machinery.

The interview's first question lists them; loading them must not wait for
pydantic and the court profiles (``courts`` builds on this), so the file's
schema is checked here by hand.

Each district also carries what its caption needs: the lines naming the court
(``caption``), its divisions where the research recorded them (``divisions``,
``[]`` for a court that sits in none) and the caption's word before the case
number (``case_label``), with the ``source`` they were read from.  Where the
file gives no caption, ``caption`` here gives the plain default form, and says so.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from assembler import packaged

_KEYS = ("name", "state", "circuit")
_CAPTION_KEYS = ("caption", "divisions", "case_label", "source")  # optional, with their source
DEFAULT_CAPTION_SOURCE = (
    "UNVERIFIED for this court: the default form (UNITED STATES DISTRICT COURT, then the "
    "district's name as 28 U.S.C. §§ 81-131 give it)"
)


@cache
def districts() -> dict[str, dict[str, Any]]:
    """Every US district court by CourtListener id: name, state, circuit."""
    data = packaged.read("districts.yaml")
    where = "data/districts.yaml"
    if not isinstance(data, dict):
        raise packaged.error(where, (), "must be a mapping of court ids to courts")
    circuits = packaged.read("circuits.yaml")
    for court_id, court in data.items():
        if not re.fullmatch(r"[a-z]{2,6}", str(court_id)):
            raise packaged.error(where, (str(court_id),), "is not a CourtListener court id")
        if not isinstance(court, dict) or not set(_KEYS) <= set(court) <= {*_KEYS, *_CAPTION_KEYS}:
            raise packaged.error(
                where,
                (court_id,),
                "must give name, state and circuit, and no more than caption, divisions, case_label and their source",
            )
        _check_caption(where, court_id, court)
        if not (isinstance(court["name"], str) and "District" in court["name"]):
            raise packaged.error(where, (court_id, "name"), "is not a district's name")
        if not (isinstance(court["state"], str) and re.fullmatch(r"[A-Z]{2}", court["state"])):
            raise packaged.error(where, (court_id, "state"), "must be a two-letter postal code")
        if str(court["circuit"]) not in circuits:
            raise packaged.error(
                where, (court_id, "circuit"), f"names no circuit of data/circuits.yaml ({court['circuit']!r})"
            )
    return data


def _check_caption(where: str, court_id: str, court: dict[str, Any]) -> None:
    given = [key for key in _CAPTION_KEYS[:-1] if key in court]
    if given and not (isinstance(court.get("source"), str) and court["source"].strip()):
        raise packaged.error(where, (court_id, "source"), f"must say where {given[0]} was read")
    if "source" in court and not given:
        raise packaged.error(where, (court_id, "source"), "sources nothing: give caption, divisions or case_label")
    lines = court.get("caption", ["-"])
    if not (isinstance(lines, list) and lines and all(isinstance(x, str) and x.strip() for x in lines)):
        raise packaged.error(where, (court_id, "caption"), "must be a list of the caption's lines")
    divisions = court.get("divisions", [])
    if not (isinstance(divisions, list) and all(isinstance(x, str) and x.strip() for x in divisions)):
        raise packaged.error(where, (court_id, "divisions"), "must be a list of division names ([] for none)")
    if not isinstance(court.get("case_label", "-"), str):
        raise packaged.error(where, (court_id, "case_label"), "must be the caption's word before the number")


def caption(court_id: str) -> tuple[list[str], str]:
    """The lines naming the court in a caption, and where they were read (or the default, so marked).

    The default: "UNITED STATES DISTRICT COURT", then "EASTERN DISTRICT OF MICHIGAN" -- or "FOR
    THE DISTRICT OF ARIZONA" for a state's only district, as those courts write it.
    """
    court = districts()[court_id]
    if "caption" in court:
        return list(court["caption"]), court["source"]
    name = court["name"].upper()
    return ["UNITED STATES DISTRICT COURT", f"FOR THE {name}" if name.startswith("DISTRICT OF") else name], (
        DEFAULT_CAPTION_SOURCE
    )


def divisions(court_id: str) -> list[str] | None:
    """The court's divisions ([] where it sits in none), or None where the research has not recorded them."""
    found = districts()[court_id].get("divisions")
    return None if found is None else list(found)
