"""What a run keeps in the user's cache folder for the next (``settings.cache_dir``).

Each store is one JSON object in one file, named for what computed it and its
version (``eyecite-2.7.8``, ``holidays-0.109``), so another version computes
afresh.  Everything kept can always be computed again: a store that is missing,
unreadable or cannot be written is no error, only slower.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any


def path(name: str) -> Path:
    from assembler.settings import cache_dir

    return cache_dir() / f"{name}.json"


@functools.cache
def store(name: str) -> dict[str, Any]:
    """The store ``name`` as the last run left it (empty if none), one object per process."""
    try:
        data = json.loads(path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(name: str, data: dict[str, Any], limit: int | None = None) -> None:
    """Keep ``data`` as the store ``name`` (its oldest entries dropped beyond ``limit``), whole or
    not at all, also beside a batch's other workers."""
    while limit is not None and len(data) > limit:
        del data[next(iter(data))]
    target = path(name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        pass
