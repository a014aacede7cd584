"""The forms of the papers that follow the court and the judge rather than the law.

The court's profile sets them (``data/courts``); a judge whose orders write
them otherwise has an entry in ``data/judges.yaml``; the answers override
both.  Today: the docket citation form (``citation``) and the shape of an
order (``order``).  Each layer is validated as the whole form it makes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, RootModel, ValidationError

from assembler import packaged
from assembler.answers.model import Answers, RulingForm
from assembler.errors import AssemblerError
from assembler.law.citations import Brackets, CitationStyle, CitationWord, Placement
from assembler.law.courts import Court, OrderForm
from assembler.law.districts import districts

Form = TypeVar("Form", CitationStyle, OrderForm)
JUDGES = "data/judges.yaml"


class JudgeCitation(BaseModel):
    """What a judge's orders write otherwise than the court's ``citation``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    word: CitationWord | None = None
    placement: Placement | None = None
    brackets: Brackets | None = None
    space: bool | None = None


class JudgeForms(BaseModel):
    """One judge's entry: the citation form and the order's shape seen in the judge's orders."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    citation: JudgeCitation | None = None
    order: RulingForm | None = None  # the keys of the answers' ruling.form
    source: str


class _Judges(RootModel[dict[str, dict[str, JudgeForms]]]):
    pass


class FormError(AssemblerError):
    """The answers' form does not fit over the court's and the judge's; ``field`` names it."""

    def __init__(self, message: str, field: tuple[str | int, ...]) -> None:
        super().__init__(message)
        self.field = field


@lru_cache(maxsize=1)
def judges() -> dict[str, dict[str, JudgeForms]]:
    """``data/judges.yaml``: each judge's forms, by court id and the judge's name (case.judge)."""
    entries = packaged.validate(_Judges, packaged.read("judges.yaml") or {}, JUDGES).root
    for court_id in entries:
        if court_id not in districts():
            raise packaged.error(JUDGES, (court_id,), "is not a court id of data/districts.yaml")
    return entries


def judge_forms(court: Court, judge: str | None) -> JudgeForms | None:
    """What ``data/judges.yaml`` says of the judge's own forms (None when nothing)."""
    return judges().get(court.id, {}).get(judge) if judge else None


def _layered(
    base: Form, answers: Answers, court: Court, key: str, given: dict[str, Any], label: tuple[str, ...]
) -> Form:
    """``base`` (the court's) with the judge's ``key`` forms over it, then the answers' ``given``."""
    form = base
    judge = judge_forms(court, answers.case.judge)
    seen: BaseModel | None = getattr(judge, key) if judge else None
    changes = seen.model_dump(exclude_none=True) if seen else {}
    if judge and changes:
        changes["source"] = f"{answers.case.judge}: {judge.source}"
        form = packaged.validate(
            type(base), {**form.model_dump(), **changes}, JUDGES, at=(court.id, answers.case.judge or "", key)
        )
    if given:
        try:
            form = type(base).model_validate(
                {**form.model_dump(), **given, "source": f"the answers ({'.'.join(label)})"}
            )
        except ValidationError as exc:
            first = exc.errors()[0]
            raise FormError(first["msg"].removeprefix("Value error, "), label + tuple(first["loc"])) from None
    return form


def citation_style(answers: Answers, court: Court) -> CitationStyle:
    """The docket citation form of this case: the court's, the judge's, then the answers'.

    Raises ``FormError`` where the answers' form does not fit (``space: false`` on a word
    that takes a space)."""
    given = answers.citation.model_dump(exclude_none=True, exclude={"names"})
    style = _layered(court.citation, answers, court, "citation", given, ("citation",))
    # a form the judge's orders or the answers give is the one the papers use: verified for them
    return style if style is court.citation else style.model_copy(update={"verified": True})


def order_form(answers: Answers, court: Court) -> OrderForm:
    """The shape of the proposed orders: the court's, the judge's, then the answers'."""
    given = answers.ruling.form.model_dump(exclude_none=True) if answers.ruling else {}
    return _layered(court.order, answers, court, "order", given, ("ruling", "form"))


def notice_of_motion(answers: Answers, court: Court) -> bool:
    """Whether the motion is a notice of motion and a memorandum of law: the court's practice
    (``notice_of_motion``), or the answers' ``motion.notice``."""
    return court.notice_of_motion.value is True or answers.motion.notice is not None
