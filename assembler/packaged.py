"""The package's own data files (``assembler/data``): read, and checked against their schemas.

Each module that owns a data file gives its schema (a pydantic model, or a light
check where pydantic must not load, as for ``districts.yaml``) and reads the
file through ``load`` or ``read``.  A file that does not fit is a ``DataError``
in one sentence: the file, the key, what is wrong.  This module imports no
pydantic: ``assembler --version`` and the interview's first question stay fast.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from assembler.errors import DataError

if TYPE_CHECKING:
    from pydantic import BaseModel

    M = TypeVar("M", bound=BaseModel)

Loc = tuple[str | int, ...]
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MESSAGES = {"missing": "required, but not given", "extra_forbidden": "unknown key (check its spelling and place)"}


def read(name: str) -> Any:
    """The YAML of ``data/<name>`` (``courts/azd.yaml``), read with the C safe loader; what it reads
    of the file's text is kept for the next run (``kept.parsed``: YAML is read in Python, some
    25 ms a check for the sixteen files; the kept copy in a tenth of it)."""
    from assembler import kept

    text = (resources.files("assembler") / "data" / name).read_text(encoding="utf-8")
    return kept.parsed(f"data-pyyaml-{yaml.__version__}", text, lambda: _yaml(name, text))


def _yaml(name: str, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        raise DataError(f"data/{name}{line}: not YAML ({getattr(exc, 'problem', exc)})") from None


def names(folder: str) -> list[str]:
    """The YAML files of ``data/<folder>``, by name, sorted."""
    return sorted(
        entry.name
        for entry in (resources.files("assembler") / "data" / folder).iterdir()
        if entry.name.endswith(".yaml")
    )


def key(loc: Loc) -> str:
    """A key path as the files write it: ``nysd."Kenneth M. Karas".citation.word``."""
    if len(loc) == 1:
        return str(loc[0])
    return ".".join(
        f'"{part}"' if isinstance(part, str) and any(c in part for c in ". :") else str(part) for part in loc
    )


def error(where: str, loc: Loc, message: str) -> DataError:
    """The one sentence for a data file's fault: ``data/wording.yaml: verb.granted: ...``."""
    return DataError(f"{where}: {key(loc)}: {message}" if loc else f"{where}: {message}")


def validate(model: type[M], data: Any, where: str | Callable[[Loc], str], at: Loc = ()) -> M:
    """``data`` as ``model``, or a ``DataError`` naming the file (``where``, or ``where(key)`` for
    data merged from several files) and the key of the first fault (under ``at``, where ``data``
    is a part of the file)."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        loc = tuple(part for part in first["loc"] if not (isinstance(part, str) and "[" in part))
        message = _MESSAGES.get(first["type"], first["msg"].removeprefix("Value error, "))
        given = first.get("input")
        if first["type"] not in (*_MESSAGES, "value_error") and isinstance(given, (str, int, float, bool)):
            message += f" (given {given[:60] if isinstance(given, str) else given!r})"
        if len(errors) > 1:
            message += f" (and {len(errors) - 1} more)"
        raise error(where(loc) if callable(where) else where, at + loc, message) from None


def load(name: str, model: type[M]) -> M:
    """``data/<name>``, checked against ``model``."""
    return validate(model, read(name), f"data/{name}")


def parse(name: str, text: str, model: type[M]) -> M:
    """``text``, the YAML of ``data/<name>`` (an edited copy, in a test), checked against ``model``."""
    return validate(model, _yaml(name, text), f"data/{name}")
