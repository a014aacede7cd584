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

from .courts import CitationStyle, Court, OrderForm
from .model import Answers


@lru_cache(maxsize=1)
def judges() -> dict[str, dict[str, dict[str, Any]]]:
    text = (resources.files("assembler") / "data" / "judges.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def judge_forms(court: Court, judge: str | None) -> dict[str, Any]:
    """What ``data/judges.yaml`` says of the judge's own forms (empty when nothing)."""
    return judges().get(court.id, {}).get(judge or "", {}) if judge else {}


def citation_style(answers: Answers, court: Court) -> CitationStyle:
    """The docket citation form of this case: the court's, the judge's, then the answers'."""
    style = court.citation
    judge = judge_forms(court, answers.case.judge)
    changes: dict[str, Any] = dict(judge.get("citation", {}))
    if changes:
        changes["source"] = f"{answers.case.judge}: {judge['source']}"
    given = answers.citation.model_dump(exclude_none=True, exclude={"names"})
    if given:
        changes.update(given, source="the answers (citation)")
    return style.model_copy(update={**changes, "verified": True}) if changes else style


def order_form(answers: Answers, court: Court) -> OrderForm:
    """The shape of the proposed orders: the court's, the judge's, then the answers'."""
    form = court.order
    judge = judge_forms(court, answers.case.judge)
    changes: dict[str, Any] = dict(judge.get("order", {}))
    if changes:
        changes["source"] = f"{answers.case.judge}: {judge['source']}"
    given = answers.ruling.form.model_dump(exclude_none=True) if answers.ruling else {}
    if given:
        changes.update(given, source="the answers (ruling.form)")
    return form.model_copy(update=changes) if changes else form


def notice_of_motion(answers: Answers, court: Court) -> bool:
    """Whether the motion is a notice of motion and a memorandum of law: the court's practice
    (``notice_of_motion``), or the answers' ``motion.notice``."""
    return court.notice_of_motion.value is True or answers.motion.notice is not None
