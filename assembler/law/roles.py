"""Party roles, read from ``data/roles.yaml``: the one registry of what a party can be in a caption.

A caption labels each side by its role ("Plaintiff," / "Defendants." or "Petitioner," /
"Respondents."), and the papers name a side without a short name of its own by the same
word ("Respondents' Response").  The answer model takes its role ids from here, the view
its labels, the docket import its spellings.  The file is read when the answer model is
defined (its ids are the model's choices), so its schema is checked here by hand, as
``districts.yaml``'s is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from assembler import packaged

Side = Literal["plaintiffs", "defendants", "other"]
_WHERE = "data/roles.yaml"
_REQUIRED = {"side", "singular", "plural", "source"}


@dataclass(frozen=True)
class Role:
    id: str
    side: Side
    singular: str
    plural: str
    source: str
    names: tuple[str, ...] = ()

    def label(self, count: int) -> str:
        """The caption's label for ``count`` parties of the role: "Petitioner" or "Respondents"."""
        return self.plural if count > 1 else self.singular


def _key(text: str) -> str:
    return re.sub(r"[\s/\-]+", " ", text.strip().casefold())


@cache
def roles() -> dict[str, Role]:
    """Every party role by id, in the file's order."""
    data = packaged.read("roles.yaml")
    if not isinstance(data, dict) or not data:
        raise packaged.error(_WHERE, (), "must be a mapping of role ids to roles")
    out: dict[str, Role] = {}
    for role_id, entry in data.items():
        if not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", str(role_id)):
            raise packaged.error(_WHERE, (str(role_id),), "is not a role id (lower-case words joined by hyphens)")
        if not isinstance(entry, dict) or not _REQUIRED <= set(entry) <= {*_REQUIRED, "names"}:
            raise packaged.error(_WHERE, (role_id,), "must give side, singular, plural and source (and names)")
        if entry["side"] not in ("plaintiffs", "defendants", "other"):
            raise packaged.error(_WHERE, (role_id, "side"), "must be plaintiffs, defendants or other")
        for field in ("singular", "plural", "source"):
            if not (isinstance(entry[field], str) and entry[field].strip()):
                raise packaged.error(_WHERE, (role_id, field), "must be text")
        names = entry.get("names", [])
        if not (isinstance(names, list) and all(isinstance(n, str) and n.strip() for n in names)):
            raise packaged.error(_WHERE, (role_id, "names"), "must be a list of spellings")
        out[role_id] = Role(role_id, entry["side"], entry["singular"], entry["plural"], entry["source"], tuple(names))
    spellings: dict[str, str] = {}
    for role in out.values():
        for spelling in (role.id, role.singular, role.plural, *role.names):
            taken = spellings.setdefault(_key(spelling), role.id)
            if taken != role.id:
                raise packaged.error(_WHERE, (role.id,), f"spells {spelling!r} as {taken} does")
    return out


def role_ids(side: Side | None = None) -> tuple[str, ...]:
    """The ids of every role, or of the roles of one side."""
    return tuple(r.id for r in roles().values() if side is None or r.side == side)


def find(text: str) -> Role | None:
    """The role ``text`` names: its id, its label or another spelling ("Intervenor Defendant")."""
    wanted = _key(text)
    for role in roles().values():
        if wanted in {_key(s) for s in (role.id, role.singular, role.plural, *role.names)}:
            return role
    return None


def role(role_id: str) -> Role:
    return roles()[role_id]


def role_named(text: str) -> Role:
    """The role ``text`` names (the answer model has checked that it names one)."""
    found = find(text)
    assert found is not None, f"{text!r} names no role of {_WHERE}"
    return found
