"""Packaged data files read through a pydantic schema: a typo is one sentence, not a KeyError.

``load("holidays.yaml", Holidays)`` parses ``assembler/data/holidays.yaml`` and
checks it against the model; a file that breaks the schema raises ``DataError``
naming the file and the key (``data/holidays.yaml: closures.3.order: Field
required``).
"""

from __future__ import annotations

from importlib import resources
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from assembler.errors import DataError

M = TypeVar("M", bound=BaseModel)


class Strict(BaseModel):
    """A data record: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def parse(name: str, text: str, model: type[M]) -> M:
    """``text`` (the YAML of data file ``name``) checked against ``model``."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise DataError(f"data/{name} is not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        key = ".".join(str(part) for part in first["loc"]) or "the top level"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise DataError(f"data/{name}: {key}: {first['msg']}{more}") from None


def load(name: str, model: type[M]) -> M:
    """The packaged data file ``assembler/data/<name>``, checked against ``model``."""
    text = (resources.files("assembler") / "data" / name).read_text(encoding="utf-8")
    return parse(name, text, model)
