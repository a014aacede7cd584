"""The paper registry: what each paper is, read from ``data/papers.yaml``.

Every rule about a paper lives in that one file: who files it, what dates it,
its template, what it cannot be drafted without, where it sits in the default
set, and which court rule allows it only when the court orders a response.
This module reads it (``paper_ids`` without the answer model, for the command
line's help; ``papers`` checked against the schema) and applies it to a
matter: the default set, what a set still needs, and each paper's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from assembler import packaged
from assembler.errors import DataError, OutputError, Problem

if TYPE_CHECKING:
    from assembler.answers.matter import Matter

_FILE = "papers.yaml"
Filer = Literal["movant", "opponent", "court"]
Default = Literal["always", "notice", "given", "never"]
_ROLES = ("motion", "response", "reply", "response-order", "reply-leave")


class RegistryError(DataError):
    """``data/papers.yaml`` does not match its schema: a bug in the package, said in one sentence."""


@dataclass(frozen=True)
class Need:
    key: str  # an answer's dotted path, or one of the registry's own keys (see papers.yaml)
    what: str


@dataclass(frozen=True)
class Condition:
    """A court rule that allows a paper only on a condition, met by a docket entry's role."""

    fact: str  # a reconsideration fact of the court profile: true where it applies
    role: str  # the docket role of the entry that meets it
    says: str  # what the rule allows, in words
    vehicles: tuple[str, ...] = ()  # the vehicles it governs; empty: every one


@dataclass(frozen=True)
class PaperKind:
    id: str
    label: str
    filer: Filer
    template: str
    date: str
    default: Default
    needs: tuple[Need, ...] = ()
    entry: str | None = None
    before: str | None = None
    page_limit: str | None = None
    word_limit: str | None = None
    allowed_only: tuple[Condition, ...] = ()

    @property
    def signed_by(self) -> str | None:
        """The side whose counsel sign it; None for the court's orders."""
        return None if self.filer == "court" else self.filer


@lru_cache(maxsize=1)
def _raw() -> dict:
    data = packaged.read(_FILE)
    if not isinstance(data, dict):
        raise RegistryError(f"data/{_FILE}: must map paper ids to their entries")
    return data


def paper_ids() -> tuple[str, ...]:
    """Every paper id, in the order of the default set (cheap: no schema, no answer model)."""
    return tuple(_raw())


_KEYS = {
    "label": str,
    "filer": str,
    "template": str,
    "date": str,
    "default": str,
    "needs": list,
    "entry": str,
    "before": str,
    "page_limit": str,
    "word_limit": str,
    "allowed_only": list,
}
_REQUIRED = ("label", "filer", "template", "date", "default")
_CHOICES = {
    "filer": ("movant", "opponent", "court"),
    "default": ("always", "notice", "given", "never"),
    "entry": _ROLES,
}
_LIMITS = ("page_limit", "reply_page_limit", "word_limit", "reply_word_limit")


def _check(paper_id: str, entry: object, ids: Iterable[str]) -> PaperKind:
    where = f"data/{_FILE}: {paper_id}"
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: must be a mapping of keys to values")
    for key, value in entry.items():
        if key not in _KEYS:
            raise RegistryError(f"{where}.{key}: unknown key")
        if not isinstance(value, _KEYS[key]):
            raise RegistryError(f"{where}.{key}: must be {_KEYS[key].__name__}")
        if key in _CHOICES and value not in _CHOICES[key]:
            raise RegistryError(f"{where}.{key}: must be one of {', '.join(_CHOICES[key])}")
        if key in ("page_limit", "word_limit") and value not in _LIMITS:
            raise RegistryError(f"{where}.{key}: must be one of {', '.join(_LIMITS)}")
    for key in _REQUIRED:
        if key not in entry:
            raise RegistryError(f"{where}.{key}: required")
    if entry["default"] == "given" and not entry.get("needs"):
        raise RegistryError(f"{where}.needs: a paper drafted where the answers give it names that answer first")
    if entry.get("before") is not None and entry["before"] not in ids:
        raise RegistryError(f"{where}.before: {entry['before']!r} is not a paper")
    needs = []
    for index, need in enumerate(entry.get("needs", [])):
        if not (isinstance(need, list) and len(need) == 2 and all(isinstance(x, str) for x in need)):
            raise RegistryError(f"{where}.needs.{index}: must be [key, what it is]")
        needs.append(Need(*need))
    conditions = []
    for index, rule in enumerate(entry.get("allowed_only", [])):
        here = f"{where}.allowed_only.{index}"
        if (
            not isinstance(rule, dict)
            or not {"fact", "role", "says"} <= set(rule)
            or not set(rule) <= {"fact", "role", "says", "vehicles"}
        ):
            raise RegistryError(f"{here}: must give fact, role and says (and vehicles, a list)")
        if rule["role"] not in _ROLES:
            raise RegistryError(f"{here}.role: must be one of {', '.join(_ROLES)}")
        conditions.append(
            Condition(
                str(rule["fact"]), str(rule["role"]), str(rule["says"]), tuple(map(str, rule.get("vehicles", ())))
            )
        )
    fields = {k: v for k, v in entry.items() if k not in ("needs", "allowed_only")}
    return PaperKind(id=paper_id, needs=tuple(needs), allowed_only=tuple(conditions), **fields)


@lru_cache(maxsize=1)
def papers() -> dict[str, PaperKind]:
    """Every paper of the registry, checked against the schema, in default-set order."""
    raw = _raw()
    return {paper_id: _check(paper_id, entry, raw) for paper_id, entry in raw.items()}


def paper(paper_id: str) -> PaperKind:
    return papers()[paper_id]


def default_ids() -> tuple[str, ...]:
    """The papers a set has when none are named: those ``always`` drafted (the notice is added
    per court by ``allowed``)."""
    return tuple(p.id for p in papers().values() if p.default == "always")


# -- applied to a matter ----------------------------------------------------------------------


def paper_date(matter: Matter, paper_id: str) -> tuple[dt.date | None, int | None]:
    """The paper's date and its own docket number, as far as the answers tell them."""
    kind = paper(paper_id)
    section, name = kind.date.split(".")
    given = (
        getattr(getattr(matter.answers, section), name, None) if getattr(matter.answers, section) is not None else None
    )
    entry = matter.entry_with_role(kind.entry) if kind.entry else None
    return (given or (entry.date if entry else None), entry.number if entry else None)


def declaration_paper(side: str) -> str:
    """The id of the declaration paper ``side`` files."""
    return next(k.id for k in papers().values() if k.default == "given" and k.filer == side)


def declaration_facts(matter: Matter, paper_id: str) -> tuple[dt.date | None, str | None]:
    """A declaration paper's date (its own, else its side's paper's) and its declarant (its own,
    else the side's first attorney)."""
    from assembler.law.record import declaration

    kind = paper(paper_id)
    side = kind.filer
    found = declaration(matter.answers, side)
    if found is None:
        return None, None
    block = getattr(matter.answers.counsel, side)
    declarant = found.declarant or (block.attorneys[0].name if block is not None else None)
    return found.executed.date or paper_date(matter, paper_id)[0], declarant


def conditions(matter: Matter, paper_id: str) -> list[tuple[Condition, str]]:
    """The court rules (each with its source's rule) that allow ``paper_id`` only on a condition,
    as far as they apply to the matter's court and vehicle, met by the docket or not."""
    out = []
    for rule in paper(paper_id).allowed_only:
        if rule.vehicles and matter.vehicle.id not in rule.vehicles:
            continue
        fact = getattr(matter.court.reconsideration, rule.fact)
        if fact.value:
            out.append((rule, fact.source.split(" (")[0]))
    return out


def _barred(matter: Matter, kind: PaperKind) -> tuple[Condition, str] | None:
    """The court rule (and its source) that allows ``kind`` only on a condition the docket does
    not meet yet, if there is one."""
    return next(((r, s) for r, s in conditions(matter, kind.id) if matter.entry_with_role(r.role) is None), None)


def barred_answers(matter: Matter) -> list[Problem]:
    """A located warning where the answers give a response (its argument or its date) that a court
    rule allows only on a condition the docket does not meet, for this court and vehicle: the
    registry's rule, so a 59(e) motion in a court that restricts responses to local-rule motions
    is not warned."""
    found = _barred(matter, paper("response"))
    a = matter.answers
    if found is None or not (a.opposition or a.response.filed is not None):
        return []
    rule, source = found
    return [
        matter.source.problem(
            f"the {matter.court.name} allows {rule.says} ({source}), and no docket entry has role: {rule.role}",
            ("opposition",) if a.opposition else ("response", "filed"),
        )
    ]


def allowed(
    matter: Matter, documents: Iterable[str], *, explicit: bool, unordered: bool = False
) -> tuple[list[str], str | None]:
    """The papers to draft, and why any were left out.

    A paper whose ``default`` is ``notice`` joins the default set where the court
    files a notice of motion beside the memorandum of law; asked for by name
    where it does not, it is an error.  A paper a court rule allows only on a
    condition (a response only when ordered, a reply only with leave) is left
    out of the default set, with a note, until a docket entry with the rule's
    role meets it; asked for by name it is an error, unless ``unordered``.  A
    paper whose ``default`` is ``given`` (a side's declaration) joins the default
    set where the answers give its first need.
    """
    from assembler.law.forms import notice_of_motion

    documents = list(documents)
    kinds = papers()
    split = notice_of_motion(matter.answers, matter.court)
    for kind in kinds.values():
        if kind.default != "notice":
            continue
        if kind.id in documents and not split:
            raise OutputError(
                f"{matter.file}: the {matter.court.name} files the motion as one paper "
                f"({matter.court.notice_of_motion.source}); give motion.notice to draft "
                f"a {kind.label.split(' (')[0]} beside it"
            )
        if split and not explicit and kind.id not in documents and kind.before in documents:
            documents.insert(documents.index(kind.before), kind.id)
    if not explicit:  # a side's declaration joins the set where the answers give one
        given = [
            k.id
            for k in kinds.values()
            if k.default == "given" and k.id not in documents and _given(matter, k.needs[0].key)
        ]
        order = list(kinds)
        documents = sorted([*documents, *given], key=order.index)
    if unordered:
        return documents, None
    barred = {d: why for d in documents if (why := _barred(matter, kinds[d]))}
    if not barred:
        return documents, None
    names = " and ".join(barred)
    reasons = "; ".join(
        dict.fromkeys(
            f"the {matter.court.name} allows {rule.says} ({source}), and no docket entry has role: {rule.role}"
            for rule, source in barred.values()
        )
    )
    if explicit:
        raise OutputError(
            f"{matter.file}: {reasons}; add that entry to the docket, or pass --unordered-response to draft anyway"
        )
    return [d for d in documents if d not in barred], f"not drafting {names}: {reasons}"


def unmet(matter: Matter, documents: Iterable[str]) -> list[Need]:
    """The needs of ``documents`` the answers do not meet yet, each once, in the papers' order."""
    out: dict[str, Need] = {}
    for document in documents:
        for need in paper(document).needs:
            if need.key not in out and not _given(matter, need.key):
                out[need.key] = need
    return list(out.values())


def missing(matter: Matter, documents: Iterable[str]) -> list[str]:
    """What ``documents`` need and the answers do not give yet, each as "key (what it is)"."""
    return [f"{need.key} ({need.what})" for need in unmet(matter, documents)]


def _given(matter: Matter, key: str) -> bool:
    from assembler.answers.reader import value_at

    a = matter.answers
    if key == "docket.background":
        return any(entry.background for entry in a.docket if entry.role is None)
    if key.startswith("docket.role."):
        return matter.entry_with_role(key.removeprefix("docket.role.")) is not None
    if key == "opposition.reply":
        return any(ground.reply for ground in a.opposition)
    head, _, tail = key.partition(".")
    if tail == "date" and head in papers():
        return paper_date(matter, head)[0] is not None
    return value_at(a.model_dump(exclude_defaults=True), tuple(key.split("."))) not in (None, [], {})
