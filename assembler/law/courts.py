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

import datetime as dt
import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, RootModel, model_validator

from assembler import packaged
from assembler.answers import markup
from assembler.errors import CourtError
from assembler.law.citations import CitationStyle
from assembler.law.districts import caption as district_caption
from assembler.law.districts import districts
from assembler.law.districts import divisions as district_divisions

T = TypeVar("T")
# text of a data file in the answers' markup (*italic*, ^[notes]), parsed when the file is read
MarkupText = Annotated[str, AfterValidator(markup.well_formed)]


class Strict(BaseModel):
    """A data record: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Fact(Strict, Generic[T]):
    """A rule figure and where it was read; ``value`` is None when unverified.

    A rule that changed keeps its earlier versions in ``earlier``, oldest first,
    each with ``until``, the day the next version took effect; ``since`` is the
    day this version took effect, where the research knows it.  ``as_of`` gives
    the version in force on a paper's date.
    """

    value: T | None
    source: str
    since: dt.date | None = None
    until: dt.date | None = None  # an earlier version: in force before this day
    earlier: tuple[Fact[T], ...] = ()

    @model_validator(mode="after")
    def _versions_in_order(self) -> Fact[T]:
        if self.until is not None and self.earlier:
            raise ValueError("an earlier version holds no earlier versions of its own")
        if self.earlier:
            ends = [version.until for version in self.earlier]
            if None in ends:
                raise ValueError("every earlier version needs until: the day the next one took effect")
            if ends != sorted(set(ends)):  # type: ignore[type-var]
                raise ValueError("the earlier versions must be listed oldest first, each ending on its own day")
            if self.since is not None and self.since != ends[-1]:
                raise ValueError(f"since ({self.since}) must be the day the last earlier version ends ({ends[-1]})")
        return self

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def unverified(self) -> bool:
        """Unknown, as opposed to not applying to this court (``value: null`` with a reason)."""
        return self.value is None and self.source.startswith("UNVERIFIED")

    def as_of(self, day: dt.date | None) -> Fact[T]:
        """The version in force on ``day`` (this one when the day is not known)."""
        if day is not None:
            for version in self.earlier:
                if version.until is not None and day < version.until:
                    return version
        return self

    def __reduce_ex__(self, protocol: Any) -> Any:
        """Pickled by its parameters: ``Fact[bool]`` is made by subscripting ``Fact``, and
        cannot be found by that name in this module, as pickle would look for it."""
        args = type(self).__pydantic_generic_metadata__["args"]
        if not args:
            return super().__reduce_ex__(protocol)
        return _fact_of, (args, self.__getstate__())

    def version_label(self, version: Fact[T]) -> str:
        """How ``check`` names a version: "as in force before July 1, 2024"."""
        if version.until is None:
            return "as in force now" + (f" (since {_long(version.since)})" if version.since else "")
        index = self.earlier.index(version)
        start = self.earlier[index - 1].until if index else None
        if start is None:
            return f"as in force before {_long(version.until)}"
        return f"as in force from {_long(start)} until {_long(version.until)}"


def _fact_of(args: tuple[Any, ...], state: dict[Any, Any]) -> Fact[Any]:
    """A pickled ``Fact[...]`` again, as an instance of the same parametrized class."""
    cls = Fact[args[0]]  # type: ignore[valid-type]  # one parameter, T, subscripted at run time
    fact = cls.__new__(cls)
    fact.__setstate__(state)
    return fact


def _long(day: dt.date | None) -> str:
    return f"{day:%B} {day.day}, {day.year}" if day else "?"


class CaseNumberForm(Strict):
    pattern: str
    example: str

    @model_validator(mode="after")
    def _example_fits(self) -> CaseNumberForm:
        try:
            compiled = re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"the pattern is not a regular expression ({exc})") from None
        if not compiled.fullmatch(self.example):
            raise ValueError(f"the example {self.example!r} does not fit the pattern")
        return self


class CaseNumberRule(Strict):
    forms: tuple[CaseNumberForm, ...]
    source: str

    def accepts(self, number: str) -> bool:
        return any(re.fullmatch(form.pattern, number.strip()) for form in self.forms)

    @property
    def examples(self) -> list[str]:
        return [form.example for form in self.forms]


class Formatting(Strict):
    size: float
    footnote_size: float
    pleading_lines: Fact[bool]
    verified: bool
    source: str


Closing = Literal["ordered", "it-is-so-ordered", "so-ordered"]
DatedLine = Literal["this-day-of", "dated"]


class OrderForm(Strict):
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


PaperDated = Literal["submitted-this-day-of", "dated"]


class Idiom(Strict):
    """How the court's bar writes a party's paper: each a custom or a rule, with its source.

    ``dated``: ``submitted-this-day-of`` ("RESPECTFULLY SUBMITTED this 20th day of
    June, 2024.") or ``dated`` ("Dated: June 20, 2024", or "Dated: New York, New
    York" and the date below it where ``place`` is known).  ``memorandum``: the
    name of the supporting memorandum; ``bar_label``: the word before counsel's
    bar number.  Unknown (null): the plainest federal form (``data/wording.yaml``).
    """

    dated: Fact[PaperDated]
    place: Fact[str]
    memorandum: Fact[str]
    bar_label: Fact[str]


class Reconsideration(Strict):
    rule: Fact[str]
    days: Fact[int]
    trigger: Fact[str]
    page_limit: Fact[int]
    reply_page_limit: Fact[int]
    word_limit: Fact[int]
    reply_word_limit: Fact[int]
    certificate_of_compliance: Fact[bool]
    response_only_if_ordered: Fact[bool]
    grant_only_if_response: Fact[bool]  # no motion is granted unless the court has called for a response
    reply_only_with_leave: Fact[bool]  # a reply on reconsideration needs the court's permission
    reaches_judgments: Fact[bool]  # the local rule reaches a final judgment, not only orders
    # the library's movant grounds the rule's own list of grounds admits (None: it lists none)
    library_grounds: Fact[tuple[str, ...]]
    leave_required: Fact[bool]
    standard: Fact[str]
    standard_quoted: bool = False


ConferencePlace = Literal["notice", "body", "end"]


class ConferenceRule(Strict):
    """The court's rule on conferring with the other side before a motion is filed.

    ``required``: a conference before a motion for reconsideration (the rule's
    exemptions read); ``place``: where the paper says so -- ``notice`` (in the
    notice of motion, C.D. Cal. L.R. 7-3), ``body`` (in the motion, before its
    signature) or ``end`` (a certificate at the end, after the certificate of
    service); ``content``: what the statement must say, in the rule's words;
    ``rule``: how the papers cite the rule; ``heading``: the certificate's heading.
    """

    rule: str | None = None
    heading: str = "Certificate of Conference"
    required: Fact[bool]
    place: Fact[ConferencePlace]
    content: Fact[str]


class Filing(Strict):
    """How the court takes a filing in CM/ECF: how its exhibits are labelled, and the largest
    file it accepts (megabytes), each a sourced fact, unknown where unverified."""

    exhibit_labels: Fact[Literal["letters", "numbers"]]
    size_limit_mb: Fact[float]


class CircuitData(Strict):
    """One circuit of ``data/circuits.yaml``; ``standard`` is None where the research has none."""

    name: str
    standard: MarkupText | None
    source: str
    vehicles: tuple[str, ...] = ()  # the motions its standard speaks to (vehicle ids); empty: every one

    def speaks_to(self, vehicle_id: str) -> bool:
        """The standard is stated for a motion under ``vehicle_id``."""
        return self.standard is not None and (not self.vehicles or vehicle_id in self.vehicles)


class _Circuits(RootModel[dict[str, CircuitData]]):
    pass


class Circuit(CircuitData):
    id: str


class Court(Strict):
    id: str
    name: str
    state: str
    circuit: Circuit
    profiled: bool
    caption: tuple[str, ...]
    caption_source: str  # where the caption's lines were read: the profile, data/districts.yaml, or the default
    divisions: tuple[str, ...] | None = None  # () where the court sits in none; None: not recorded
    case_number: CaseNumberRule
    case_label: str = "Case No."  # the caption's word before the number (the model order's)
    citation: CitationStyle
    formatting: Formatting
    counsel_block: bool
    certificate_of_service: bool
    notice_of_motion: Fact[bool]
    conference: ConferenceRule
    idiom: Idiom
    order: OrderForm
    reconsideration: Reconsideration
    filing: Filing

    def facts(self) -> dict[str, Fact[Any]]:
        """Every rule figure of the profile by name, for ``check`` and the notes."""
        out: dict[str, Fact[Any]] = {
            "formatting.pleading_lines": self.formatting.pleading_lines,
            "notice_of_motion": self.notice_of_motion,
            "conference.required": self.conference.required,
            "conference.place": self.conference.place,
            "conference.content": self.conference.content,
        }
        for name in Idiom.model_fields:
            out[f"idiom.{name}"] = getattr(self.idiom, name)
        for name in Reconsideration.model_fields:
            value = getattr(self.reconsideration, name)
            if isinstance(value, Fact):
                out[f"reconsideration.{name}"] = value
        return out

    def as_of(self, day: dt.date | None) -> Court:
        """The profile with every rule figure as in force on ``day`` (a paper's date)."""
        rule = self.reconsideration
        versions = {
            name: fact.as_of(day)
            for name in Reconsideration.model_fields
            if isinstance(fact := getattr(rule, name), Fact) and fact.earlier
        }
        if not versions:
            return self
        return self.model_copy(update={"reconsideration": rule.model_copy(update=versions)})

    def versions(self, day: dt.date | None) -> list[tuple[str, Fact[Any], Fact[Any]]]:
        """(name, fact, the version in force on ``day``) for each figure that changed over time."""
        return [(name, fact, fact.as_of(day)) for name, fact in self.facts().items() if fact.earlier]

    def unknown(self) -> list[str]:
        """The figures the research could not verify for this court."""
        unknown = [name for name, fact in self.facts().items() if fact.unverified]
        if self.caption_source.startswith("UNVERIFIED"):
            unknown.insert(0, "caption")
        if not self.citation.verified:
            unknown.insert(0, "citation")
        if not self.formatting.verified:
            unknown.insert(0, "formatting")
        return unknown


@lru_cache(maxsize=1)
def circuits() -> dict[str, CircuitData]:
    """Every circuit by id (``"9"``, ``"dc"``): its name, and the standard its courts state."""
    return packaged.load("circuits.yaml", _Circuits).root


def known_courts() -> list[str]:
    """Ids of the courts with a profile of their own in the package."""
    return [name[:-5] for name in packaged.names("courts") if not name.startswith("_")]


def _merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{k: _merge(base.get(k), v) for k, v in over.items()}}
    return over


# what a profile takes from data/districts.yaml and data/circuits.yaml, never from itself
_FROM_DISTRICTS = ("id", "name", "state", "profiled", "circuit", "divisions", "caption_source")


def _blame(court_id: str, own: dict[str, Any]) -> Callable[[packaged.Loc], str]:
    """The file a faulty key of the merged profile comes from: the court's own, or the defaults."""

    def where(loc: packaged.Loc) -> str:
        node: Any = own
        for part in loc:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                return "data/courts/_federal.yaml"
        return f"data/courts/{court_id}.yaml"

    return where


@cache
def load_court(court_id: str) -> Court:
    """The profile of ``court_id`` (a CourtListener id such as ``azd``)."""
    if not re.fullmatch(r"[a-z]{2,6}", court_id or ""):
        raise CourtError(f"{court_id!r} is not a court id (expected one such as 'azd' or 'nysd')")
    district = districts().get(court_id)
    if district is None:
        raise CourtError(
            f"{court_id!r} is not a US district court id (CourtListener ids, such as "
            f"azd, nysd, ohnd; courts with full profiles: {', '.join(known_courts())})"
        )
    data = packaged.read("courts/_federal.yaml")
    profiled = court_id in known_courts()
    own: Any = packaged.read(f"courts/{court_id}.yaml") if profiled else {}
    where = f"data/courts/{court_id}.yaml"
    if not isinstance(own, dict):
        raise packaged.error(where, (), "must be a mapping of keys to values")
    if taken := [name for name in _FROM_DISTRICTS if name in own]:
        raise packaged.error(where, (taken[0],), "comes from data/districts.yaml, not the profile")
    data = _merge(data, own)
    circuit_id = str(district["circuit"])
    data.update(
        id=court_id,
        name=district["name"],
        state=district["state"],
        profiled=profiled,
        circuit={"id": circuit_id, **circuits()[circuit_id].model_dump()},
    )
    if own.get("caption") is not None:  # the profile's own, from its research
        data["caption_source"] = f"the court's profile (data/courts/{court_id}.yaml)"
    else:
        data["caption"], data["caption_source"] = district_caption(court_id)
    if "case_label" not in own and "case_label" in district:
        data["case_label"] = district["case_label"]
    data["divisions"] = district_divisions(court_id)
    return packaged.validate(Court, data, _blame(court_id, own))
