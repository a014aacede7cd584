"""Court profiles: the facts of one district, read from data files in the package.

``data/districts.yaml`` names every US district court (its caption name, the
state where it sits, its circuit).  ``data/courts/<id>.yaml`` adds what the
rules research found for the courts where these motions are filed, deep-merged
over ``data/courts/_federal.yaml``, the federal defaults every other district
works on.  Every rule figure is a ``Fact`` carrying its source; a figure the
research could not verify has ``value: null`` and is reported as unknown, never
invented.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, Generic, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from assembler.errors import CourtError
from assembler.law.citations import CitationStyle
from assembler.law.districts import districts

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

    @property
    def unverified(self) -> bool:
        """Unknown, as opposed to not applying to this court (``value: null`` with a reason)."""
        return self.value is None and self.source.startswith("UNVERIFIED")


class CaseNumberForm(_Strict):
    pattern: str
    example: str


class CaseNumberRule(_Strict):
    forms: tuple[CaseNumberForm, ...]
    source: str

    def accepts(self, number: str) -> bool:
        return any(re.fullmatch(form.pattern, number.strip()) for form in self.forms)

    @property
    def examples(self) -> list[str]:
        return [form.example for form in self.forms]


class Formatting(_Strict):
    size: float
    footnote_size: float
    pleading_lines: Fact[bool]
    verified: bool
    source: str


Closing = Literal["ordered", "it-is-so-ordered", "so-ordered"]
DatedLine = Literal["this-day-of", "dated"]


class OrderForm(_Strict):
    """The shape of the court's orders: sections, the closing and the date line.

    ``closing``: ``ordered`` ("it is ORDERED:" and numbered items, as the model
    order), ``it-is-so-ordered`` or ``so-ordered`` (the items as sentences, then
    "IT IS SO ORDERED." or "SO ORDERED.").  ``dated``: ``this-day-of`` ("DATED
    this 13th day of November, 2012.") or ``dated`` ("Dated: New York, New
    York" and the date below, where ``place`` is given).
    """

    headings: bool = True
    legal_standard: bool = False
    closing: Closing = "ordered"
    dated: DatedLine = "this-day-of"
    place: str | None = None
    title: str | None = None  # the orders' own title ("Memorandum Opinion and Order")
    re: bool = False  # "Re: Dkt. No. 151" under the title
    source: str


class Reconsideration(_Strict):
    rule: Fact[str]
    days: Fact[int]
    trigger: Fact[str]
    page_limit: Fact[int]
    reply_page_limit: Fact[int]
    word_limit: Fact[int]
    reply_word_limit: Fact[int]
    certificate_of_compliance: Fact[bool]
    response_only_if_ordered: Fact[bool]
    leave_required: Fact[bool]
    standard: Fact[str]
    standard_quoted: bool = False


class Circuit(_Strict):
    id: str
    name: str
    standard: str | None
    source: str


class Court(_Strict):
    id: str
    name: str
    state: str
    circuit: Circuit
    profiled: bool
    caption: tuple[str, ...]
    case_number: CaseNumberRule
    case_label: str = "Case No."  # the caption's word before the number (the model order's)
    citation: CitationStyle
    formatting: Formatting
    counsel_block: bool
    certificate_of_service: bool
    notice_of_motion: Fact[bool]
    order: OrderForm
    reconsideration: Reconsideration

    def facts(self) -> dict[str, Fact[Any]]:
        """Every rule figure of the profile by name, for ``check`` and the notes."""
        out: dict[str, Fact[Any]] = {"formatting.pleading_lines": self.formatting.pleading_lines,
                                     "notice_of_motion": self.notice_of_motion}
        for name in Reconsideration.model_fields:
            value = getattr(self.reconsideration, name)
            if isinstance(value, Fact):
                out[f"reconsideration.{name}"] = value
        return out

    def unknown(self) -> list[str]:
        """The figures the research could not verify for this court."""
        unknown = [name for name, fact in self.facts().items() if fact.unverified]
        if not self.citation.verified:
            unknown.insert(0, "citation")
        if not self.formatting.verified:
            unknown.insert(0, "formatting")
        return unknown


def _data(name: str) -> Any:
    return yaml.safe_load((resources.files("assembler") / "data" / name).read_text(encoding="utf-8"))




def known_courts() -> list[str]:
    """Ids of the courts with a profile of their own in the package."""
    folder = resources.files("assembler") / "data" / "courts"
    return sorted(p.name[:-5] for p in folder.iterdir()
                  if p.name.endswith(".yaml") and not p.name.startswith("_"))


def _merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{k: _merge(base.get(k), v) for k, v in over.items()}}
    return over


@lru_cache(maxsize=None)
def load_court(court_id: str) -> Court:
    """The profile of ``court_id`` (a CourtListener id such as ``azd``)."""
    if not re.fullmatch(r"[a-z]{2,6}", court_id or ""):
        raise CourtError(f"{court_id!r} is not a court id (expected one such as 'azd' or 'nysd')")
    district = districts().get(court_id)
    if district is None:
        raise CourtError(f"{court_id!r} is not a US district court id (CourtListener ids, such as "
                         f"azd, nysd, ohnd; courts with full profiles: {', '.join(known_courts())})")
    data = _data("courts/_federal.yaml")
    profiled = court_id in known_courts()
    if profiled:
        data = _merge(data, _data(f"courts/{court_id}.yaml"))
    circuit_id = str(district["circuit"])
    data.update(id=court_id, name=district["name"], state=district["state"], profiled=profiled,
                circuit={"id": circuit_id, **_data("circuits.yaml")[circuit_id]})
    data.setdefault("caption", None)
    if data["caption"] is None:
        data["caption"] = ["IN THE UNITED STATES DISTRICT COURT", f"FOR THE {district['name'].upper()}"]
    try:
        return Court.model_validate(data)
    except ValidationError as exc:  # a broken data file shipped with the package is our bug
        raise RuntimeError(f"court profile {court_id} is invalid: {exc}") from exc
