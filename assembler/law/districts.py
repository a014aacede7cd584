"""Every US district court by CourtListener id, read without the rest of the court machinery.

The interview's first question lists them; loading them must not wait for
pydantic and the court profiles (``courts`` builds on this).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def districts() -> dict[str, dict[str, Any]]:
    """Every US district court by CourtListener id: name, state, circuit."""
    text = (resources.files("assembler") / "data" / "districts.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, the package's own data
