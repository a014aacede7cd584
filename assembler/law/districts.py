"""Every US district court by CourtListener id, read without the rest of the court machinery.

The interview's first question lists them; loading them must not wait for
pydantic and the court profiles (``courts`` builds on this), so the file's
schema is checked here by hand.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from assembler import packaged

_KEYS = ("name", "state", "circuit")


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
        if not isinstance(court, dict) or set(court) != set(_KEYS):
            raise packaged.error(where, (court_id,), "must give name, state and circuit, and no more")
        if not (isinstance(court["name"], str) and "District" in court["name"]):
            raise packaged.error(where, (court_id, "name"), "is not a district's name")
        if not (isinstance(court["state"], str) and re.fullmatch(r"[A-Z]{2}", court["state"])):
            raise packaged.error(where, (court_id, "state"), "must be a two-letter postal code")
        if str(court["circuit"]) not in circuits:
            raise packaged.error(
                where, (court_id, "circuit"), f"names no circuit of data/circuits.yaml ({court['circuit']!r})"
            )
    return data
