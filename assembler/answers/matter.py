"""Load an answer file into a checked ``Matter``: typed, cross-checked, markup parsed.

Every problem is collected and reported together, each with its field path and
the file and line to fix.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from assembler.answers import markup
from assembler.answers.model import MARKUP, Answers, DocketEntry
from assembler.answers.quotes import curl_answers
from assembler.answers.reader import FieldPath, Source, load_source
from assembler.errors import AnswersError, CourtError, Problem
from assembler.law import record
from assembler.law.citations import CitationStyle
from assembler.law.courts import Court, load_court
from assembler.law.forms import FormError, citation_style
from assembler.law.grounds import ResolvedGround
from assembler.law.grounds import resolve as resolve_grounds
from assembler.law.vehicles import Vehicle
from assembler.law.vehicles import problems as vehicle_problems
from assembler.law.vehicles import resolve as resolve_vehicle

_MESSAGES = {
    "missing": "required, but not given",
    "extra_forbidden": "unknown key (check its spelling and place)",
    "date_type": "not a date: write it as YYYY-MM-DD, unquoted",
    "string_type": "must be text (put it in quotes if YAML read it as a number or date)",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be a mapping of keys to values",
    "dict_type": "must be a mapping of keys to values",
    "too_short": "must not be empty",
    "string_too_short": "must not be empty",
    "string_pattern_mismatch": "is not in the expected form",
}


@dataclass(frozen=True)
class Matter:
    """A checked answer file: the answers, the court, and each markup field parsed."""

    answers: Answers
    court: Court
    source: Source
    texts: dict[FieldPath, markup.Document]
    grounds: dict[str, tuple[ResolvedGround, ...]]
    vehicle: Vehicle
    citation: CitationStyle  # the court's form, or the judge's, or the answers' (forms.citation_style)

    @property
    def file(self) -> Path:
        return self.source.file

    def text(self, *path: Any) -> markup.Document:
        return self.texts[tuple(path)]

    def entry_with_role(self, role: str) -> DocketEntry | None:
        return next((e for e in self.answers.docket if e.role == role), None)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its court by id where the court is the packaged profile (as
        ``load_matter`` gives it): a batch hands a checked matter from one worker to
        another, and each process reads a court's profile once."""
        court: Court | str = self.court.id if self.court is load_court(self.court.id) else self.court
        return _matter, (self.answers, court, self.source, self.texts, self.grounds, self.vehicle, self.citation)


def _matter(answers: Answers, court: Court | str, *rest: Any) -> Matter:
    """A pickled ``Matter`` again, its court read by id from the package where it was pickled so."""
    return Matter(answers, load_court(court) if isinstance(court, str) else court, *rest)


def load_matter(file: Path | str) -> Matter:
    """Read, validate and cross-check one answer file; raises ``AnswersError`` with every problem."""
    from assembler import settings

    source = settings.under(load_source(Path(file)))  # the user's settings' counsel beneath it
    try:
        answers = Answers.model_validate(source.data)
    except ValidationError as exc:
        raise AnswersError([_problem(source, error) for error in exc.errors()]) from None
    answers = curl_answers(answers)
    problems: list[Problem] = []
    court = None
    try:
        court = load_court(answers.court)
    except CourtError as exc:
        problems.append(source.problem(str(exc), ("court",)))
    if court is not None and (wrong := case_number_problem(court, answers.case.number)):
        problems.append(source.problem(wrong, ("case", "number")))
    for index, number in enumerate(answers.case.consolidated):
        if court is not None and (wrong := case_number_problem(court, number)):
            problems.append(source.problem(wrong, ("case", "consolidated", index)))
    problems += _docket_problems(answers, source)
    if court is not None:
        problems += vehicle_problems(answers, court, source)
    texts, markup_problems = _parse_texts(answers, source)
    problems += markup_problems
    if court is not None:
        problems += record.citation_problems(answers, court, source, texts) + record.exhibit_problems(
            answers, court, source
        )
    resolved: dict[str, tuple[ResolvedGround, ...]] = {}
    citation = None
    try:
        citation = citation_style(answers, court) if court is not None else None
    except FormError as exc:
        problems.append(source.problem(str(exc), exc.field))
    if not markup_problems and court is not None and citation is not None:
        resolved, ground_problems = resolve_grounds(answers, source, texts, court, citation)
        problems += ground_problems
    if problems:
        raise AnswersError(problems)
    assert court is not None and citation is not None
    return Matter(answers, court, source, texts, resolved, resolve_vehicle(answers, court), citation)


def case_number_problem(court: Court, number: str) -> str | None:
    """Why ``number`` is not a case number of ``court``, or None when the court accepts it."""
    if court.case_number.accepts(number):
        return None
    return (
        f"{number!r} is not a {court.name} case number "
        f"(expected a form such as {' or '.join(court.case_number.examples)})"
    )


def _problem(source: Source, error: Any) -> Problem:
    path = tuple(part for part in error["loc"] if not isinstance(part, str) or "[" not in part)
    return source.problem(error_message(error, path), path)


def error_message(error: Any, path: FieldPath) -> str:
    """The sentence for one pydantic error, in the words ``check`` uses."""
    message = _MESSAGES.get(error["type"], error["msg"])
    given = error.get("input")
    if error["type"] == "extra_forbidden":
        message += _did_you_mean(path)
    elif error["type"] in ("int_type", "float_type") and isinstance(given, str) and given.strip():
        message = (
            f"must be a whole number; {given!r} is read as text, as typed "
            "(write it in plain digits with no leading zero, such as 13)"
        )
    elif error["type"] in ("greater_than_equal", "less_than_equal") and isinstance(given, dt.date):
        message = (
            f"{given.isoformat()} is outside the dates a federal civil paper can bear "
            "(1938-09-16 to 2099-12-31); check the year"
        )
    elif error["type"] == "less_than" and path and path[-1] in ("docket", "number"):
        message = "is not a docket number (docket numbers are below 1,000,000)"
    if error["type"] == "value_error":
        message = error["msg"].removeprefix("Value error, ")
    elif error["type"] == "literal_error":
        message = "must be " + error["msg"].removeprefix("Input should be ")
    elif error["type"] == "string_pattern_mismatch" and path == ("court",):
        message = "must be a court id such as azd or nysd"
    return message


def _did_you_mean(path: FieldPath) -> str:
    """`` (did you mean 'judge'?)`` for a misspelt key, from the keys the model allows there."""
    model: Any = Answers
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return ""
        model = _model_of(field.annotation)
        if model is None:
            return ""
    names = list(model.model_fields) + (["extends"] if model is Answers else [])
    close = difflib.get_close_matches(str(path[-1]), names, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model class inside ``Party``, ``list[Party]`` or ``Party | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _docket_problems(answers: Answers, source: Source) -> list[Problem]:
    problems = []
    seen: dict[int, int] = {}
    roles: dict[str, int] = {}
    for index, entry in enumerate(answers.docket):
        if entry.number in seen:
            problems.append(
                source.problem(
                    f"docket number {entry.number} is listed twice (also docket.{seen[entry.number]})",
                    ("docket", index, "number"),
                )
            )
        seen.setdefault(entry.number, index)
        if entry.role is not None:
            if entry.role in roles:
                problems.append(
                    source.problem(
                        f"role {entry.role!r} is given to two entries (also docket.{roles[entry.role]})",
                        ("docket", index, "role"),
                    )
                )
            roles.setdefault(entry.role, index)
    order_entry = next((e for e in answers.docket if e.number == answers.order.docket), None)
    if order_entry is not None and answers.order.date > order_entry.date:
        problems.append(
            source.problem(
                f"the order is dated {answers.order.date.isoformat()}, after its docket entry "
                f"{order_entry.number} was filed on {order_entry.date.isoformat()}; an order is "
                "docketed on or after the day it is signed",
                ("order", "date"),
            )
        )
    if answers.order.docket not in seen:
        problems.append(
            source.problem(
                f"the challenged order, docket {answers.order.docket}, is not in the docket list", ("order", "docket")
            )
        )
    order_dated = order_entry is None or answers.order.date <= order_entry.date  # else that is wrong
    if "motion" in roles and order_dated and answers.docket[roles["motion"]].date < answers.order.date:
        motion = answers.docket[roles["motion"]]
        problems.append(
            source.problem(
                f"the motion, docket {motion.number}, was filed on {motion.date.isoformat()}, before the "
                f"challenged order (docket {answers.order.docket}, {answers.order.date.isoformat()}); a "
                "motion cannot challenge an order not yet entered: check which entry is the motion and "
                "which the order",
                ("docket", roles["motion"], "role"),
            )
        )
    return problems


def _parse_texts(answers: Answers, source: Source) -> tuple[dict[FieldPath, markup.Document], list[Problem]]:
    texts: dict[FieldPath, markup.Document] = {}
    problems: list[Problem] = []
    numbers = {entry.number for entry in answers.docket}
    for path, value in _markup_fields(answers, ()):
        try:
            document = markup.parse(value)
        except markup.MarkupError as exc:
            problems.append(source.problem(str(exc), path, value.count("\n", 0, exc.offset)))
            continue
        if any(p.kind == "quote" and not p.children for p in document.paragraphs):
            # "> " alone is a block quotation of nothing: the typed ">" would vanish from the paper
            problems.append(
                source.problem(
                    "a line of only “>” begins a block quotation with nothing in it; write the quotation "
                    "after it, or put the > inside the sentence",
                    path,
                )
            )
            continue
        texts[path] = document
        for citation, line_offset in document.citations:
            for cite in citation.cites:
                if isinstance(cite, markup.Cite) and cite.number not in numbers:
                    problems.append(
                        source.problem(
                            f"{citation.source} cites docket {cite.number}, which is not in the docket list",
                            path,
                            line_offset,
                        )
                    )
    return texts, problems


def _markup_fields(model: BaseModel, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    """Every markup string in the answers, with its field path."""
    for name, is_markup in _fields(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        if isinstance(value, BaseModel):
            yield from _markup_fields(value, path + (name,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _markup_fields(item, path + (name, index))
                elif is_markup and isinstance(item, str):
                    yield path + (name, index), item
        elif is_markup and isinstance(value, str):
            yield path + (name,), value


@cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """A model's fields, each with whether it holds markup: read from its annotations once."""
    return tuple(
        (name, any(isinstance(m, type(MARKUP)) for m in info.metadata) or _wraps_markup(info))
        for name, info in model.model_fields.items()
    )


def _wraps_markup(info: Any) -> bool:
    args = getattr(info.annotation, "__args__", ())
    return any(MARKUP in getattr(arg, "__metadata__", ()) for arg in args)
