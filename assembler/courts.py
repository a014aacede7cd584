"""Court profiles: the facts of one district, read from a data file in the package.

Every rule figure is a ``Fact`` carrying its source; a figure the research could
not verify has ``value: null`` and is reported as unknown, never invented.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Generic, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import CourtError

T = TypeVar("T")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Fact(_Strict, Generic[T]):
    """A rule figure and where it was read; ``value`` is None when unverified."""

    value: T | None
    source: str

    @property
    def known(self) -> bool:
        return self.value is not None


class CaseNumberRule(_Strict):
    pattern: str
    example: str
    source: str

    def accepts(self, number: str) -> bool:
        return re.match(self.pattern, number.strip()) is not None


class CitationStyle(_Strict):
    """How the court's orders cite the docket: ``Docket 18 at 7-8`` in a footnote, etc."""

    word: str
    placement: Literal["footnote", "inline"]
    source: str


class Formatting(_Strict):
    font: str
    size: float
    footnote_size: float
    line_spacing: float
    source: str


class Reconsideration(_Strict):
    rule: Fact[str]
    days: Fact[int]
    trigger: Fact[str]
    page_limit: Fact[int]
    response_only_if_ordered: Fact[bool]
    leave_required: Fact[bool]
    standard: Fact[str]


class Court(_Strict):
    id: str
    name: str
    state: str
    circuit: int
    caption: tuple[str, ...]
    divisions: tuple[str, ...] = ()
    case_number: CaseNumberRule
    citation: CitationStyle
    formatting: Formatting
    counsel_block: bool
    certificate_of_service: bool
    reconsideration: Reconsideration


def known_courts() -> list[str]:
    """Ids of the courts with a profile in the package."""
    folder = resources.files("assembler") / "data" / "courts"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


@lru_cache(maxsize=None)
def load_court(court_id: str) -> Court:
    """The profile of ``court_id`` (a CourtListener id such as ``azd``)."""
    if not re.fullmatch(r"[a-z]{2,6}", court_id or ""):
        raise CourtError(f"{court_id!r} is not a court id (expected one such as 'azd' or 'nysd')")
    resource = resources.files("assembler") / "data" / "courts" / f"{court_id}.yaml"
    if not resource.is_file():
        raise CourtError(
            f"no court profile for {court_id!r}; profiles exist for: {', '.join(known_courts())}"
        )
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    try:
        return Court.model_validate(data)
    except ValidationError as exc:  # a broken data file shipped with the package is our bug
        raise RuntimeError(f"court profile {court_id}.yaml is invalid: {exc}") from exc
