"""The forms of the papers that follow the court and the judge rather than the law.

The court's profile sets them (``data/courts``); a judge whose orders write
them otherwise has an entry in ``data/judges.yaml``; the answers override
both.  Today: the docket citation form (``citation``) and the shape of an
order (``order``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from assembler.law.citations import CitationStyle
from assembler.law.courts import Court, OrderForm
from assembler.answers.model import Answers


@lru_cache(maxsize=1)
def judges() -> dict[str, dict[str, dict[str, Any]]]:
    text = (resources.files("assembler") / "data" / "judges.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def judge_forms(court: Court, judge: str | None) -> dict[str, Any]:
    """What ``data/judges.yaml`` says of the judge's own forms (empty when nothing)."""
    return judges().get(court.id, {}).get(judge or "", {}) if judge else {}


def _layered(base: Any, answers: Answers, court: Court, key: str, given: dict[str, Any],
             label: str) -> Any:
    """``base`` (the court's) with the judge's ``key`` forms over it, then the answers' ``given``."""
    judge = judge_forms(court, answers.case.judge)
    changes: dict[str, Any] = dict(judge.get(key, {}))
    if changes:
        changes["source"] = f"{answers.case.judge}: {judge['source']}"
    if given:
        changes.update(given, source=f"the answers ({label})")
    return base.model_copy(update=changes) if changes else base


def citation_style(answers: Answers, court: Court) -> CitationStyle:
    """The docket citation form of this case: the court's, the judge's, then the answers'."""
    given = answers.citation.model_dump(exclude_none=True, exclude={"names"})
    style: CitationStyle = _layered(court.citation, answers, court, "citation", given, "citation")
    # a form the judge's orders or the answers give is the one the papers use: verified for them
    return style if style is court.citation else style.model_copy(update={"verified": True})


def order_form(answers: Answers, court: Court) -> OrderForm:
    """The shape of the proposed orders: the court's, the judge's, then the answers'."""
    given = answers.ruling.form.model_dump(exclude_none=True) if answers.ruling else {}
    form: OrderForm = _layered(court.order, answers, court, "order", given, "ruling.form")
    return form


def notice_of_motion(answers: Answers, court: Court) -> bool:
    """Whether the motion is a notice of motion and a memorandum of law: the court's practice
    (``notice_of_motion``), or the answers' ``motion.notice``."""
    return court.notice_of_motion.value is True or answers.motion.notice is not None
